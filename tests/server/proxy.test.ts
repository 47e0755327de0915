import { createServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toServerConfig, type ServerConfig } from '../../src/server/config.ts';
import { createProxy } from '../../src/server/proxy.ts';
import { MAX_UPSTREAM_BODY_BYTES } from '../../src/server/upstream.ts';
import { rawRequest } from './raw-request.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in for Talkdesk that records what reached it; `answer` decides the reply per test. */
let received: Received[] = [];
let answer: (req: Received, res: ServerResponse) => void = (_req, res) => res.end('{}');
let upstreamClosed: Promise<void> = Promise.resolve();
let onUpstreamClose: () => void = () => {};

const upstream = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
    received.push(entry);
    res.on('close', () => onUpstreamClose());
    answer(entry, res);
  });
});

const SECRET = 'top secret:with spaces';
const logs: string[] = [];
let proxyServer: Server;
let proxyPort: number;
let config: ServerConfig;

function startProxy(
  overrides: Partial<{ apiUrl: string; identityUrl: string; clientSecret: string | undefined; upstreamTimeoutMs: number; publicUrl: string }> = {},
) {
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const cfg = toServerConfig({
    region: 'sandbox',
    account: undefined,
    apiUrl: overrides.apiUrl ?? upstreamUrl,
    identityUrl: overrides.identityUrl ?? upstreamUrl,
    clientId: 'campaigns-dashboard',
    clientSecret: 'clientSecret' in overrides ? overrides.clientSecret : SECRET,
    scope: 'openid campaigns:read',
    port: 5173,
    host: '127.0.0.1',
    upstreamTimeoutMs: overrides.upstreamTimeoutMs ?? 2_000,
    publicUrl: overrides.publicUrl ?? null,
  });
  const proxy = createProxy(cfg, { log: (line) => logs.push(line) });
  const server = createServer((req, res) =>
    proxy(req, res, () => {
      res.statusCode = 418;
      res.end('next');
    }),
  );
  return new Promise<{ server: Server; port: number; config: ServerConfig }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, config: cfg })),
  );
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json: () => Record<string, unknown>;
}

/** node:http rather than fetch, so that paths like `/api/../x` and absolute-form targets reach the server as written. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; port?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: options.port ?? proxyPort, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) as Record<string, unknown> });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Bytes exactly as written (one byte per character), for requests a well-behaved client library refuses to produce. */
function sendRaw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(proxyPort, '127.0.0.1', () => socket.write(text, 'latin1'));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  ({ server: proxyServer, port: proxyPort, config } = await startProxy());
});

afterAll(async () => {
  proxyServer.closeAllConnections();
  upstream.closeAllConnections();
  await Promise.all([new Promise((r) => proxyServer.close(r)), new Promise((r) => upstream.close(r))]);
});

afterEach(() => {
  received = [];
  logs.length = 0;
  answer = (_req, res) => res.end('{}');
});

