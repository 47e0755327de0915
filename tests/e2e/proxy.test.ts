/*
 * The running production server's proxy refuses what would turn it into an open door to Talkdesk: a
 * client_credentials grant (the secret would mint account-wide tokens), writes, other resources, path tricks,
 * absolute-form request targets, and the sandbox's test-only controls. Plain HTTP, no browser: these are
 * requests an attacker makes, not pages a supervisor opens.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFailures, startStack, type Stack } from './harness.ts';

reportFailures();

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with the target sent exactly as given (fetch would normalise `..` and absolute URLs away). */
function raw(base: string, method: string, target: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port, method, path: target, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };
// A fault setting no test leaves by accident: if a request through the app reached the sandbox's control
// endpoint, the body would show it, or a DELETE would clear it.
const MARKER = { tokenLatencyMs: 7 };

describe('the running proxy', () => {
  it('forwards the allowed read (an unauthenticated list gets the API’s own 401)', async () => {
    const response = await raw(stack.appUrl, 'GET', '/api/campaigns?page=1');
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toHaveProperty('code');
  });

  it('refuses a client_credentials grant without calling the identity host', async () => {
    const before = (await stack.requestCounts()).token;
    const response = await raw(stack.appUrl, 'POST', '/oauth/token', {
      headers: form,
      body: 'grant_type=client_credentials&scope=campaigns%3Aread',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'unsupported_grant_type' });
    expect(response.body).not.toContain('access_token');
    expect((await stack.requestCounts()).token).toBe(before);

    // Nor with the grant type spelled twice, or one the identity host might know.
    for (const body of ['grant_type=authorization_code&grant_type=client_credentials', 'grant_type=password&username=supervisor&password=supervisor']) {
      const again = await raw(stack.appUrl, 'POST', '/oauth/token', { headers: form, body });
      expect(again.status, body).toBe(400);
    }
    expect((await stack.requestCounts()).token).toBe(before);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('refuses %s on /api/campaigns with 405', async (method) => {
    const before = await stack.requestCounts();
    const response = await raw(stack.appUrl, method, '/api/campaigns', { headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
    expect(await stack.requestCounts()).toEqual(before);
  });

  it.each(['/api/other', '/api', '/api/', '/api/campaigns/1/dialing_strategy', '/api/users'])('does not proxy %s', async (path) => {
    const response = await raw(stack.appUrl, 'GET', path);
    expect(response.status).toBe(404);
  });

  describe('never reaches the sandbox’s test controls', () => {
    beforeAll(async () => {
      await stack.setFaults(MARKER);
    });
    afterAll(async () => {
      await stack.clearFaults();
    });

    // Under /api the proxy refuses the path before reading the method; elsewhere it is the site's, which has no such file.
    const pathRefused = { status: 400, body: JSON.stringify({ code: 'bad_request', message: 'The request path is not allowed.', fields: [] }) };
    it.each([
      ['/api/campaigns/..%2f..%2f__sandbox/faults', pathRefused, pathRefused],
      ['/api/campaigns/..%2F..%2F__sandbox%2Ffaults', pathRefused, pathRefused],
      ['/api/../__sandbox/faults', pathRefused, pathRefused],
      ['/api/campaigns/../../__sandbox/faults', pathRefused, pathRefused],
      ['/api/campaigns/%2e%2e/%2e%2e/__sandbox/faults', pathRefused, pathRefused],
      ['/api/campaigns%2f..%2f__sandbox%2ffaults', pathRefused, pathRefused],
      ['/api/campaigns/..\\..\\__sandbox/faults', pathRefused, pathRefused],
      ['/api//__sandbox/faults', pathRefused, pathRefused],
      ['/__sandbox/faults', { status: 404, body: 'Not found' }, { status: 405, body: 'Method not allowed' }],
    ])('%s', async (target, onGet, onDelete) => {
      for (const [method, expected] of [['GET', onGet], ['DELETE', onDelete]] as const) {
        const response = await raw(stack.appUrl, method, target, { headers: { accept: 'application/json' } });
        expect({ status: response.status, body: response.body }, `${method} ${target}`).toEqual(expected);
      }
      const faults = (await (await fetch(`${stack.sandboxUrl}/__sandbox/faults`)).json()) as { tokenLatencyMs: number };
      expect(faults.tokenLatencyMs).toBe(MARKER.tokenLatencyMs);
    });

    it.each(['http://evil.example/campaigns', 'http://evil.example/api/campaigns', 'SANDBOX/__sandbox/faults', '//evil.example/api/campaigns'])(
      'refuses the absolute request target %s',
      async (target) => {
        const path = target.replace('SANDBOX', stack.sandboxUrl);
        const response = await raw(stack.appUrl, 'GET', path, { headers: { accept: 'application/json' } });
        expect(response.status).toBe(400);
        expect(response.body).not.toMatch(/tokenLatencyMs|_embedded|total/);
      },
    );
  });
});
