import { describe, expect, it, vi } from 'vitest';
import { ApiError, parseRetryAfter } from '../../src/lib/api-error';
import { createHttpClient } from '../../src/lib/http-client';
import { retryDelay, shouldRetry } from '../../src/lib/query-client';

function fakeFetch(responses: Array<Response | Error>) {
  const calls: Array<{ url: string; authorization: string | null }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), authorization: new Headers(init?.headers).get('Authorization') });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('createHttpClient', () => {
  it('sends the token only to the same-origin API path', async () => {
    const { fetch, calls } = fakeFetch([json(200, { ok: true })]);
    const client = createHttpClient({ basePath: '/api', getAccessToken: () => 'tok', renewAccessToken: async () => null, fetch });
    await expect(client.getJson('/campaigns', { query: new URLSearchParams({ page: '2' }) })).resolves.toEqual({ ok: true });
    expect(calls).toEqual([{ url: '/api/campaigns?page=2', authorization: 'Bearer tok' }]);
    await expect(client.getJson('https://api.talkdeskapp.com/campaigns')).rejects.toThrow(/Not an API path/);
    await expect(client.getJson('//evil.example/campaigns')).rejects.toThrow(/Not an API path/);
  });

  it('sends one call through the transport it is given, token and renewal included; a query with no parameters adds no "?"', async () => {
    const own = fakeFetch([]);
    const given = fakeFetch([json(401, {}), json(200, { ok: true })]);
    const client = createHttpClient({ basePath: '/api', getAccessToken: () => 'old', renewAccessToken: async () => 'fresh', fetch: own.fetch });
    await expect(client.getJson('/campaigns', { query: new URLSearchParams(), fetch: given.fetch })).resolves.toEqual({ ok: true });
    expect(given.calls).toEqual([
      { url: '/api/campaigns', authorization: 'Bearer old' },
      { url: '/api/campaigns', authorization: 'Bearer fresh' },
    ]);
    expect(own.calls).toEqual([]);
  });

  it('renews once after a 401 and retries with the new token', async () => {
    const { fetch, calls } = fakeFetch([json(401, { code: 'x', message: 'expired' }), json(200, { ok: 1 })]);
    const renew = vi.fn(async () => 'fresh');
    const client = createHttpClient({ basePath: '/api', getAccessToken: () => 'old', renewAccessToken: renew, fetch });
    await expect(client.getJson('/campaigns')).resolves.toEqual({ ok: 1 });
    expect(renew).toHaveBeenCalledTimes(1);
    expect(calls.map((call) => call.authorization)).toEqual(['Bearer old', 'Bearer fresh']);
  });

  it('gives up after one renewal: a second 401 is an error, not a loop', async () => {
    const { fetch, calls } = fakeFetch([json(401, {}), json(401, { message: 'still no' })]);
    const client = createHttpClient({ basePath: '/api', getAccessToken: () => 'old', renewAccessToken: async () => 'fresh', fetch });
    await expect(client.getJson('/campaigns')).rejects.toMatchObject({ status: 401, message: 'still no' });
    expect(calls).toHaveLength(2);
  });

  it('turns the documented error body into a message with fields, and reads Retry-After', async () => {
    const { fetch } = fakeFetch([
      json(400, { code: 'BAD', message: 'Invalid filters', fields: [{ name: 'priority', description: 'must be 1..10' }] }),
      json(429, { code: 'RATE', message: 'Slow down' }, { 'Retry-After': '7' }),
    ]);
    const client = createHttpClient({ basePath: '/api', getAccessToken: () => 't', renewAccessToken: async () => null, fetch });
    const bad = await client.getJson('/campaigns').catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(ApiError);
    expect(bad).toMatchObject({ status: 400, message: 'Invalid filters', fields: [{ name: 'priority', description: 'must be 1..10' }] });
    const limited = await client.getJson('/campaigns').catch((error: unknown) => error);
    expect(limited).toMatchObject({ status: 429, retryAfterMs: 7000, isTransient: true });
  });

  it('names network failures, gateway pages and malformed JSON for what they are', async () => {
    const { fetch } = fakeFetch([
      new TypeError('Failed to fetch'),
      new Response('<html>Bad gateway</html>', { status: 502 }),
      new Response('{"total": 3, "_embed', { status: 200 }),
    ]);
    const client = createHttpClient({ basePath: '/api', getAccessToken: () => 't', renewAccessToken: async () => null, fetch });
    await expect(client.getJson('/campaigns')).rejects.toMatchObject({ kind: 'network' });
    await expect(client.getJson('/campaigns')).rejects.toMatchObject({ kind: 'http', status: 502, message: 'Talkdesk answered with an error (502).' });
    await expect(client.getJson('/campaigns')).rejects.toMatchObject({ kind: 'invalid-response' });
  });
});

describe('retry policy', () => {
  it('retries only what may pass later, a bounded number of times', () => {
    expect(shouldRetry(0, new ApiError({ kind: 'http', status: 503, message: '' }))).toBe(true);
    expect(shouldRetry(0, new ApiError({ kind: 'network', message: '' }))).toBe(true);
    expect(shouldRetry(4, new ApiError({ kind: 'http', status: 503, message: '' }))).toBe(false);
    expect(shouldRetry(0, new ApiError({ kind: 'http', status: 400, message: '' }))).toBe(false);
    expect(shouldRetry(0, new ApiError({ kind: 'http', status: 403, message: '' }))).toBe(false);
    expect(shouldRetry(0, new ApiError({ kind: 'invalid-response', message: '' }))).toBe(false);
  });

  it('waits as long as Retry-After says, else backs off exponentially', () => {
    expect(retryDelay(0, new ApiError({ kind: 'http', status: 429, message: '', retryAfterMs: 5000 }))).toBe(5000);
    const first = retryDelay(0, new ApiError({ kind: 'http', status: 503, message: '' }));
    const third = retryDelay(2, new ApiError({ kind: 'http', status: 503, message: '' }));
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(1000);
    expect(third).toBeGreaterThanOrEqual(2000);
    expect(third).toBeLessThanOrEqual(4000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString(), Date.now())).toBeGreaterThan(8000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