describe('runtime config', () => {
  it('serves the public configuration without the secret and uncached', async () => {
    const reply = await send('/app-config.json');
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.json()).toEqual({
      region: 'sandbox',
      regionLabel: 'Sandbox',
      clientId: 'campaigns-dashboard',
      authorizeUrl: `${config.identityUrl}/oauth/authorize`,
      tokenPath: '/oauth/token',
      revokePath: '/oauth/revoke',
      apiBasePath: '/api',
      scope: 'openid campaigns:read',
      issuer: config.identityUrl,
    });
    expect(reply.body).not.toContain('secret');
  });

  it('refuses other methods', async () => {
    const reply = await send('/app-config.json', { method: 'POST' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });
});

describe('API proxy: what passes', () => {
  it('forwards the list with its query string as is, and only the allowed request headers', async () => {
    answer = (_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('ETag', '"v1"');
      res.setHeader('Cache-Control', 'private, max-age=5');
      res.setHeader('Set-Cookie', 'session=upstream');
      res.setHeader('X-Internal', 'leak');
      res.end('{"total":0}');
    };
    const reply = await send('/api/campaigns?page=2&per_page=10&search=S%C3%A3o+Paulo&status=ready', {
      headers: {
        Authorization: 'Bearer user-token',
        Accept: 'application/json',
        'Accept-Language': 'pt-BR',
        Cookie: 'sid=browser',
        'X-Forwarded-Host': 'evil.test',
        'X-Custom': 'x',
        Connection: 'keep-alive',
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('{"total":0}');
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.headers.etag).toBe('"v1"');
    // Per-user data: upstream's caching is not passed on.
    expect(reply.headers['cache-control']).toBe('private, no-store');
    expect(reply.headers['set-cookie']).toBeUndefined();
    expect(reply.headers['x-internal']).toBeUndefined();

    expect(received).toHaveLength(1);
    const [seen] = received;
    expect(seen?.url).toBe('/campaigns?page=2&per_page=10&search=S%C3%A3o+Paulo&status=ready');
    expect(seen?.headers.authorization).toBe('Bearer user-token');
    expect(seen?.headers['accept-language']).toBe('pt-BR');
    expect(seen?.headers.cookie).toBeUndefined();
    expect(seen?.headers['x-forwarded-host']).toBeUndefined();
    expect(seen?.headers['x-custom']).toBeUndefined();
    expect(seen?.headers.host).toBe(new URL(config.apiUrl).host);
  });

  it('forwards one campaign by id, and HEAD', async () => {
    expect((await send('/api/campaigns/0b9f-ABC-123')).status).toBe(200);
    expect((await send('/api/campaigns', { method: 'HEAD' })).status).toBe(200);
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /campaigns/0b9f-ABC-123', 'HEAD /campaigns']);
  });

  it('passes upstream errors through unchanged', async () => {
    const problem = '{"code":"1","message":"Invalid token","fields":[]}';
    answer = (_req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      res.end(problem);
    };
    const unauthorized = await send('/api/campaigns');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.body).toBe(problem);
    expect(unauthorized.headers['www-authenticate']).toBe('Bearer error="invalid_token"');

    answer = (_req, res) => {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '7' });
      res.end('{"code":"429","message":"Slow down","fields":[]}');
    };
    const limited = await send('/api/campaigns');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');

    answer = (_req, res) => {
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end('maintenance');
    };
    const down = await send('/api/campaigns');
    expect([down.status, down.body]).toEqual([503, 'maintenance']);
  });

  it('passes If-None-Match and a 304 answer through', async () => {
    answer = (req, res) => {
      res.writeHead(req.headers['if-none-match'] === '"v1"' ? 304 : 200, { ETag: '"v1"' });
      res.end();
    };
    const reply = await send('/api/campaigns', { headers: { 'If-None-Match': '"v1"' } });
    expect(reply.status).toBe(304);
    expect(reply.headers.etag).toBe('"v1"');
  });
});

