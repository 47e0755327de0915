import { DEFAULT_FILTERS, type CampaignFilters } from '../../url-state/campaign-filters';
import { toSearchString } from '../../url-state/search-params';

/** Long searches and ids would make names no file system keeps: the filters' part stops at this many characters. */
const MAX_FILTERS_LENGTH = 120;

/**
 * `campaigns-2026-12-04-status-running.csv`: the viewer's calendar day, then the view's filters as its link writes
 * them (name and value, sort and paging left out), in characters every file system accepts.
 */
export function exportFileName(filters: CampaignFilters, now: Date = new Date()): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  const onlyFilters = { ...filters, sort: DEFAULT_FILTERS.sort, page: 1, perPage: DEFAULT_FILTERS.perPage };
  const parts = [...new URLSearchParams(toSearchString(onlyFilters))].map(([name, value]) => `${name}-${value}`);
  // By code point, so that a letter outside the basic plane is never cut in half.
  const described = Array.from(parts.join('-').replace(/[^\p{L}\p{N}._-]+/gu, '_'))
    .slice(0, MAX_FILTERS_LENGTH)
    .join('')
    .replace(/[._-]+$/, '');
  return `campaigns-${day}${described ? `-${described}` : ''}.csv`;
}
