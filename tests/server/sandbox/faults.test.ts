import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/server/sandbox/sandbox.ts';
import { signIn, tokenRequest } from './oidc-flow.ts';
import { startTestSandbox, TEST_CLIENT } from './test-sandbox.ts';

let sandbox: RunningSandbox;
let token: string;
let campaignId: string;

beforeAll(async () => {
  const started = await startTestSandbox({ campaignCount: 20 });
  sandbox = started.sandbox;
  token = (await signIn(started.client, 'supervisor')).tokens.access_token;
  const list = await fetch(`${sandbox.url}/campaigns`, { headers: { authorization: `Bearer ${token}` } });
  campaignId = ((await list.json()) as { _embedded: { campaigns: Array<{ id: string }> } })._embedded.campaigns[0]?.id ?? '';
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
});

const setFaults = async (config: unknown) => {
  const response = await fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const faultState = async () => (await (await fetch(`${sandbox.url}/__sandbox/faults`)).json()) as {
  rules: unknown[]; requests: { list: number; detail: number; token: number };
};
const getList = (init: RequestInit = {}) => fetch(`${sandbox.url}/campaigns`, { headers: { authorization: `Bearer ${token}` }, ...init });
const getDetail = () => fetch(`${sandbox.url}/campaigns/${campaignId}`, { headers: { authorization: `Bearer ${token}` } });

describe('fault injection', () => {
  it('reports health, and starts with no faults', async () => {
    const health = await fetch(`${sandbox.url}/__sandbox/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect(await faultState()).toMatchObject({ latencyMs: 0, rules: [], requests: { list: 0, detail: 0, token: 0 } });
    expect((await getList()).status).toBe(200);
  });

  it('answers 429 with Retry-After when given, without it otherwise, for `times` requests', async () => {
    await setFaults({ rules: [{ kind: '429', retryAfterSeconds: 3, times: 2 }] });
    for (let i = 0; i < 2; i += 1) {
      const limited = await getList();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('3');
      expect(await limited.json()).toMatchObject({ code: expect.any(String), message: expect.any(String), fields: [] });
    }
    expect((await getList()).status).toBe(200);

    await setFaults({ rules: [{ kind: '429', times: 1 }] });
    const limited = await getList();
    expect(limited.status).toBe(429);
    expect(limited.headers.has('retry-after')).toBe(false);
  });

  it('keeps a rule without `times` until cleared, and applies it only to its path', async () => {
    await setFaults({ rules: [{ kind: '503', path: 'detail' }] });
    expect((await getDetail()).status).toBe(503);
    expect((await getDetail()).status).toBe(503);
    expect((await getList()).status).toBe(200);
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    expect((await getDetail()).status).toBe(200);
  });

  it.each(['500', '502', '503'] as const)('answers %s in the error body', async (kind) => {
    await setFaults({ rules: [{ kind, times: 1 }] });
    const response = await getList();
    expect(response.status).toBe(Number(kind));
    expect(await response.json()).toMatchObject({ code: expect.any(String), fields: [] });
  });

  it('sends truncated JSON, or JSON of the wrong shape, with 200', async () => {
    await setFaults({ rules: [{ kind: 'malformed-json', times: 1 }, { kind: 'bad-schema', times: 1 }] });
    const malformed = await getList();
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    const badSchema = await getList();
    expect(badSchema.status).toBe(200);
    const body = (await badSchema.json()) as { total: unknown; _embedded: { campaigns: Array<Record<string, unknown>> } };
    expect(typeof body.total).not.toBe('number');
    expect(typeof body._embedded.campaigns[0]?.id).not.toBe('string');
  });

  it('drops the connection, or never answers', async () => {
    await setFaults({ rules: [{ kind: 'drop', times: 1 }, { kind: 'hang', times: 1 }] });
    await expect(getList()).rejects.toThrow();
    await expect(getList({ signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await getList()).status).toBe(200);
  });

  it('delays API answers by latencyMs', async () => {
    await setFaults({ latencyMs: 250 });
    const started = performance.now();
    expect((await getList()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('takes the token endpoint down with token-down, and delays it with tokenLatencyMs', async () => {
    await setFaults({ tokenLatencyMs: 200, rules: [{ kind: 'token-down', times: 1 }] });
    const started = performance.now();
    const down = await tokenRequest(sandbox.url, { grant_type: 'refresh_token', refresh_token: 'x' }, TEST_CLIENT);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(down.status).toBe(503);
    expect(down.body.error).toBe('temporarily_unavailable');
    const up = await tokenRequest(sandbox.url, { grant_type: 'refresh_token', refresh_token: 'x' }, TEST_CLIENT);
    expect(up.status).toBe(400);
    expect((await getList()).status).toBe(200);
  });

  it('counts list, detail and token requests since the last reset', async () => {
    await getList();
    await getList();
    await getDetail();
    await tokenRequest(sandbox.url, { grant_type: 'refresh_token', refresh_token: 'x' }, TEST_CLIENT);
    expect((await faultState()).requests).toEqual({ list: 2, detail: 1, token: 1 });
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    expect((await faultState()).requests).toEqual({ list: 0, detail: 0, token: 0 });
  });

  it('refuses an invalid fault configuration', async () => {
    expect((await setFaults({ rules: [{ kind: 'teapot' }] })).status).toBe(400);
    expect((await setFaults({ latencyMs: -1 })).status).toBe(400);
    expect((await faultState()).rules).toEqual([]);
  });
});