describe('API proxy: what is refused', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('%s is 405 with Allow', async (method) => {
    const reply = await send('/api/campaigns/abc', { method });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
    expect(reply.json()).toMatchObject({ code: 'method_not_allowed', fields: [] });
    expect(received).toEqual([]);
  });

  it.each([
    ['/api/record-lists', 404],
    ['/api/do-not-call-lists?x=1', 404],
    ['/api', 404],
    ['/api/campaigns/', 404],
    ['/api/campaigns/abc/extra', 404],
    [`/api/campaigns/${'a'.repeat(65)}`, 404],
    ['/api/campaigns/a_b', 404],
    ['/api/__sandbox/faults', 404],
    ['/api/campaigns/../__sandbox/faults', 400],
    ['/api/../oauth/token', 400],
    ['/api/campaigns/./x', 400],
    ['/api/campaigns/%2e%2e', 400],
    ['/api/campaigns/%2E%2E/record-lists', 400],
    ['/api/campaigns%2fx', 400],
    ['/api/campaigns/a%2Fb', 400],
    ['/api/campaigns/a%5cb', 400],
    ['/api/campaigns/a\\b', 400],
    ['/api//campaigns', 400],
    ['/api/campaigns//x', 400],
    ['/api/campaigns/a%00b', 400],
  ])('%s is %i and never reaches upstream', async (path, status) => {
    const reply = await send(path);
    expect(reply.status).toBe(status);
    expect(reply.json()).toMatchObject({ fields: [] });
    expect(received).toEqual([]);
  });

  it('refuses absolute-form and scheme-relative targets, so the request cannot choose the host', async () => {
    for (const target of ['http://evil.test/api/campaigns', 'https://evil.test/oauth/token', '//evil.test/api/campaigns']) {
      const reply = await send(target);
      expect(reply.status, target).toBe(400);
    }
    expect(received).toEqual([]);
  });

  it('refuses URLs over 8 KB with 414', async () => {
    const reply = await send(`/api/campaigns?search=${'a'.repeat(8 * 1024)}`);
    expect(reply.status).toBe(414);
    expect(received).toEqual([]);
  });

  it('refuses forwarded headers with control characters or over 8 KiB, which Node itself lets through', async () => {
    const ask = (header: string) =>
      sendRaw(`GET /api/campaigns HTTP/1.1\r\nHost: x\r\n${header}\r\nConnection: close\r\n\r\n`);
    const replies = [
      await ask('Authorization: Bearer a\tX-Injected: 1'),
      // NEL, a line break to some parsers, as the single byte 0x85.
      await ask(`Accept-Language: en\x85X-Injected: 1`),
      await ask(`Authorization: Bearer ${'a'.repeat(9 * 1024)}`),
    ];
    // The proxy's own answers (its JSON error shape), not the HTTP parser's bare 400 or 431.
    expect(replies.map((raw) => [raw.split('\r\n')[0], JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).message])).toEqual([
      ['HTTP/1.1 400 Bad Request', 'The authorization header contains control characters.'],
      ['HTTP/1.1 400 Bad Request', 'The accept-language header contains control characters.'],
      ['HTTP/1.1 431 Request Header Fields Too Large', 'The authorization header exceeds 8192 bytes.'],
    ]);
    expect(received).toEqual([]);
  });

  it('does not follow upstream redirects', async () => {
    answer = (_req, res) => {
      res.writeHead(302, { Location: 'http://evil.test/steal' });
      res.end();
    };
    const reply = await send('/api/campaigns', { headers: { Authorization: 'Bearer user-token' } });
    expect(reply.status).toBe(502);
    expect(reply.headers.location).toBeUndefined();
    expect(reply.json()).toMatchObject({ code: 'bad_gateway', fields: [] });
    expect(received).toHaveLength(1);
  });

  it('answers 504 in the error body when upstream does not answer in time', async () => {
    const slow = await startProxy({ upstreamTimeoutMs: 150 });
    answer = () => {};
    try {
      const reply = await send('/api/campaigns', { port: slow.port });
      expect(reply.status).toBe(504);
      expect(reply.json()).toEqual({ code: 'gateway_timeout', message: expect.any(String), fields: [] });
    } finally {
      slow.server.closeAllConnections();
      slow.server.close();
      upstream.closeAllConnections();
    }
  });

  it('answers 502 in the error body when upstream cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const dead = await startProxy({ apiUrl: deadUrl, identityUrl: deadUrl });
    try {
      const reply = await send('/api/campaigns', { port: dead.port });
      expect(reply.status).toBe(502);
      expect(reply.json()).toEqual({ code: 'bad_gateway', message: expect.any(String), fields: [] });
      const token = await send('/oauth/token', { ...form({ grant_type: 'refresh_token', refresh_token: 'r' }), port: dead.port });
      expect(token.status).toBe(502);
      expect(token.json()).toMatchObject({ error: 'temporarily_unavailable' });
    } finally {
      dead.server.close();
    }
  });

  it('aborts the upstream call when the browser goes away', async () => {
    upstreamClosed = new Promise((resolve) => (onUpstreamClose = resolve));
    answer = () => {};
    const req = request({ host: '127.0.0.1', port: proxyPort, path: '/api/campaigns' });
    req.on('error', () => {});
    req.end();
    await expect.poll(() => received.length).toBe(1);
    req.destroy();
    await upstreamClosed;
    onUpstreamClose = () => {};
  });
});

