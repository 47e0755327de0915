/*
 * A returning supervisor's first campaigns request starts before React renders anything: the stored session and
 * the URL are all it needs. The list route then finds the answer in the cache, or the request in flight (same
 * query key), instead of starting it after the first render. A failure here is harmless: the route's own query
 * retries as usual. Resolves when the answer is in (or at once when there is nothing to fetch).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { RuntimeConfig } from '../config/runtime-config';
import { isExpired, readStoredSession } from '../features/auth/session';
import { campaignListOptions } from '../features/campaigns/api/campaign-queries';
import { parseCampaignSearch } from '../features/campaigns/search-params';
import { createHttpClient } from '../lib/http-client';

export function prefetchFirstView(config: RuntimeConfig, queryClient: QueryClient, location: Location = window.location): Promise<void> {
  const session = readStoredSession(config);
  if (!session || isExpired(session)) return Promise.resolve();
  if (location.pathname !== '/' && !location.pathname.startsWith('/campaigns/')) return Promise.resolve();
  const client = createHttpClient({
    basePath: config.apiBasePath,
    getAccessToken: () => session.accessToken,
    // A 401 here is left to the route's query, which renews through the auth context.
    renewAccessToken: async () => null,
  });
  const { filters } = parseCampaignSearch(location.search);
  return queryClient.prefetchQuery(campaignListOptions(client, filters));
}
