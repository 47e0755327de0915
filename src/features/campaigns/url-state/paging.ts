import type { CampaignFilters } from './campaign-filters';

/** The page to show when the server says there are `totalPages`: never past the end, never below 1. */
export function clampPage(page: number, totalPages: number): number {
  if (totalPages < 1) return 1;
  return Math.min(Math.max(1, page), totalPages);
}

/**
 * The view moved to page `to(its page)`, never past `totalPages` nor below 1. The pager's buttons and the keyboard's
 * n and p both turn pages through this.
 */
export function turnPage(filters: CampaignFilters, to: (page: number) => number, totalPages: number): CampaignFilters {
  return { ...filters, page: clampPage(to(filters.page), totalPages) };
}

/** "Showing a–b of N": 1-based positions of the first and last row of a page; 0–0 when there is nothing. */
export function shownRange(page: number, perPage: number, total: number, rowCount: number): { first: number; last: number } {
  if (total === 0 || rowCount === 0) return { first: 0, last: 0 };
  const first = (page - 1) * perPage + 1;
  return { first, last: first + rowCount - 1 };
}