describe('token proxy', () => {
  const basic = `Basic ${Buffer.from('campaigns-dashboard:top+secret%3Awith+spaces').toString('base64')}`;

  it('adds HTTP Basic client authentication and passes the answer through, uncached', async () => {
    answer = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'idp=1' });
      res.end('{"access_token":"at","token_type":"Bearer","expires_in":300}');
    };
    const fields = {
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: 'http://localhost:5173/auth/callback',
      code_verifier: 'v'.repeat(43),
      client_id: 'campaigns-dashboard',
    };
    const reply = await send('/oauth/token', {
      ...form(fields),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        Authorization: 'Basic Zm9vOmJhcg==',
        Cookie: 'sid=browser',
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ access_token: 'at', token_type: 'Bearer', expires_in: 300 });
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['set-cookie']).toBeUndefined();

    const [seen] = received;
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/oauth/token');
    expect(seen?.headers.authorization).toBe(basic);
    expect(seen?.headers.cookie).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(seen?.body))).toEqual(fields);
  });

  it('passes the refresh_token grant and upstream OAuth errors through', async () => {
    answer = (_req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end('{"error":"invalid_grant","error_description":"expired"}');
    };
    const reply = await send('/oauth/token', form({ grant_type: 'refresh_token', refresh_token: 'rt', client_id: 'campaigns-dashboard' }));
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({ error: 'invalid_grant', error_description: 'expired' });
    expect(received[0]?.headers.authorization).toBe(basic);
  });

  it.each([
    ['client_credentials', { grant_type: 'client_credentials', scope: 'campaigns:read' }],
    ['password', { grant_type: 'password', username: 'u', password: 'p' }],
    ['device code', { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'd' }],
    ['no grant_type', { code: 'c' }],
  ])('refuses %s without contacting upstream', async (_name, fields) => {
    const reply = await send('/oauth/token', form(fields));
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({ error: 'unsupported_grant_type', error_description: expect.any(String) });
    expect(received).toEqual([]);
  });

  it('refuses a repeated grant_type (the upstream might read the other one)', async () => {
    const reply = await send('/oauth/token', {
      ...form({}),
      body: 'grant_type=authorization_code&grant_type=client_credentials&code=c',
    });
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({ error: 'invalid_request' });
    expect(received).toEqual([]);
  });

  it('refuses another client_id, and client credentials sent by the browser', async () => {
    const other = await send('/oauth/token', form({ grant_type: 'refresh_token', refresh_token: 'r', client_id: 'someone-else' }));
    expect(other.status).toBe(400);
    expect(other.json()).toMatchObject({ error: 'invalid_client' });
    const withSecret = await send('/oauth/token', form({ grant_type: 'refresh_token', refresh_token: 'r', client_secret: 'guess' }));
    expect(withSecret.status).toBe(400);
    expect(received).toEqual([]);
  });

  it('accepts only POST of a form, within 16 KB, without a query string', async () => {
    const get = await send('/oauth/token');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const json = await send('/oauth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"grant_type":"authorization_code"}',
    });
    expect(json.status).toBe(415);
    const big = await send('/oauth/token', form({ grant_type: 'authorization_code', code: 'c'.repeat(17 * 1024) }));
    expect(big.status).toBe(413);
    const query = await send('/oauth/token?grant_type=client_credentials', form({ grant_type: 'authorization_code', code: 'c' }));
    expect(query.status).toBe(400);
    expect(received).toEqual([]);
  });

  it('adds no Authorization without a configured secret, and drops the browser one', async () => {
    const publicClient = await startProxy({ clientSecret: undefined });
    try {
      await send('/oauth/token', {
        ...form({ grant_type: 'authorization_code', code: 'c' }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic Zm9vOmJhcg==' },
        port: publicClient.port,
      });
      expect(received).toHaveLength(1);
      expect(received[0]?.headers.authorization).toBeUndefined();
    } finally {
      publicClient.server.close();
    }
  });

  it('proxies revocation with the same client authentication', async () => {
    const reply = await send('/oauth/revoke', form({ token: 'rt', token_type_hint: 'refresh_token', client_id: 'campaigns-dashboard' }));
    expect(reply.status).toBe(200);
    expect(received[0]?.url).toBe('/oauth/revoke');
    expect(received[0]?.headers.authorization).toBe(basic);
    const missing = await send('/oauth/revoke', form({ token_type_hint: 'refresh_token' }));
    expect(missing.status).toBe(400);
    expect(received).toHaveLength(1);
  });

  it('does not answer for the identity host’s other endpoints', async () => {
    for (const path of ['/oauth/authorize?client_id=x', '/oauth/jwks', '/__sandbox/faults', '/oauth/token/x']) {
      expect((await send(path)).status, path).toBe(418);
    }
    expect(received).toEqual([]);
  });
});

