import type { CampaignFilters } from '../url-state/campaign-filters';
import { EARLIEST_CREATED_AT, queryNames, type QueryParam } from '../../../config/talkdesk-api-contract';

/**
 * Maps a view's state to the GET /campaigns query. Calendar dates are read in the viewer's time zone: "from" is
 * the first instant of that day, "to" the last. The API rejects one bound alone, so a lone bound is completed
 * with the earliest instant or `now`.
 */
export function toApiQuery(filters: CampaignFilters, now: Date = new Date()): URLSearchParams {
  const query = new URLSearchParams();
  const put = (param: QueryParam, value: string | number | boolean | null) => {
    if (value === null || value === '') return;
    query.set(queryNames[param], String(value));
  };
  put('page', filters.page);
  put('perPage', filters.perPage);
  put('orderBy', `${filters.sort.field}:${filters.sort.direction}`);
  put('status', filters.status?.toLowerCase() ?? null);
  put('dialingMode', filters.dialingMode);
  put('priority', filters.priority);
  put('actionRequired', filters.actionRequired);
  put('search', filters.search);
  put('name', filters.name);
  put('userId', filters.userId);
  put('recordListId', filters.recordListId);
  put('doNotCallListId', filters.doNotCallListId);
  if (filters.createdFrom || filters.createdTo) {
    put('createdAtFrom', filters.createdFrom ? startOfLocalDay(filters.createdFrom).toISOString() : EARLIEST_CREATED_AT);
    put('createdAtTo', filters.createdTo ? endOfLocalDay(filters.createdTo).toISOString() : now.toISOString());
  }
  return query;
}

/** First millisecond of a `YYYY-MM-DD` day in the runtime's (the viewer's) time zone. */
export function startOfLocalDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 0, 0, 0, 0);
}

/** Last millisecond of a `YYYY-MM-DD` day in the viewer's time zone (days are 23 or 25 hours around DST). */
export function endOfLocalDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new Date(year, month - 1, day + 1, 0, 0, 0, 0).getTime() - 1);
}
