/*
 * The list view's data: the page for the URL's filters, the last page that loaded (kept on screen through errors, so
 * nothing the supervisor was reading disappears), the need-action count, and the upkeep around them (a page past
 * the end clamped, the next page fetched ahead).
 */
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { afterNextPaint } from '../../../lib/after-next-paint';
import { ApiError } from '../../../lib/api-error';
import { useHttpClient } from '../../../lib/http-client-context';
import { campaignListOptions, needActionCountOptions } from '../api/campaign-queries';
import type { CampaignPage } from '../api/campaign-schemas';
import { fieldErrorsByControl } from '../api/field-errors';
import { clampPage } from '../url-state/paging';
import { useCampaignSearch } from '../url-state/use-campaign-search';

const throwForbidden = (error: Error) => error instanceof ApiError && error.status === 403;

export type CampaignListView = ReturnType<typeof useCampaignList>;

export function useCampaignList() {
  const client = useHttpClient();
  const queryClient = useQueryClient();
  // A view's rows are asked for as the supervisor changes it, not once React has rendered the change (useQuery below
  // then takes that request; a view in the cache, fresh, is not asked for again).
  const search = useCampaignSearch((next) => {
    void queryClient.prefetchQuery(campaignListOptions(client, next));
  });
  const { filters, setFilters } = search;

  const list = useQuery({ ...campaignListOptions(client, filters), throwOnError: throwForbidden });
  const [lastGood, setLastGood] = useState<CampaignPage | null>(null);
  if (list.data && !list.isPlaceholderData && list.data !== lastGood) setLastGood(list.data);
  const settled = list.isSuccess && !list.isPlaceholderData;
  // The count waits for the first rows: they are what the supervisor came for, and it must not compete with them.
  const needAction = useQuery({
    ...needActionCountOptions(client, filters),
    enabled: filters.actionRequired === null && lastGood !== null,
  });

  // A page past the end (the data changed under a shared link) is clamped to the last page.
  const totalPages = settled ? list.data.totalPages : null;
  useEffect(() => {
    if (totalPages === null) return;
    const clamped = clampPage(filters.page, totalPages);
    if (clamped !== filters.page) setFilters((current) => ({ ...current, page: clamped }), { replace: true });
  }, [totalPages, filters.page, setFilters]);

  // The next page is fetched ahead so "Next page" paints at once. After this page is painted: after a click, React
  // runs this effect before the browser paints, and sending the request then held the new rows back.
  useEffect(() => {
    if (totalPages === null || filters.page >= totalPages) return;
    let current = true;
    void afterNextPaint().then(() => {
      if (current) void queryClient.prefetchQuery(campaignListOptions(client, { ...filters, page: filters.page + 1 }));
    });
    return () => {
      current = false;
    };
  }, [totalPages, filters, client, queryClient]);

  const error = list.isError ? list.error : null;
  const fieldErrors = error instanceof ApiError && error.status === 400 ? fieldErrorsByControl(error.fields) : null;
  const needActionCount =
    filters.actionRequired === true ? (settled ? list.data.total : null) : filters.actionRequired === false ? 0 : (needAction.data ?? null);

  return { ...search, list, page: list.data ?? lastGood, settled, error, fieldErrors, needActionCount };
}
