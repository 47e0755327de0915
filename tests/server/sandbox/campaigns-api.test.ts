/*
 * Contract tests of the sandbox's campaigns API, against a running sandbox with the default data, each
 * answer compared with a plain reference filter over generateCampaigns.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCampaignData, type Campaign } from '../../../src/server/sandbox/campaign-data.ts';
import { compareCampaignNames, normalizeForSearch } from '../../../src/server/sandbox/campaign-index.ts';
import { ORDER_BY_VALUES } from '../../../src/server/sandbox/campaign-query.ts';
import type { RunningSandbox } from '../../../src/server/sandbox/sandbox.ts';
import { decodeJwt, signIn } from './oidc-flow.ts';
import { startTestSandbox } from './test-sandbox.ts';

const data = generateCampaignData();
const all = data.campaigns;
let sandbox: RunningSandbox;
let token: string;
let agentToken: string;

beforeAll(async () => {
  const started = await startTestSandbox();
  sandbox = started.sandbox;
  token = (await signIn(started.client, 'supervisor')).tokens.access_token;
  agentToken = (await signIn(started.client, 'agent')).tokens.access_token;
});
afterAll(() => sandbox.close());

interface ListBody {
  total: number; count: number; page: number; per_page: number; total_pages: number;
  _embedded: { campaigns: Array<Record<string, unknown> & { id: string; name: string }> };
  _links: Record<string, { href: string }>;
}

async function get(path: string, accessToken: string | null = token, method = 'GET') {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: accessToken === null ? {} : { authorization: `Bearer ${accessToken}` },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) as unknown : undefined };
}
const list = async (query: string): Promise<ListBody> => {
  const response = await get(`/campaigns?${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body as ListBody;
};

const compareKeys: Record<string, (a: Campaign, b: Campaign) => number> = {
  created_at: (a, b) => a.created_at.localeCompare(b.created_at),
  name: (a, b) => compareCampaignNames(a.name, b.name),
  dialing_mode: (a, b) => a.dialing_mode.localeCompare(b.dialing_mode),
  priority: (a, b) => a.priority - b.priority,
};
function reference(keep: (c: Campaign) => boolean, orderBy = 'created_at:desc'): Campaign[] {
  const [key = 'created_at', direction = 'asc'] = orderBy.split(':');
  const sign = direction === 'desc' ? -1 : 1;
  const compare = compareKeys[key] as (a: Campaign, b: Campaign) => number;
  return all.filter(keep).sort((a, b) => sign * compare(a, b) || (a.id < b.id ? -1 : 1));
}
const ids = (campaigns: Array<{ id: string }>) => campaigns.map((c) => c.id);

describe('GET /campaigns', () => {
  it('answers the documented shape: newest first, 50 a page, HAL links on the sandbox origin', async () => {
    const body = await list('');
    expect(body).toMatchObject({ total: 5000, count: 50, page: 1, per_page: 50, total_pages: 100 });
    expect(ids(body._embedded.campaigns)).toEqual(ids(reference(() => true).slice(0, 50)));
    const row = body._embedded.campaigns[0] as Record<string, unknown>;
    expect(Object.keys(row).sort()).toEqual(
      ['_links', 'action_required', 'created_at', 'dialing_mode', 'id', 'name', 'priority', 'run_once', 'status'].sort());
    expect(row._links).toEqual({
      self: { href: `${sandbox.url}/campaigns/${String(row.id)}` },
      campaigns: { href: `${sandbox.url}/campaigns` },
    });
    expect(body._links.self?.href).toBe(`${sandbox.url}/campaigns`);
    expect(body._links.first?.href).toBe(`${sandbox.url}/campaigns?page=1`);
    expect(body._links.next?.href).toBe(`${sandbox.url}/campaigns?page=2`);
    expect(body._links.last?.href).toBe(`${sandbox.url}/campaigns?page=100`);
    expect(body._links.prev).toBeUndefined();
  });

  const someUser = data.userIds[2] as string;
  const someRecordList = data.recordListIds[5] as string;
  const someDncList = data.doNotCallListIds[1] as string;
  const someName = (all[100] as Campaign).name;
  it.each<[string, (c: Campaign) => boolean]>([
    ['action_required=true', (c) => c.action_required],
    ['action_required=false', (c) => !c.action_required],
    ['dialing_mode=PREDICTIVE', (c) => c.dialing_mode === 'PREDICTIVE'],
    ['dialing_mode=PREVIEW', (c) => c.dialing_mode === 'PREVIEW'],
    [`do_not_call_list_id=${someDncList}`, (c) => c.do_not_call_list_id === someDncList],
    [`name=${encodeURIComponent(someName.toUpperCase())}`, (c) => c.name.toLowerCase() === someName.toLowerCase()],
    ['priority=1', (c) => c.priority === 1],
    ['priority=10', (c) => c.priority === 10],
    [`record_list_id=${someRecordList}`, (c) => c.record_list_id === someRecordList],
    ['status=incomplete', (c) => c.status === 'INCOMPLETE'],
    ['status=ready', (c) => c.status === 'READY'],
    ['status=running', (c) => c.status === 'RUNNING'],
    ['status=PAUSED', (c) => c.status === 'PAUSED'],
    [`user_id=${someUser}`, (c) => c.user_id === someUser],
    ['created_at_from=2026-01-01T00:00:00Z&created_at_to=2026-03-31T23:59:59Z',
      (c) => c.created_at >= '2026-01-01T00:00:00Z' && c.created_at <= '2026-03-31T23:59:59Z'],
    ['created_at_from=2025-06-01&created_at_to=2025-06-30',
      (c) => c.created_at >= '2025-06-01T00:00:00Z' && c.created_at <= '2025-06-30T23:59:59Z'],
    ['status=running&priority=5&dialing_mode=PREVIEW',
      (c) => c.status === 'RUNNING' && c.priority === 5 && c.dialing_mode === 'PREVIEW'],
    ['search=caf', (c) => normalizeForSearch(c.name).includes('caf')],
  ])('filters by %s', async (query, keep) => {
    const expected = reference(keep);
    expect(expected.length).toBeGreaterThan(0);
    const body = await list(`${query}&per_page=100`);
    expect(body.total).toBe(expected.length);
    expect(body.total_pages).toBe(Math.ceil(expected.length / 100));
    expect(ids(body._embedded.campaigns)).toEqual(ids(expected.slice(0, 100)));
  });

  it.each([
    ['sao paulo', 'São Paulo'],
    ['lodz', 'Łódź'],
    ['MULLER', 'Müller'],
  ])('searches "%s" case- and accent-insensitively, finding "%s"', async (search, original) => {
    const body = await list(`search=${encodeURIComponent(search)}&per_page=100`);
    const expected = reference((c) => c.name.includes(original));
    expect(body.total).toBeGreaterThanOrEqual(expected.length);
    expect(body.total).toBeGreaterThan(0);
    expect(body._embedded.campaigns.every((c) => normalizeForSearch(c.name).includes(normalizeForSearch(search)))).toBe(true);
    expect(body._embedded.campaigns.some((c) => c.name.includes(original))).toBe(true);
  });

  it.each(ORDER_BY_VALUES)('sorts by order_by=%s, ties broken by id', async (orderBy) => {
    const expected = reference(() => true, orderBy);
    const first = await list(`order_by=${orderBy}&per_page=100`);
    const seventh = await list(`order_by=${orderBy}&per_page=100&page=7`);
    expect(ids(first._embedded.campaigns)).toEqual(ids(expected.slice(0, 100)));
    expect(ids(seventh._embedded.campaigns)).toEqual(ids(expected.slice(600, 700)));
  });

  it('pages with links that keep the query, and answers past the end with an empty page', async () => {
    const expected = reference((c) => c.status === 'READY');
    const body = await list('status=ready&per_page=10&page=2&unknown=kept');
    expect(body).toMatchObject({ total: expected.length, count: 10, page: 2, per_page: 10, total_pages: Math.ceil(expected.length / 10) });
    expect(ids(body._embedded.campaigns)).toEqual(ids(expected.slice(10, 20)));
    const link = (name: string) => new URL(body._links[name]?.href ?? '');
    expect(link('self').href).toBe(`${sandbox.url}/campaigns?status=ready&per_page=10&page=2&unknown=kept`);
    expect(link('prev').searchParams.get('page')).toBe('1');
    expect(link('next').searchParams.get('page')).toBe('3');
    expect(link('last').searchParams.get('page')).toBe(String(body.total_pages));
    expect(link('next').searchParams.get('status')).toBe('ready');
    expect(link('next').searchParams.get('per_page')).toBe('10');

    const lastPage = await list(`status=ready&per_page=10&page=${body.total_pages}`);
    expect(lastPage._links.next).toBeUndefined();
    expect(lastPage.count).toBe(expected.length - (body.total_pages - 1) * 10);

    const pastEnd = await list(`status=ready&per_page=10&page=${body.total_pages + 5}`);
    expect(pastEnd).toMatchObject({ total: expected.length, count: 0, total_pages: body.total_pages });
    expect(pastEnd._embedded.campaigns).toEqual([]);
  });

  it('includes the dialing sub-objects when expanded', async () => {
    const body = await list('expand=dialing_mode_configuration,dialing_strategy&per_page=3');
    const row = body._embedded.campaigns[0] as Record<string, unknown>;
    const campaign = all.find((c) => c.id === row.id) as Campaign;
    expect(row.dialing_mode_configuration).toEqual(campaign.dialing_mode_configuration);
    expect(row.dialing_strategy).toEqual(campaign.dialing_strategy);
  });

  it.each([
    ['page=0', ['page']],
    ['per_page=0', ['per_page']],
    ['per_page=101', ['per_page']],
    ['priority=11', ['priority']],
    ['priority=abc', ['priority']],
    ['status=archived', ['status']],
    ['order_by=status:asc', ['order_by']],
    ['created_at_from=2026-01-01', ['created_at_to']],
    ['created_at_to=2026-01-01T00:00:00Z', ['created_at_from']],
    ['created_at_from=2026-01-01T25:00:00Z&created_at_to=2026-02-01', ['created_at_from']],
    ['created_at_from=2026-01-01&created_at_to=01/02/2026', ['created_at_to']],
    ['created_at_from=2026-02-02&created_at_to=2026-02-01', ['created_at_from']],
    ['page=1&page=2', ['page']],
    ['per_page=101&priority=0&status=x', ['per_page', 'priority', 'status']],
  ])('answers %s with 400 naming %j', async (query, fields) => {
    const response = await get(`/campaigns?${query}`);
    expect(response.status).toBe(400);
    const body = response.body as { code: string; message: string; fields: Array<{ name: string; description: string }> };
    expect(body.code).toEqual(expect.any(String));
    expect(body.message).toEqual(expect.any(String));
    expect(body.fields.map((field) => field.name)).toEqual(fields);
    expect(body.fields.every((field) => field.description.length > 0)).toBe(true);
  });

  it('answers HEAD like GET without a body, and other methods with 405', async () => {
    const head = await get('/campaigns', token, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    const post = await get('/campaigns', token, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('authorization', () => {
  const expect401 = async (authorization: string | null) => {
    const response = await fetch(`${sandbox.url}/campaigns`, { headers: authorization === null ? {} : { authorization } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await response.json()) as { code: string; message: string; fields: unknown[] };
    expect(body).toMatchObject({ code: expect.any(String), message: expect.any(String), fields: [] });
  };

  it('answers 401 without a token or with a malformed one', async () => {
    await expect401(null);
    await expect401('Bearer');
    await expect401('Bearer not-a-jwt');
    await expect401(`Basic ${token}`);
  });

  it('answers 401 to a token signed with another key, or altered after signing', async () => {
    const { payload, header } = decodeJwt(token);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: String(header.kid) }).sign(privateKey);
    await expect401(`Bearer ${forged}`);
    const [head, , signature] = token.split('.');
    const altered = Buffer.from(JSON.stringify({ ...payload, sub: 'someone-else' })).toString('base64url');
    await expect401(`Bearer ${head}.${altered}.${signature}`);
  });

  it('answers 401 to a token of another sandbox (other issuer and key)', async () => {
    const other = await startTestSandbox({ campaignCount: 10 });
    try {
      const foreign = (await signIn(other.client, 'supervisor')).tokens.access_token;
      await expect401(`Bearer ${foreign}`);
    } finally {
      await other.sandbox.close();
    }
  });

  it('answers 401 to an expired token', async () => {
    // Long enough for the first request to land inside it even while other test files load the machine (a 1 s
    // lifetime once ran out before it did).
    const ttlSeconds = 4;
    const shortLived = await startTestSandbox({ campaignCount: 10, accessTokenTtlSeconds: ttlSeconds });
    try {
      const expiring = (await signIn(shortLived.client, 'supervisor')).tokens;
      const issuedBy = Date.now();
      expect(expiring.expires_in).toBe(ttlSeconds);
      const fresh = await fetch(`${shortLived.sandbox.url}/campaigns`, { headers: { authorization: `Bearer ${expiring.access_token}` } });
      expect(fresh.status).toBe(200);
      // Past its expiry: it was issued before signing in returned, and expires at most its lifetime later.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, issuedBy + ttlSeconds * 1000 + 1100 - Date.now())));
      const stale = await fetch(`${shortLived.sandbox.url}/campaigns`, { headers: { authorization: `Bearer ${expiring.access_token}` } });
      expect(stale.status).toBe(401);
      expect(stale.headers.get('www-authenticate')).toContain('invalid_token');
    } finally {
      await shortLived.sandbox.close();
    }
  }, 20_000);

  it('answers 403 to a valid token without campaigns:read', async () => {
    const response = await get('/campaigns', agentToken);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: expect.any(String), message: expect.any(String), fields: [] });
    expect((await get(`/campaigns/${(all[0] as Campaign).id}`, agentToken)).status).toBe(403);
  });
});

describe('GET /campaigns/{id}', () => {
  const campaign = all[42] as Campaign;

  it('returns the whole campaign, without sub-objects unless expanded', async () => {
    const response = await get(`/campaigns/${campaign.id}`);
    expect(response.status).toBe(200);
    const plain = Object.fromEntries(Object.entries(campaign).filter(([key]) => !key.startsWith('dialing_') || key === 'dialing_mode'));
    expect(response.body).toEqual({
      _links: { self: { href: `${sandbox.url}/campaigns/${campaign.id}` }, campaigns: { href: `${sandbox.url}/campaigns` } },
      ...plain,
    });
  });

  it('carries dialing_mode_configuration and dialing_strategy when expanded', async () => {
    const both = await get(`/campaigns/${campaign.id}?expand=dialing_mode_configuration,dialing_strategy`);
    expect(both.body).toMatchObject({
      dialing_mode_configuration: campaign.dialing_mode_configuration,
      dialing_strategy: campaign.dialing_strategy,
    });
    const one = await get(`/campaigns/${campaign.id}?expand=dialing_strategy`);
    expect(one.body).toHaveProperty('dialing_strategy');
    expect(one.body).not.toHaveProperty('dialing_mode_configuration');
    expect((await get(`/campaigns/${campaign.id}?expand=nope`)).status).toBe(400);
  });

  it('answers 404 in the error body for an unknown id or a non-uuid', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await get(`/campaigns/${id}`);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: expect.any(String), message: expect.any(String), fields: [] });
    }
  });

  it('keeps the security test names intact in JSON', async () => {
    const body = await list('search=onerror');
    expect(body._embedded.campaigns.map((c) => c.name)).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('determinism', () => {
  it('serves the same data from two sandboxes with the same seed', async () => {
    const twin = await startTestSandbox();
    try {
      const twinToken = (await signIn(twin.client, 'supervisor')).tokens.access_token;
      const response = await fetch(`${twin.sandbox.url}/campaigns?per_page=100&order_by=name`, { headers: { authorization: `Bearer ${twinToken}` } });
      const twinBody = (await response.json()) as ListBody;
      const ours = await list('per_page=100&order_by=name');
      const strip = (body: ListBody) => body._embedded.campaigns.map(({ _links: _ignored, ...rest }) => rest);
      expect(strip(twinBody)).toEqual(strip(ours));
    } finally {
      await twin.sandbox.close();
    }
  });
});
