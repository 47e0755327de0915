import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { HttpClient } from '../../../lib/http-client';
import { DEFAULT_FILTERS, DEFAULT_SORT, type CampaignFilters } from '../url-state/campaign-filters';
import { campaignPageSchema } from './campaign-schemas';
import { fetchCampaignDetail, fetchCampaignPage, parseOrThrow } from './fetch-campaigns';
import { queryNames } from '../../../config/talkdesk-api-contract';
import { toApiQuery } from './to-api-query';

/** Query keys: every view's key holds its complete filter state, so two URLs with one state share a cache entry. */
export const campaignKeys = {
  all: ['campaigns'] as const,
  lists: () => [...campaignKeys.all, 'list'] as const,
  list: (filters: CampaignFilters) => [...campaignKeys.lists(), filters] as const,
  needActionCount: (filters: CampaignFilters) => [...campaignKeys.all, 'need-action-count', filters] as const,
  detail: (id: string) => [...campaignKeys.all, 'detail', id] as const,
};

/** After a failure the view keeps polling slowly, so it recovers by itself when Talkdesk does. */
const RECOVERY_POLL_MS = 15_000;
const pollWhileFailing = (query: { state: { status: string } }) => (query.state.status === 'error' ? RECOVERY_POLL_MS : false);

export function campaignListOptions(client: HttpClient, filters: CampaignFilters) {
  return queryOptions({
    queryKey: campaignKeys.list(filters),
    queryFn: ({ signal }) => fetchCampaignPage(client, filters, signal),
    placeholderData: keepPreviousData,
    refetchInterval: pollWhileFailing,
  });
}

/** How many campaigns matching the filters need action, across all pages: the total of a one-row request. */
export function needActionCountOptions(client: HttpClient, filters: CampaignFilters) {
  // Sort and paging do not change the count: one cache entry for every page and order of a view.
  const countFilters: CampaignFilters = { ...filters, actionRequired: true, page: 1, perPage: DEFAULT_FILTERS.perPage, sort: DEFAULT_SORT };
  return queryOptions({
    queryKey: campaignKeys.needActionCount(countFilters),
    queryFn: async ({ signal }) => {
      const query = toApiQuery(countFilters);
      query.set(queryNames.perPage, '1');
      const body = await client.getJson('/campaigns', { query, signal });
      return parseOrThrow(campaignPageSchema, body).total;
    },
    placeholderData: keepPreviousData,
  });
}

export function campaignDetailOptions(client: HttpClient, id: string) {
  return queryOptions({
    queryKey: campaignKeys.detail(id),
    queryFn: ({ signal }) => fetchCampaignDetail(client, id, signal),
  });
}
