/*
 * The URL is the state of the campaigns view. This schema turns ANY query string into a complete, valid
 * CampaignFilters (bad values fall back to defaults and are reported so the UI can say what it ignored), and
 * `toSearchString` turns a state back into the shortest URL: defaults are left out.
 */
import * as z from 'zod/mini';
import {
  CAMPAIGN_STATUSES,
  DEFAULT_FILTERS,
  DEFAULT_SORT,
  DIALING_MODES,
  MAX_ID_LENGTH,
  MAX_TEXT_LENGTH,
  PAGE_SIZES,
  SORT_FIELDS,
  type CampaignFilters,
  type CampaignSort,
  type PageSize,
} from './campaign-filters';

// Normalised first, then measured: what the API receives and what the link keeps is the NFC form, which can be
// longer than the text typed (U+0344 becomes two characters).
const text = (max: number) =>
  z.pipe(
    z.transform((value: string) => value.normalize('NFC').trim()),
    z.string().check(z.maxLength(max, `it must be at most ${max} characters`)),
  );

const calendarDate = z.string().check(
  z.refine((value) => isCalendarDate(value), 'it must be a date written YYYY-MM-DD'),
);

const wholeNumber = (min: number, max: number, what: string) =>
  z.pipe(
    z.string().check(z.regex(/^\d{1,4}$/, `${what} must be a whole number from ${min} to ${max}`)),
    z.pipe(
      z.transform((value: string) => Number(value)),
      z.number().check(z.gte(min, `${what} must be from ${min} to ${max}`), z.lte(max, `${what} must be from ${min} to ${max}`)),
    ),
  );

const orderBy = z.pipe(
  z.string().check(
    z.regex(
      new RegExp(`^(${SORT_FIELDS.join('|')})(:(asc|desc))?$`),
      `it must be one of ${SORT_FIELDS.join(', ')}, optionally followed by :asc or :desc`,
    ),
  ),
  z.transform((value): CampaignSort => {
    const [field, direction] = value.split(':') as [CampaignSort['field'], CampaignSort['direction'] | undefined];
    return { field, direction: direction ?? 'asc' };
  }),
);

/** One entry per URL parameter: its name in the URL, and how its raw text becomes part of the state. */
export const searchParamSchema = {
  status: z.pipe(
    z.transform((value: string) => value.toLowerCase()),
    z.enum(CAMPAIGN_STATUSES, `it must be one of ${CAMPAIGN_STATUSES.join(', ')}`),
  ),
  dialing_mode: z.pipe(
    z.transform((value: string) => value.toUpperCase()),
    z.enum(DIALING_MODES, 'it must be predictive or preview'),
  ),
  priority: wholeNumber(1, 10, 'priority'),
  action_required: z.pipe(
    z.enum(['true', 'false'], 'it must be true or false'),
    z.transform((value) => value === 'true'),
  ),
  search: text(MAX_TEXT_LENGTH),
  name: text(MAX_TEXT_LENGTH),
  user_id: text(MAX_ID_LENGTH),
  record_list_id: text(MAX_ID_LENGTH),
  do_not_call_list_id: text(MAX_ID_LENGTH),
  created_from: calendarDate,
  created_to: calendarDate,
  order_by: orderBy,
  page: wholeNumber(1, 9999, 'the page'),
  per_page: z.pipe(
    z.string().check(z.regex(/^\d{1,3}$/, `rows per page must be one of ${PAGE_SIZES.join(', ')}`)),
    z.pipe(
      z.transform((value: string) => Number(value)),
      z.custom<PageSize>(
        (value) => (PAGE_SIZES as readonly unknown[]).includes(value),
        `rows per page must be one of ${PAGE_SIZES.join(', ')}`,
      ),
    ),
  ),
} as const;

type ParamName = keyof typeof searchParamSchema;
const PARAM_NAMES = Object.keys(searchParamSchema) as ParamName[];

export interface ParsedSearch {
  filters: CampaignFilters;
  /** Human-readable reasons for every part of the query string that was ignored. */
  ignored: string[];
}

export function parseCampaignSearch(search: string | URLSearchParams): ParsedSearch {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: CampaignFilters = { ...DEFAULT_FILTERS };
  const ignored: string[] = [];
  const seen = new Set<string>();

  for (const key of new Set(params.keys())) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (!(PARAM_NAMES as string[]).includes(key)) {
      ignored.push(`Ignored unknown parameter “${shorten(key)}”.`);
      continue;
    }
    const values = params.getAll(key);
    if (values.length > 1) {
      ignored.push(`Ignored “${key}”: it was given ${values.length} times.`);
      continue;
    }
    const raw = values[0] ?? '';
    if (raw.trim() === '') continue;
    const name = key as ParamName;
    const result = searchParamSchema[name].safeParse(raw);
    if (!result.success) {
      const reason = result.error.issues[0]?.message ?? 'it is not valid';
      ignored.push(`Ignored ${key}=“${shorten(raw)}”: ${reason}.`);
      continue;
    }
    (filters as unknown as Record<string, unknown>)[FILTER_OF_PARAM[name]] = result.data;
  }

  if (filters.createdFrom && filters.createdTo && filters.createdFrom > filters.createdTo) {
    ignored.push(`Ignored the creation dates: “from” (${filters.createdFrom}) is after “to” (${filters.createdTo}).`);
    filters.createdFrom = null;
    filters.createdTo = null;
  }
  return { filters, ignored };
}

/** The part of the state each parameter sets (its schema gives that part's type). */
const FILTER_OF_PARAM: { [name in ParamName]: keyof CampaignFilters } = {
  status: 'status',
  dialing_mode: 'dialingMode',
  priority: 'priority',
  action_required: 'actionRequired',
  search: 'search',
  name: 'name',
  user_id: 'userId',
  record_list_id: 'recordListId',
  do_not_call_list_id: 'doNotCallListId',
  created_from: 'createdFrom',
  created_to: 'createdTo',
  order_by: 'sort',
  page: 'page',
  per_page: 'perPage',
};

/** The shortest query string (without `?`) for a state; parameters in a stable order. */
export function toSearchString(filters: CampaignFilters): string {
  const parts: string[] = [];
  const put = (name: ParamName, value: string | number | boolean | null) => {
    if (value === null || value === '') return;
    parts.push(`${name}=${encodeQueryValue(String(value))}`);
  };
  put('search', filters.search);
  put('status', filters.status);
  put('dialing_mode', filters.dialingMode?.toLowerCase() ?? null);
  put('priority', filters.priority);
  put('action_required', filters.actionRequired);
  put('created_from', filters.createdFrom);
  put('created_to', filters.createdTo);
  put('name', filters.name);
  put('user_id', filters.userId);
  put('record_list_id', filters.recordListId);
  put('do_not_call_list_id', filters.doNotCallListId);
  if (filters.sort.field !== DEFAULT_SORT.field || filters.sort.direction !== DEFAULT_SORT.direction) {
    put('order_by', `${filters.sort.field}:${filters.sort.direction}`);
  }
  if (filters.perPage !== DEFAULT_FILTERS.perPage) put('per_page', filters.perPage);
  if (filters.page !== 1) put('page', filters.page);
  return parts.join('&');
}

/** Percent-encodes a value but leaves `:` readable, so `order_by=name:asc` reads like the API request. */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/g, ':');
}

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970 || year > 9999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
