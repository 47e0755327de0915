/*
 * The list answers with an ETag and honours If-None-Match (an unchanged page costs a 304 and no body), and the
 * test-only campaign edits change what it answers, on the sandbox's origin only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/server/sandbox/sandbox.ts';
import { signIn } from './oidc-flow.ts';
import { startTestSandbox } from './test-sandbox.ts';

let sandbox: RunningSandbox;
let token: string;

beforeAll(async () => {
  const started = await startTestSandbox({ campaignCount: 30 });
  sandbox = started.sandbox;
  token = (await signIn(started.client, 'supervisor')).tokens.access_token;
});
afterAll(() => sandbox.close());

interface ListBody {
  total: number;
  _embedded: { campaigns: Array<{ id: string; name: string; status: string; action_required: boolean; priority: number }> };
}
const getList = (query = '', headers: Record<string, string> = {}) =>
  fetch(`${sandbox.url}/campaigns${query}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
const edit = (id: string, body: unknown) =>
  fetch(`${sandbox.url}/__sandbox/campaigns/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('conditional list requests', () => {
  it('sends an ETag and answers a matching If-None-Match, strong or weak, with 304 and no body', async () => {
    const first = await getList('?per_page=5');
    const etag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await getList('?per_page=5', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await getList('?per_page=5', { 'if-none-match': `W/${etag}` })).status).toBe(304);
    expect((await getList('?per_page=5', { 'if-none-match': `"other", ${etag}` })).status).toBe(304);

    // Another view is another answer.
    const otherPage = await getList('?per_page=5&page=2', { 'if-none-match': etag! });
    expect(otherPage.status).toBe(200);
    expect(otherPage.headers.get('etag')).not.toBe(etag);
  });

  it('answers 200 with a new ETag once a campaign on the page changed', async () => {
    const before = await getList('?per_page=5');
    const etag = before.headers.get('etag')!;
    const [first] = ((await before.json()) as ListBody)._embedded.campaigns;

    const edited = await edit(first!.id, { status: 'PAUSED', action_required: !first!.action_required, name: 'Edited by a test', priority: 10 });
    expect(edited.status).toBe(200);

    const after = await getList('?per_page=5', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(((await after.json()) as ListBody)._embedded.campaigns[0]).toMatchObject({
      id: first!.id, status: 'PAUSED', action_required: !first!.action_required, name: 'Edited by a test', priority: 10,
    });
    // The filters and the detail see the edit too.
    const paused = (await (await getList('?status=paused&per_page=100')).json()) as ListBody;
    expect(paused._embedded.campaigns.map((campaign) => campaign.id)).toContain(first!.id);
    const detail = await fetch(`${sandbox.url}/campaigns/${first!.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await detail.json()).toMatchObject({ name: 'Edited by a test' });
  });

  it('refuses an edit of an unknown campaign or field, or by another method', async () => {
    const [first] = ((await (await getList('?per_page=1')).json()) as ListBody)._embedded.campaigns;
    expect((await edit('00000000-0000-4000-8000-000000000000', { status: 'PAUSED' })).status).toBe(404);
    expect((await edit(first!.id, { status: 'DELETED' })).status).toBe(400);
    expect((await edit(first!.id, { dialing_mode: 'PREVIEW' })).status).toBe(400);
    expect((await fetch(`${sandbox.url}/__sandbox/campaigns/${first!.id}`)).status).toBe(405);
  });
});
