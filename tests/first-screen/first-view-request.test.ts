/*
 * The first view's request hand-over (src/first-screen/first-view-request.ts): the request the page's inline script
 * sent is taken over rather than sent again, only for the exact URL the app would ask for, and the app adopts the
 * answer under the list's query key, so that a cold load costs one request for its rows. A failed early request
 * leaves the query to ask again itself (it can renew the token and retry).
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RuntimeConfig } from '../../src/config/runtime-config';
import { userStorageKey } from '../../src/features/auth/session';
import { campaignKeys } from '../../src/features/campaigns/api/campaign-queries';
import { campaignPageUrl } from '../../src/features/campaigns/api/fetch-campaigns';
import { parseCampaignSearch } from '../../src/features/campaigns/url-state/search-params';
import { adoptFirstViewRequest, startFirstViewRequest, type SentRequest } from '../../src/first-screen/first-view-request';

const CONFIG = { issuer: 'https://identity.example', clientId: 'dashboard', apiBasePath: '/api' } as RuntimeConfig;
const LIST = { pathname: '/', search: '?status=running&page=2' };
const LIST_URL = campaignPageUrl(CONFIG.apiBasePath, parseCampaignSearch(LIST.search).filters);

const CAMPAIGN = {
  id: 'c-1',
  name: 'Spring upsell',
  dialing_mode: 'PREVIEW',
  priority: 3,
  run_once: false,
  action_required: true,
  status: 'RUNNING',
  created_at: '2026-11-30T10:00:00Z',
};
const answer = () =>
  new Response(JSON.stringify({ total: 51, count: 1, page: 2, per_page: 50, total_pages: 2, _embedded: { campaigns: [CAMPAIGN] } }), {
    headers: { 'Content-Type': 'application/json' },
  });

function signedIn(): Storage {
  sessionStorage.setItem(
    userStorageKey(CONFIG),
    JSON.stringify({ access_token: 'token-1', expires_at: Math.floor(Date.now() / 1000) + 3600, profile: { sub: 'u1', name: 'Sam' } }),
  );
  return sessionStorage;
}

const fetchSpy = vi.fn((_input: string, _init?: RequestInit) => Promise.resolve(answer()));

afterEach(() => {
  sessionStorage.clear();
  fetchSpy.mockClear();
  vi.unstubAllGlobals();
});

describe("the first view's request", () => {
  it('takes over the request the page sent for its URL, sends none of its own, and the list query adopts the answer', async () => {
    vi.stubGlobal('fetch', fetchSpy);
    const sent: SentRequest = { response: Promise.resolve(answer()), sentAt: 12 };
    const asked: string[] = [];
    const request = startFirstViewRequest(CONFIG, LIST, signedIn(), (url) => (asked.push(url), url === LIST_URL ? sent : null))!;

    expect(asked).toEqual([LIST_URL]);
    expect(request.sentAt).toBe(12);
    expect(request.filters.status).toBe('running');
    const page = await request.page;
    expect(page.campaigns.map((campaign) => campaign.name)).toEqual(['Spring upsell']);
    expect(fetchSpy).not.toHaveBeenCalled();

    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await adoptFirstViewRequest(queryClient, request.page, campaignKeys.list(request.filters));
    expect(queryClient.getQueryData(campaignKeys.list(request.filters))).toBe(page);
  });

  it('sends its own request, with the stored token, when the page sent none for that URL', async () => {
    vi.stubGlobal('fetch', fetchSpy);
    const request = startFirstViewRequest(CONFIG, LIST, signedIn(), () => null)!;
    await request.page;
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(url).toBe(LIST_URL);
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer token-1');
  });

  it('asks for nothing without a signed-in supervisor, or on a page that is not the list', () => {
    vi.stubGlobal('fetch', fetchSpy);
    expect(startFirstViewRequest(CONFIG, LIST, sessionStorage)).toBeNull();
    expect(startFirstViewRequest(CONFIG, { pathname: '/signed-out', search: '' }, signedIn())).toBeNull();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('leaves a failed early request to the list query, which then asks again itself', async () => {
    vi.stubGlobal('fetch', fetchSpy);
    const failed: SentRequest = { response: Promise.resolve(new Response('{}', { status: 503 })), sentAt: 0 };
    const request = startFirstViewRequest(CONFIG, LIST, signedIn(), (url) => (url === LIST_URL ? failed : null))!;
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await adoptFirstViewRequest(queryClient, request.page, campaignKeys.list(request.filters));
    const state = queryClient.getQueryState(campaignKeys.list(request.filters));
    expect(state?.status).toBe('pending');
    expect(state?.error).toBeNull();
  });
});