describe('token proxy: only for the dashboard’s own pages', () => {
  const refresh = form({ grant_type: 'refresh_token', refresh_token: 'stolen', client_id: 'campaigns-dashboard' });
  const ownOrigin = () => `http://127.0.0.1:${proxyPort}`;

  it('refuses a request another site sends, by Sec-Fetch-Site or by Origin, with 403 and nothing sent upstream', async () => {
    const attempts: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site', Origin: ownOrigin() },
      { Origin: 'https://evil.test' },
      { Origin: 'null' },
      { Origin: `http://127.0.0.1:${proxyPort + 1}` },
    ];
    for (const headers of attempts) {
      const reply = await send('/oauth/token', { ...refresh, headers: { ...refresh.headers, ...headers } });
      expect([reply.status, reply.json()], JSON.stringify(headers)).toEqual([
        403,
        { error: 'invalid_request', error_description: expect.stringMatching(/^Token requests from other (sites|origins) are refused\.$/) },
      ]);
      expect(reply.headers['cache-control']).toBe('no-store');
    }
    const revoke = await send('/oauth/revoke', { ...form({ token: 'rt' }), headers: { ...refresh.headers, Origin: 'https://evil.test' } });
    expect(revoke.status).toBe(403);
    expect(received).toEqual([]);
  });

  it('forwards a request from its own origin, and one that is not a browser’s (no Origin)', async () => {
    const own = await send('/oauth/token', { ...refresh, headers: { ...refresh.headers, Origin: ownOrigin(), 'Sec-Fetch-Site': 'same-origin' } });
    expect(own.status).toBe(200);
    expect((await send('/oauth/token', refresh)).status).toBe(200);
    expect(received).toHaveLength(2);
  });

  it('with PUBLIC_URL, accepts that origin only, whatever the Host header says', async () => {
    const behindProxy = await startProxy({ publicUrl: 'https://dashboard.example.test' });
    try {
      const at = (origin: string) =>
        send('/oauth/token', { ...refresh, headers: { ...refresh.headers, Origin: origin }, port: behindProxy.port });
      expect((await at('https://dashboard.example.test')).status).toBe(200);
      expect((await at(`http://127.0.0.1:${behindProxy.port}`)).status).toBe(403);
      expect(received).toHaveLength(1);
    } finally {
      behindProxy.server.close();
    }
  });

  it('forwards the form as checked and encoded afresh, not the bytes the browser sent', async () => {
    await send('/oauth/token', {
      ...form({}),
      body: 'grant_type=refresh%5Ftoken&refresh_token=%41b%2Bc+d&client_id=campaigns-dashboard&',
    });
    expect(received[0]?.body).toBe('grant_type=refresh_token&refresh_token=Ab%2Bc+d&client_id=campaigns-dashboard');
  });
});

describe('API proxy: query parameters of the contract only', () => {
  it('forwards every parameter the API contract names, the detail’s expand included', async () => {
    const list =
      'page=1&per_page=50&created_at_from=2026-01-01T00%3A00%3A00.000Z&created_at_to=2026-02-01T00%3A00%3A00.000Z&action_required=true' +
      '&dialing_mode=PREVIEW&do_not_call_list_id=d&name=n&order_by=name%3Aasc&priority=2&record_list_id=r&search=s&status=ready&user_id=u';
    expect((await send(`/api/campaigns?${list}`)).status).toBe(200);
    expect((await send('/api/campaigns/abc?expand=dialing_mode_configuration%2Cdialing_strategy')).status).toBe(200);
    expect(received.map((r) => r.url)).toEqual([`/campaigns?${list}`, '/campaigns/abc?expand=dialing_mode_configuration%2Cdialing_strategy']);
  });

  it('refuses any other name with 400 naming it, without contacting upstream', async () => {
    for (const [query, name] of [['page=1&utm_source=mail', 'utm_source'], ['access_token=leak', 'access_token'], ['PAGE=2', 'PAGE']]) {
      const reply = await send(`/api/campaigns?${query}`);
      expect([reply.status, reply.json()], query).toEqual([
        400,
        { code: 'bad_request', message: `The query parameter "${name}" is not part of the campaigns API.`, fields: [] },
      ]);
    }
    expect(received).toEqual([]);
  });
});

