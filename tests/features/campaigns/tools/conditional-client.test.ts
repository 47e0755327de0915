import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../src/lib/api-error';
import { createHttpClient } from '../../../../src/lib/http-client';
import { createConditionalClient } from '../../../../src/features/campaigns/tools/conditional-client';

/** An API that answers 304 to a matching If-None-Match, and records what it was asked. */
function fakeApi() {
  let body = { total: 1 };
  let etag = '"v1"';
  const asked: Array<{ url: string; ifNoneMatch: string | null; authorization: string | null }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    asked.push({ url: String(input), ifNoneMatch: headers.get('If-None-Match'), authorization: headers.get('Authorization') });
    if (headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
    return Response.json(body, { headers: { ETag: etag } });
  };
  return {
    fetch,
    asked,
    change(next: { total: number }, nextEtag: string) {
      body = next;
      etag = nextEtag;
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createConditionalClient', () => {
  it('asks again with If-None-Match and hands back the remembered body on 304, the new one on 200', async () => {
    const api = fakeApi();
    // The conditional requests go through the global fetch: the client's own transport is for everything else.
    vi.stubGlobal('fetch', api.fetch);
    const client = createConditionalClient(createHttpClient({ basePath: '/api', getAccessToken: () => 'token', renewAccessToken: async () => null }));
    const query = new URLSearchParams({ page: '1' });

    expect(await client.getJson('/campaigns', { query })).toEqual({ total: 1 });
    expect(await client.getJson('/campaigns', { query })).toEqual({ total: 1 });
    api.change({ total: 2 }, '"v2"');
    expect(await client.getJson('/campaigns', { query })).toEqual({ total: 2 });

    expect(api.asked).toEqual([
      { url: '/api/campaigns?page=1', ifNoneMatch: null, authorization: 'Bearer token' },
      { url: '/api/campaigns?page=1', ifNoneMatch: '"v1"', authorization: 'Bearer token' },
      { url: '/api/campaigns?page=1', ifNoneMatch: '"v1"', authorization: 'Bearer token' },
    ]);
    // Another URL starts unconditional.
    await client.getJson('/campaigns', { query: new URLSearchParams({ page: '2' }) });
    expect(api.asked.at(-1)?.ifNoneMatch).toBeNull();
  });

  it('passes errors on as the wrapped client reports them', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ message: 'Slow down' }, { status: 429, headers: { 'Retry-After': '3' } }));
    const client = createConditionalClient(createHttpClient({ basePath: '/api', getAccessToken: () => 'token', renewAccessToken: async () => null }));
    const failure = await client.getJson('/campaigns').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 429, retryAfterMs: 3000 });
  });
});
