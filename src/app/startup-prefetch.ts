/*
 * A returning supervisor's first campaigns request starts before React renders anything: the stored session and
 * the URL are all it needs. The list route then finds the request already in flight (same query key) instead of
 * starting it after the first render. A failure here is harmless: the route's own query retries as usual.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { RuntimeConfig } from '../config/runtime-config';
import { isExpired, readStoredSession } from '../features/auth/session';
import { campaignListOptions } from '../features/campaigns/api/campaign-queries';
import { parseCampaignSearch } from '../features/campaigns/search-params';
import { createHttpClient } from '../lib/http-client';

export function prefetchFirstView(config: RuntimeConfig, queryClient: QueryClient, location: Location = window.location): void {
  const session = readStoredSession(config);
  if (!session || isExpired(session)) return;
  if (location.pathname !== '/' && !location.pathname.startsWith('/campaigns/')) return;
  const client = createHttpClient({
    basePath: config.apiBasePath,
    getAccessToken: () => session.accessToken,
    // A 401 here is left to the route's query, which renews through the auth context.
    renewAccessToken: async () => null,
  });
  const { filters } = parseCampaignSearch(location.search);
  void queryClient.prefetchQuery(campaignListOptions(client, filters));
}