describe('API proxy: answers', () => {
  /** A campaigns page of `rows` rows, as JSON text. */
  const page = (rows: number) =>
    JSON.stringify({
      total: rows,
      _embedded: { campaigns: Array.from({ length: rows }, (_, i) => ({ id: `id-${i}`, name: `Campaign ${i}`, status: 'READY', priority: 3 })) },
    });

  it('are never cacheable by a shared cache: private, no-store, on answers and refusals alike', async () => {
    answer = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=600' });
      res.end('{}');
    };
    for (const path of ['/api/campaigns', '/api/campaigns?bogus=1', '/api/record-lists']) {
      expect((await send(path)).headers['cache-control'], path).toBe('private, no-store');
    }
  });

  it('reach the browser compressed as it accepts, brotli first, and the same JSON once decompressed', async () => {
    const json = page(50);
    answer = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ETag: '"p1"' });
      res.end(json);
    };
    const br = await rawRequest(`http://127.0.0.1:${proxyPort}`, '/api/campaigns', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect([br.headers['content-encoding'], br.headers.vary, br.headers.etag]).toEqual(['br', 'Accept-Encoding', 'W/"p1"']);
    expect(br.body.length).toBeLessThan(json.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(json);
    const gzip = await rawRequest(`http://127.0.0.1:${proxyPort}`, '/api/campaigns', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(json);
    const plain = await rawRequest(`http://127.0.0.1:${proxyPort}`, '/api/campaigns', { 'Accept-Encoding': 'br;q=0' });
    expect([plain.headers['content-encoding'], plain.body.toString()]).toEqual([undefined, json]);
  });

  it(`are limited to ${MAX_UPSTREAM_BODY_BYTES} bytes: a larger one is a 502 that says so, declared or streamed`, async () => {
    const fits = Buffer.alloc(MAX_UPSTREAM_BODY_BYTES, 'x');
    const exceeds = Buffer.alloc(MAX_UPSTREAM_BODY_BYTES + 1, 'x');
    let streamed = false;
    answer = (req, res) => {
      const body = req.url.includes('big') ? exceeds : fits;
      if (streamed) res.setHeader('Transfer-Encoding', 'chunked');
      else res.setHeader('Content-Length', body.length);
      res.end(body);
    };
    for (const mode of [false, true]) {
      streamed = mode;
      const ok = await send('/api/campaigns');
      expect([ok.status, ok.body.length]).toEqual([200, MAX_UPSTREAM_BODY_BYTES]);
      const big = await send('/api/campaigns/big');
      expect([big.status, big.json()]).toEqual([
        502,
        { code: 'bad_gateway', message: `The upstream answer exceeds ${MAX_UPSTREAM_BODY_BYTES} bytes.`, fields: [] },
      ]);
    }
  });
});

describe('logging', () => {
  it('logs method, path, status and time, never query strings, tokens or the secret', async () => {
    await send('/api/campaigns?search=secret-search&name=leak', { headers: { Authorization: 'Bearer user-token' } });
    await send('/oauth/token', form({ grant_type: 'refresh_token', refresh_token: 'refresh-value' }));
    await send('/oauth/token', form({ grant_type: 'client_credentials' }));
    expect(logs).toHaveLength(3);
    expect(logs[0]).toMatch(/^GET \/api\/campaigns 200 \d+ms$/);
    expect(logs[1]).toMatch(/^POST \/oauth\/token 200 \d+ms$/);
    expect(logs[2]).toMatch(/^POST \/oauth\/token 400 \d+ms$/);
    const all = logs.join('\n');
    for (const secret of ['secret-search', 'leak', 'user-token', 'refresh-value', SECRET, 'Basic']) {
      expect(all).not.toContain(secret);
    }
  });

  it('does not log requests it passes on', async () => {
    await send('/index.html');
    expect(logs).toEqual([]);
  });
});
