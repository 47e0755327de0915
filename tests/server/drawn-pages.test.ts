/*
 * Pages with a first screen (src/server/drawn-pages.ts): drawn per URL, kept for the URLs asked for most recently, and
 * compressed in the encoding the browser asks for.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawnScreen } from '../../src/first-screen/node/load-first-screen.ts';
import { closeServer, listen } from '../../src/server/lifecycle.ts';
import { PAGE_CACHE_SIZE } from '../../src/server/drawn-pages.ts';
import { createStaticSite } from '../../src/server/static.ts';
import { rawRequest, type Reply } from './raw-request.ts';

const INDEX_HTML = '<!doctype html><html><head><meta charset="UTF-8" /><title>Campaigns</title></head><body><div id="root"></div></body></html>';

let distDir: string;
let server: Server;
let base: string;
/** URLs whose drawing fails (once each), as a broken render would. */
const failOnce = new Set<string>();

/** Every list URL is its own view here; other routes have no first screen. */
const viewUrl = (url: string) => (url.startsWith('/?') || url === '/' ? url : null);

/** The first screen names its URL, so a page sent for the wrong one shows. */
function drawScreen(url: string): DrawnScreen | null {
  if (failOnce.delete(url)) throw new Error('drawing failed');
  // A screen as big as the app's, so compressing it is worth it.
  const rows = Array.from({ length: 50 }, (_, index) => `<tr><td>row ${index} of ${url}</td></tr>`).join('');
  return { head: '', root: `<main data-url="${url}"><table>${rows}</table></main>`, scriptSources: [] };
}

const get = (path: string, headers: Record<string, string> = {}) => rawRequest(base, path, { Accept: 'text/html', ...headers });

const drawnUrl = (reply: Reply) => /<main data-url="([^"]*)">/.exec(reply.body.toString())?.[1] ?? null;

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'dist-'));
  writeFileSync(join(distDir, 'index.html'), INDEX_HTML);
  const site = createStaticSite(distDir, { firstScreen: Promise.resolve({ viewUrl, draw: drawScreen }) });
  server = createServer((req, res) => {
    if (!site.handle(req, res)) {
      res.statusCode = 404;
      res.end();
    }
  });
  base = await listen(server, 0, '127.0.0.1', 'PORT');
});

afterAll(async () => {
  await closeServer(server);
  rmSync(distDir, { recursive: true, force: true });
});

describe('pages with a first screen', () => {
  it("always sends a URL's own screen, however many other pages were sent in between", async () => {
    const first = await get('/?status=running');
    expect(drawnUrl(first)).toBe('/?status=running');
    for (let page = 1; page <= PAGE_CACHE_SIZE + 20; page += 1) {
      expect(drawnUrl(await get(`/?page=${page}`))).toBe(`/?page=${page}`);
    }
    // Asked for again: among the pages kept and among those let go.
    for (const url of ['/?status=running', '/?page=1', `/?page=${PAGE_CACHE_SIZE + 20}`, '/?status=paused', '/']) {
      const [one, two] = await Promise.all([get(url), get(url)]);
      expect(drawnUrl(one), url).toBe(url);
      expect(two.body.equals(one.body), url).toBe(true);
    }
    expect(drawnUrl(await get('/?status=running'))).toBe('/?status=running');
  });

  it('sends a drawn page in the encoding the browser accepts, each the same page', async () => {
    const plain = await get('/?sort=name', { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(drawnUrl(plain)).toBe('/?sort=name');
    const brotli = await get('/?sort=name', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    const gzip = await get('/?sort=name', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    for (const reply of [plain, brotli, gzip]) {
      expect(reply.headers.vary).toBe('Accept-Encoding');
      expect(reply.headers.etag).toBe(plain.headers.etag);
      expect(reply.headers['cache-control']).toBe('no-cache');
    }
    const revalidated = await get('/?sort=name', { 'If-None-Match': String(plain.headers.etag) });
    expect(revalidated.status).toBe(304);
    expect((await get('/?sort=name&page=2', { 'If-None-Match': String(plain.headers.etag) })).status).toBe(200);
  });

  it('answers a drawing that failed with an error, and draws the page again the next time', async () => {
    failOnce.add('/?search=retry');
    expect((await get('/?search=retry')).status).toBe(500);
    const again = await get('/?search=retry');
    expect(again.status).toBe(200);
    expect(drawnUrl(again)).toBe('/?search=retry');
  });

  it('sends other routes as built', async () => {
    const reply = await get('/auth/callback?code=x&state=y');
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe(INDEX_HTML);
  });
});
