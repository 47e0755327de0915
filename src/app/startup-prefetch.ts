/*
 * A returning supervisor's first campaigns request starts before React renders anything: the stored session and
 * the URL are all it needs. The list route then finds the answer in the cache, or the request in flight (same
 * query key), instead of starting it after the first render. This early request cannot renew a token or apply the
 * retry policy, so if it fails the view is reset and fetched again by the route's own query, which can.
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
    renewAccessToken: async () => null,
  });
  const { queryKey, ...options } = campaignListOptions(client, parseCampaignSearch(location.search).filters);
  return queryClient.fetchQuery({ queryKey, ...options, retry: false }).then(
    () => undefined,
    () => queryClient.resetQueries({ queryKey }),
  );
}
