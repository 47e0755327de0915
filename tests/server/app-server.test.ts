import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer, HSTS, MAX_REQUEST_HEADER_BYTES } from '../../src/server/app-server.ts';
import { toRuntimeConfig, toServerConfig, type ServerConfig } from '../../src/server/config.ts';
import { closeServer, listen } from '../../src/server/lifecycle.ts';
import { rawRequest } from './raw-request.ts';
import { UPSTREAMLESS_ENV } from './upstreamless-env.ts';

const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd.js"></script></head><body><div id="root"></div></body></html>';
const APP_JS = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"campaign ${i}"`).join(',')}];\n`;

/** index.html as built, less the runtime configuration block the server writes into it. */
const withoutInlineConfig = (html: string) => html.replace(/<script type="application\/json" id="app-config">.*?<\/script>/, '');

let distDir: string;
let server: Server;
let base: string;
let config: ServerConfig;

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => rawRequest(base, path, headers, method);

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'dist-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(distDir, 'assets', 'index-Ab12Cd.js'), APP_JS);
  writeFileSync(join(distDir, 'assets', 'index-Ef34Gh.css'), 'body{margin:0}');
  writeFileSync(join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // Nothing listens on the API's port: the proxy answers 502.
  config = toServerConfig({ ...UPSTREAMLESS_ENV, identityUrl: 'https://id.example.test', clientSecret: 'server-only-secret' });
  server = createAppServer(config, { distDir, log: () => {} });
  base = await listen(server, 0, '127.0.0.1', 'PORT');
});

afterAll(async () => {
  await closeServer(server);
  rmSync(distDir, { recursive: true, force: true });
});

