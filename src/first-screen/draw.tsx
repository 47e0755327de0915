/*
 * The first screen as the server draws it (built for Node by src/first-screen/node/build-first-screen.ts, used by
 * src/server/drawn-pages.ts): the list view at the request's URL, with its filters, sort and page, and skeleton rows (for
 * a detail link, the list its panel opens over).
 * The server knows the URL but not who is signed in (the session lives in the browser), so the rows are left to the
 * browser: the boot script paints the first view's rows into this screen as soon as they arrive
 * (src/first-screen/paint.ts), before React has loaded, and React then renders the same screen in its place.
 * It is inert until then: nothing on it can be used before the app is running. And it is hidden until the boot
 * script shows it, with the rows or, when they are slow, as a skeleton: the browser lays the page out once.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { RuntimeConfig } from '../config/runtime-config';
import { applyQueryNames } from '../config/talkdesk-api-contract';
import { FirstScreenAuthProvider } from '../features/auth/auth-context';
import { CampaignsRoute } from '../features/campaigns/routes/campaigns-route';
import { createHttpClient } from '../lib/http-client';
import { HttpClientProvider } from '../lib/http-client-context';
import { userStorageKey } from '../features/auth/session';
import { campaignDetailUrl, campaignPageUrl } from '../features/campaigns/api/fetch-campaigns';
import { campaignIdOfPath, isDetailPath } from '../features/campaigns/url-state/detail-path';
import { parseCampaignSearch, toSearchString } from '../features/campaigns/url-state/search-params';
import { apiRequestInit } from '../lib/http-client';
import { AppLayout } from '../app/app-layout';
import { EARLY_REQUEST_SCRIPT, earlyRequestBlock } from './inline-request';
import { FIRST_SCREEN_ATTRIBUTE, type FirstScreen } from './contract';

// The server allows the inline script in the page's CSP by its hash (node/load-first-screen.ts).
export { EARLY_REQUEST_SCRIPT };

/**
 * The view the first screen for `url` draws, as a URL: its path and its canonical query (unknown or repeated
 * parameters, defaults and order left out), or null for pages drawn only in the browser. The server keeps drawn pages
 * by it (src/server/drawn-pages.ts), so junk or reordered parameters cost no drawing; the app, once in, tells what it
 * ignored.
 */
export function firstScreenUrl(url: string): string | null {
  const { pathname, search } = new URL(url, 'http://first-screen.invalid');
  const campaignId = campaignIdOfPath(pathname);
  if (pathname !== '/' && campaignId === null) return null;
  const query = toSearchString(parseCampaignSearch(search).filters);
  return `${campaignId === null ? '/' : `/campaigns/${encodeURIComponent(campaignId)}`}${query ? `?${query}` : ''}`;
}

/**
 * The first screen for `url` (path and query), or null for pages drawn only in the browser. For a detail link it is
 * the list behind the panel; the panel itself opens once the app is in, and its request leaves with the list's.
 */
export function renderFirstScreen(url: string, config: RuntimeConfig): FirstScreen | null {
  const { pathname, search } = new URL(url, 'http://first-screen.invalid');
  if (pathname !== '/' && !isDetailPath(pathname)) return null;
  applyQueryNames(config.queryNames);
  const urls = [campaignPageUrl(config.apiBasePath, parseCampaignSearch(search).filters)];
  const campaignId = campaignIdOfPath(pathname);
  if (campaignId !== null) urls.push(campaignDetailUrl(config.apiBasePath, campaignId));
  const early = earlyRequestBlock({ urls, storageKey: userStorageKey(config), init: apiRequestInit() });
  const client = createHttpClient({
    basePath: config.apiBasePath,
    getAccessToken: () => null,
    renewAccessToken: async () => null,
    fetch: () => Promise.reject(new Error('The first screen does not fetch')),
  });
  const screen = renderToString(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <StaticRouter location={`/${search}`}>
          <FirstScreenAuthProvider regionLabel={config.regionLabel}>
            <HttpClientProvider client={client}>
              <AppLayout>
                <CampaignsRoute />
              </AppLayout>
            </HttpClientProvider>
          </FirstScreenAuthProvider>
        </StaticRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
  return {
    head: `${early}<script>${EARLY_REQUEST_SCRIPT}</script>`,
    root: `<div ${FIRST_SCREEN_ATTRIBUTE}="" inert="" hidden="">${screen}</div>`,
  };
}
