/* The complete, valid state of one campaigns view: what the URL encodes and what the API is asked. */
export const CAMPAIGN_STATUSES = ['incomplete', 'ready', 'running', 'paused'] as const;
export type CampaignStatusFilter = (typeof CAMPAIGN_STATUSES)[number];

export const DIALING_MODES = ['PREDICTIVE', 'PREVIEW'] as const;
export type DialingMode = (typeof DIALING_MODES)[number];

export const SORT_FIELDS = ['name', 'created_at', 'dialing_mode', 'priority'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const PRIORITIES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface CampaignSort {
  field: SortField;
  direction: SortDirection;
}

export interface CampaignFilters {
  status: CampaignStatusFilter | null;
  dialingMode: DialingMode | null;
  priority: number | null;
  actionRequired: boolean | null;
  search: string;
  name: string;
  userId: string;
  recordListId: string;
  doNotCallListId: string;
  /** Calendar dates `YYYY-MM-DD` in the viewer's time zone. */
  createdFrom: string | null;
  createdTo: string | null;
  sort: CampaignSort;
  page: number;
  perPage: PageSize;
}

export const DEFAULT_SORT: CampaignSort = { field: 'created_at', direction: 'desc' };

export const DEFAULT_FILTERS: CampaignFilters = {
  status: null,
  dialingMode: null,
  priority: null,
  actionRequired: null,
  search: '',
  name: '',
  userId: '',
  recordListId: '',
  doNotCallListId: '',
  createdFrom: null,
  createdTo: null,
  sort: DEFAULT_SORT,
  page: 1,
  perPage: 50,
};

/** Limits the API documents for free-text and id parameters. */
export const MAX_TEXT_LENGTH = 35;
export const MAX_ID_LENGTH = 36;

/** How many filters narrow the list (sort and paging do not). */
export function countActiveFilters(filters: CampaignFilters): number {
  return [
    filters.status,
    filters.dialingMode,
    filters.priority,
    filters.actionRequired,
    filters.createdFrom,
    filters.createdTo,
    filters.search || null,
    filters.name || null,
    filters.userId || null,
    filters.recordListId || null,
    filters.doNotCallListId || null,
  ].filter((value) => value !== null).length;
}

export function hasActiveFilters(filters: CampaignFilters): boolean {
  return countActiveFilters(filters) > 0;
}

/** Clears every filter but keeps the sort and page size; back to page 1. */
export function clearFilters(filters: CampaignFilters): CampaignFilters {
  return { ...DEFAULT_FILTERS, sort: filters.sort, perPage: filters.perPage };
}

/** The sort after a click on a column header: a new column starts ascending, the sorted one flips. */
export function toggleSort(sort: CampaignSort, field: SortField): CampaignSort {
  if (sort.field !== field) return { field, direction: 'asc' };
  return { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' };
}
