/*
 * The first view's requests, from the page's inline script to the app. A returning supervisor's first campaigns
 * request starts as early as the page allows: the stored session, the URL and the configuration inlined in
 * index.html are all it needs. The page's inline script (inline-request.ts) has usually sent it while the page was
 * parsed; when this module is evaluated (boot.ts imports it first, so that everything it imports only to paint is
 * evaluated while the request is on its way) it takes that request over, or sends its own when the page sent none
 * (nobody signed in then, an expired token, a damaged block) or for another URL. So nothing this module imports may
 * pull in React. The app then adopts the request (takeover.ts): the list route finds the answer in the cache, or the
 * request in flight under the same query key.
 *
 * This early request cannot renew a token or apply the retry policy, so if it fails the view is reset and fetched
 * again by the route's own query, which can.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { RuntimeConfig } from '../config/runtime-config';
import { isExpired, readStoredSession, type Session } from '../features/auth/session';
import type { CampaignFilters } from '../features/campaigns/url-state/campaign-filters';
import { campaignDetailUrl, campaignPageUrl, fetchCampaignDetail, fetchCampaignPage } from '../features/campaigns/api/fetch-campaigns';
import type { CampaignDetail, CampaignPage } from '../features/campaigns/api/campaign-schemas';
import { campaignIdOfPath, isDetailPath } from '../features/campaigns/url-state/detail-path';
import { parseCampaignSearch } from '../features/campaigns/url-state/search-params';
import { createHttpClient } from '../lib/http-client';
import { EARLY_REQUEST_GLOBAL } from './contract';
import { readInlineRuntimeConfig } from './load-runtime-config';

export interface FirstViewRequest {
  session: Session;
  filters: CampaignFilters;
  page: Promise<CampaignPage>;
  /** When the list's request left (performance.now()). */
  sentAt: number;
  /** Whether the list's answer has started to come in (for a request the page sent early, it may have already). */
  answered: () => boolean;
  /** On a detail link, the panel's campaign: its request leaves with the list's. */
  detail: { id: string; campaign: Promise<CampaignDetail> } | null;
}

/** A request for the view already sent by the page's inline script. */
export interface SentRequest {
  response: Promise<Response>;
  sentAt: number;
}

/**
 * Starts the requests for the view at `location` (its list, and on a detail link the panel's campaign), or returns
 * null when that view is not the list or nobody is signed in. `takeEarlyRequest` gives the request for a URL that the
 * page has already sent (inline-request.ts), if any.
 */
export function startFirstViewRequest(
  config: RuntimeConfig,
  location: Pick<Location, 'pathname' | 'search'>,
  storage: Storage,
  takeEarlyRequest: (url: string) => SentRequest | null = () => null,
): FirstViewRequest | null {
  const session = readStoredSession(config, storage);
  if (!session || isExpired(session)) return null;
  if (location.pathname !== '/' && !isDetailPath(location.pathname)) return null;
  const { filters } = parseCampaignSearch(location.search);
  const listUrl = campaignPageUrl(config.apiBasePath, filters);
  const campaignId = campaignIdOfPath(location.pathname);
  const early = new Map<string, SentRequest>();
  for (const url of campaignId === null ? [listUrl] : [listUrl, campaignDetailUrl(config.apiBasePath, campaignId)]) {
    const sent = takeEarlyRequest(url);
    if (sent) early.set(url, sent);
  }
  const client = createHttpClient({
    basePath: config.apiBasePath,
    getAccessToken: () => session.accessToken,
    renewAccessToken: async () => null,
    // An early answer serves its URL once; anything else (a retry after a 401, say) is a request of its own.
    fetch: (input, init) => {
      const sent = early.get(String(input));
      early.delete(String(input));
      return sent ? sent.response : fetch(input, init);
    },
  });
  const sentAt = early.get(listUrl)?.sentAt ?? performance.now();
  let answered = false;
  void early.get(listUrl)?.response.finally(() => (answered = true)).catch(() => undefined);
  const page = fetchCampaignPage(client, filters);
  const detail = campaignId === null ? null : { id: campaignId, campaign: fetchCampaignDetail(client, campaignId) };
  // Whoever adopts them handles a failure; until then it must not count as unhandled.
  page.catch(() => undefined);
  detail?.campaign.catch(() => undefined);
  return { session, filters, page, sentAt, answered: () => answered, detail };
}

/**
 * Puts a request's answer under `queryKey`, so the query of the route (or the panel) shares it instead of sending its
 * own. A failure resets the query, which then asks again itself (it can renew the token and retry).
 */
export function adoptFirstViewRequest(queryClient: QueryClient, answer: Promise<unknown>, queryKey: readonly unknown[]): Promise<void> {
  return queryClient.fetchQuery({ queryKey, queryFn: () => answer, retry: false }).then(
    () => undefined,
    () => queryClient.resetQueries({ queryKey }),
  );
}

/**
 * The request the page sent early for `url`, if it sent one, else null. Each is taken at most once: a later request
 * for the same URL must be a new one.
 */
export function takeEarlyRequest(win: Window, url: string): SentRequest | null {
  const sent = (win as unknown as Record<string, Record<string, SentRequest> | undefined>)[EARLY_REQUEST_GLOBAL];
  const request = sent && Object.hasOwn(sent, url) ? sent[url] : undefined;
  if (!request) return null;
  delete sent![url];
  return { response: request.response, sentAt: request.sentAt };
}

const config = readInlineRuntimeConfig(document);

/** The first view's requests, sent (or taken over) as this module is evaluated; null when there is no view to ask for. */
export const bootFirstViewRequest = config
  ? startFirstViewRequest(config, window.location, window.sessionStorage, (url) => takeEarlyRequest(window, url))
  : null;
