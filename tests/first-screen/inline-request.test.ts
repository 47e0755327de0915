/*
 * The page's inline script (src/first-screen/inline-request.ts) sends the first view's requests while the page is
 * parsed, and the boot script takes their answers. Run here from its source text, as the browser runs it: it must stand alone,
 * send a request only with a usable stored token, send it the way the app sends every API call, and never throw.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_REQUEST_SCRIPT, earlyRequestBlock } from '../../src/first-screen/inline-request';
import { EARLY_REQUEST_ELEMENT_ID, EARLY_REQUEST_GLOBAL, type EarlyRequestData } from '../../src/first-screen/contract';
import { takeEarlyRequest } from '../../src/first-screen/first-view-request';
import { apiRequestInit } from '../../src/lib/http-client';

const STORAGE_KEY = 'oidc.user:https://identity.example:campaigns-dashboard';
const URL_FOR_VIEW = '/api/campaigns?page=1&per_page=50&order_by=created_at%3Adesc';
const URL_FOR_PANEL = '/api/campaigns/c-42?expand=dialing_mode_configuration%2Cdialing_strategy';
const data: EarlyRequestData = { urls: [URL_FOR_VIEW], storageKey: STORAGE_KEY, init: apiRequestInit() };

const fetchSpy = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(new Response('{}')));

function storeUser(user: unknown): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(user));
}

/** The page as the server sends it: the JSON block, then the inline script, run from its text. */
function loadPage(block: string = earlyRequestBlock(data)): void {
  document.head.innerHTML = block;
  new Function(EARLY_REQUEST_SCRIPT)();
}

beforeEach(() => {
  vi.stubGlobal('fetch', fetchSpy);
});
afterEach(() => {
  delete (window as unknown as Record<string, unknown>)[EARLY_REQUEST_GLOBAL];
  sessionStorage.clear();
  document.head.innerHTML = '';
  fetchSpy.mockClear();
  vi.unstubAllGlobals();
});

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('the early request', () => {
  it('is sent with the stored token, the way every API call is sent, and the boot script takes it once', () => {
    storeUser({ access_token: 'token-1', expires_at: inAnHour(), profile: { sub: 'u1' } });
    loadPage();

    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(url).toBe(URL_FOR_VIEW);
    expect(init).toEqual({ ...apiRequestInit(), headers: { ...apiRequestInit().headers, Authorization: 'Bearer token-1' } });

    const taken = takeEarlyRequest(window, URL_FOR_VIEW);
    expect(taken?.response).toBe(fetchSpy.mock.results[0]!.value);
    expect(taken?.sentAt).toBeGreaterThanOrEqual(0);
    // Taken once: a later request for the same view is a new one.
    expect(takeEarlyRequest(window, URL_FOR_VIEW)).toBeNull();
  });

  it('is not used for a view other than the one the boot script asks for', () => {
    storeUser({ access_token: 'token-1', expires_at: inAnHour(), profile: { sub: 'u1' } });
    loadPage();
    expect(takeEarlyRequest(window, '/api/campaigns?page=2&per_page=50&order_by=created_at%3Adesc')).toBeNull();
    expect(takeEarlyRequest(window, '/api/campaigns/c-42')).toBeNull();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it("sends a detail link's two requests, the list's and the panel's, each taken once for its own URL", () => {
    storeUser({ access_token: 'token-1', expires_at: inAnHour(), profile: { sub: 'u1' } });
    loadPage(earlyRequestBlock({ ...data, urls: [URL_FOR_VIEW, URL_FOR_PANEL] }));

    expect(fetchSpy.mock.calls.map(([url]) => url)).toEqual([URL_FOR_VIEW, URL_FOR_PANEL]);
    for (const [, init] of fetchSpy.mock.calls) {
      expect(init).toEqual({ ...apiRequestInit(), headers: { ...apiRequestInit().headers, Authorization: 'Bearer token-1' } });
    }
    expect(takeEarlyRequest(window, URL_FOR_PANEL)?.response).toBe(fetchSpy.mock.results[1]!.value);
    expect(takeEarlyRequest(window, URL_FOR_PANEL)).toBeNull();
    expect(takeEarlyRequest(window, URL_FOR_VIEW)?.response).toBe(fetchSpy.mock.results[0]!.value);
    expect(takeEarlyRequest(window, URL_FOR_VIEW)).toBeNull();
  });

  it.each([
    ['nobody is signed in', null],
    ['the token has expired', { access_token: 'token-1', expires_at: Math.floor(Date.now() / 1000) - 1, profile: { sub: 'u1' } }],
    ['the stored session has no token', { expires_at: inAnHour(), profile: { sub: 'u1' } }],
    ['the stored session is not JSON', '{not json'],
  ])('is not sent when %s', (_case, user) => {
    if (typeof user === 'string') sessionStorage.setItem(STORAGE_KEY, user);
    else if (user) storeUser(user);
    loadPage();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(takeEarlyRequest(window, URL_FOR_VIEW)).toBeNull();
  });

  it.each([
    ['a damaged block', `<script type="application/json" id="${EARLY_REQUEST_ELEMENT_ID}">{"url":</script>`],
    ['no block', ''],
    ['another host', earlyRequestBlock({ ...data, urls: ['//elsewhere.example/api/campaigns'] })],
    ['an absolute URL', earlyRequestBlock({ ...data, urls: ['https://elsewhere.example/api/campaigns'] })],
    ['URLs that are not a list', `<script type="application/json" id="${EARLY_REQUEST_ELEMENT_ID}">{"urls":"/api/campaigns","storageKey":"${STORAGE_KEY}","init":{"headers":{}}}</script>`],
  ])('is not sent for %s, and the page goes on', (_case, block) => {
    storeUser({ access_token: 'token-1', expires_at: inAnHour(), profile: { sub: 'u1' } });
    expect(() => loadPage(block)).not.toThrow();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('sends the same-origin request of a block that also names another host, and only that one', () => {
    storeUser({ access_token: 'token-1', expires_at: inAnHour(), profile: { sub: 'u1' } });
    loadPage(earlyRequestBlock({ ...data, urls: ['https://elsewhere.example/api/campaigns/c-42', URL_FOR_VIEW] }));
    expect(fetchSpy.mock.calls.map(([url]) => url)).toEqual([URL_FOR_VIEW]);
  });

  it('cannot be closed early by a value in its block', () => {
    const block = earlyRequestBlock({ ...data, urls: ['/api/campaigns?search=</script><script>alert(1)</script>'] });
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    document.head.innerHTML = block;
    expect(JSON.parse(document.head.querySelector('script')!.textContent!)).toMatchObject({ urls: ['/api/campaigns?search=</script><script>alert(1)</script>'] });
  });
});