describe('static files', () => {
  it('serves index.html for / with no-cache', async () => {
    const reply = await get('/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(withoutInlineConfig(reply.body.toString())).toBe(INDEX_HTML);
  });

  it('writes the public runtime configuration into index.html as inert JSON, never the secret', async () => {
    const html = (await get('/')).body.toString();
    const block = /<script type="application\/json" id="app-config">(.*?)<\/script>/.exec(html);
    expect(block).not.toBeNull();
    expect(JSON.parse(block![1]!)).toEqual(toRuntimeConfig(config));
    expect(html).not.toContain('server-only-secret');
  });

  it('serves hashed assets as immutable with their content type', async () => {
    const js = await get('/assets/index-Ab12Cd.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body.toString()).toBe(APP_JS);
    const css = await get('/assets/index-Ef34Gh.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const svg = await get('/favicon.svg');
    expect([svg.headers['content-type'], svg.headers['cache-control']]).toEqual(['image/svg+xml', 'no-cache']);
  });

  it('compresses text assets when the browser accepts it', async () => {
    // Brotli is prepared in the background at start; gzip answers until it is ready.
    await expect
      .poll(async () => (await get('/assets/index-Ab12Cd.js', { 'Accept-Encoding': 'gzip, deflate, br' })).headers['content-encoding'])
      .toBe('br');
    const br = await get('/assets/index-Ab12Cd.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(APP_JS.length / 2);
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);

    const gzip = await get('/assets/index-Ab12Cd.js', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(APP_JS);

    const refused = await get('/assets/index-Ab12Cd.js', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(APP_JS);
  });

  it('keeps serving the build it started with when dist is rebuilt underneath', async () => {
    const other = mkdtempSync(join(tmpdir(), 'dist-'));
    writeFileSync(join(other, 'index.html'), INDEX_HTML);
    const running = createAppServer(config, { distDir: other, log: () => {} });
    const url = await listen(running, 0, '127.0.0.1', 'PORT');
    rmSync(other, { recursive: true, force: true });
    try {
      const response = await fetch(`${url}/`);
      expect(response.status).toBe(200);
      expect(withoutInlineConfig(await response.text())).toBe(INDEX_HTML);
    } finally {
      await closeServer(running);
    }
  });

  it('says so when the build has no first screen to draw, and serves the plain page', async () => {
    const other = mkdtempSync(join(tmpdir(), 'dist-'));
    writeFileSync(join(other, 'index.html'), INDEX_HTML);
    const lines: string[] = [];
    const running = createAppServer(config, { distDir: other, log: (line) => lines.push(line) });
    const url = await listen(running, 0, '127.0.0.1', 'PORT');
    try {
      const response = await fetch(`${url}/`, { headers: { Accept: 'text/html' } });
      expect(withoutInlineConfig(await response.text())).toBe(INDEX_HTML);
      expect(lines).toContainEqual(expect.stringMatching(/\.first-screen.* is missing .*pages are drawn in the browser/));
    } finally {
      await closeServer(running);
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('answers a matching If-None-Match with 304', async () => {
    const first = await get('/');
    const again = await get('/', { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('falls back to index.html for client routes that a browser navigates to', async () => {
    for (const path of ['/campaigns', '/campaigns/abc-123?status=ready&page=2', '/auth/callback?code=x&state=y', '/signed-out']) {
      const reply = await get(path, { Accept: 'text/html,application/xhtml+xml' });
      expect(reply.status, path).toBe(200);
      expect(withoutInlineConfig(reply.body.toString()), path).toBe(INDEX_HTML);
      expect(reply.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('answers 404 for missing files, and for routes not asked as HTML', async () => {
    for (const path of ['/assets/index-Missing.js', '/robots.txt', '/logo.png']) {
      expect((await get(path, { Accept: 'text/html' })).status, path).toBe(404);
    }
    expect((await get('/campaigns', { Accept: 'application/json' })).status).toBe(404);
  });

  it('never serves files outside dist', async () => {
    for (const path of ['/../package.json', '/assets/../../package.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/package.json']) {
      const reply = await get(path, { Accept: '*/*' });
      expect(reply.status, path).toBe(404);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('/', {}, 'POST')).status).toBe(405);
    const head = await get('/assets/index-Ab12Cd.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});

describe('health, config and proxy', () => {
  it('answers the health check', async () => {
    const reply = await get('/healthz');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body.toString())).toEqual({ status: 'ok' });
  });

  it('serves the runtime config without the secret', async () => {
    const reply = await get('/app-config.json');
    expect(JSON.parse(reply.body.toString())).toMatchObject({ authorizeUrl: 'https://id.example.test/oauth/authorize' });
    expect(reply.body.toString()).not.toContain('server-only-secret');
  });

  it('routes /api through the proxy', async () => {
    const reply = await get('/api/campaigns');
    expect(reply.status).toBe(502);
    expect(JSON.parse(reply.body.toString())).toMatchObject({ code: 'bad_gateway', fields: [] });
    expect((await get('/api/record-lists')).status).toBe(404);
  });
});

describe('security headers', () => {
  it('are on every kind of response', async () => {
    for (const path of ['/', '/assets/index-Ab12Cd.js', '/missing.png', '/healthz', '/app-config.json', '/api/nope', '/campaigns']) {
      const { headers } = await get(path, { Accept: 'text/html' });
      expect(headers['content-security-policy'], path).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
          "object-src 'none'; base-uri 'none'; form-action 'self' https://id.example.test; frame-ancestors 'none'",
      );
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
      expect(headers['permissions-policy'], path).toContain('camera=()');
    }
  });
});

describe('readiness', () => {
  /** A stand-in upstream host that counts the requests reaching it. */
  async function countingHost(): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
    let hits = 0;
    const host = createServer((_req, res) => {
      hits += 1;
      res.statusCode = 404;
      res.end();
    });
    const url = await listen(host, 0, '127.0.0.1', 'PORT');
    return { url, hits: () => hits, close: () => closeServer(host) };
  }

  it('says whether both upstream hosts answer, from probes in the background, never one per request', async () => {
    const [identity, api] = [await countingHost(), await countingHost()];
    const running = createAppServer(toServerConfig({ ...UPSTREAMLESS_ENV, identityUrl: identity.url, apiUrl: api.url }), { distDir, log: () => {} });
    const url = await listen(running, 0, '127.0.0.1', 'PORT');
    try {
      await expect.poll(async () => (await rawRequest(url, '/readyz')).status).toBe(200);
      for (let i = 0; i < 20; i += 1) {
        const reply = await rawRequest(url, '/readyz');
        expect([reply.status, JSON.parse(reply.body.toString()), reply.headers['cache-control']]).toEqual([
          200,
          { status: 'ready', identity: 'reachable', api: 'reachable' },
          'no-store',
        ]);
      }
      expect([identity.hits(), api.hits()]).toEqual([1, 1]);
    } finally {
      await Promise.all([closeServer(running), identity.close(), api.close()]);
    }
  });

  it('is 503 naming the host that does not answer, while health stays ok', async () => {
    const api = await countingHost();
    // Nothing listens on the discard port.
    const running = createAppServer(toServerConfig({ ...UPSTREAMLESS_ENV, identityUrl: 'http://127.0.0.1:9', apiUrl: api.url }), { distDir, log: () => {} });
    const url = await listen(running, 0, '127.0.0.1', 'PORT');
    try {
      await expect.poll(async () => JSON.parse((await rawRequest(url, '/readyz')).body.toString())).toEqual({
        status: 'not ready',
        identity: 'unreachable',
        api: 'reachable',
      });
      expect((await rawRequest(url, '/readyz')).status).toBe(503);
      expect((await rawRequest(url, '/healthz')).status).toBe(200);
    } finally {
      await Promise.all([closeServer(running), api.close()]);
    }
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent when the dashboard is served over TLS, for its public host and never for a loopback one', async () => {
    const cases = [
      { env: { publicUrl: 'https://dash.example.test' }, host: 'dash.example.test', hsts: HSTS },
      { env: { tlsProxy: true }, host: 'dash.example.test', hsts: HSTS },
      { env: { tlsProxy: true }, host: 'localhost:8080', hsts: undefined },
      { env: { tlsProxy: true }, host: '127.0.0.1:8080', hsts: undefined },
      { env: { publicUrl: 'http://dash.example.test' }, host: 'dash.example.test', hsts: undefined },
      { env: {}, host: 'dash.example.test', hsts: undefined },
    ];
    for (const { env, host, hsts } of cases) {
      const running = createAppServer(toServerConfig({ ...UPSTREAMLESS_ENV, ...env }), { distDir, log: () => {} });
      const url = await listen(running, 0, '127.0.0.1', 'PORT');
      try {
        for (const path of ['/', '/healthz', '/api/campaigns']) {
          const reply = await rawRequest(url, path, { Host: host });
          expect(reply.headers['strict-transport-security'], `${JSON.stringify(env)} ${host} ${path}`).toBe(hsts);
        }
      } finally {
        await closeServer(running);
      }
    }
    expect(HSTS).toBe('max-age=31536000');
  });
});

describe('request size', () => {
  it(`opens links up to ${MAX_REQUEST_HEADER_BYTES / 1024} KiB of request head, and answers a larger one with 431`, async () => {
    const search = (bytes: number) => `/?search=${'a'.repeat(bytes)}`;
    expect((await get(search(60 * 1024), { Accept: 'text/html' })).status).toBe(200);
    expect((await get(search(MAX_REQUEST_HEADER_BYTES), { Accept: 'text/html' })).status).toBe(431);
  });
});

describe('start-up', () => {
  it('names the build step when dist has no index.html', () => {
    const empty = mkdtempSync(join(tmpdir(), 'dist-'));
    try {
      expect(() => createAppServer(config, { distDir: empty })).toThrow(/index\.html not found: run npm run build first/);
      expect(() => createAppServer(config, { distDir: join(empty, 'absent') })).toThrow(/run npm run build first/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('reports a port in use with the variable to change', async () => {
    const { port } = server.address() as AddressInfo;
    await expect(listen(createServer(), port, '127.0.0.1', 'PORT')).rejects.toThrow(
      `Port ${port} is already in use: set PORT to another port`,
    );
  });
});
