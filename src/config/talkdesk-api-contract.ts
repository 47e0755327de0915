/*
 * What the dashboard believes about Talkdesk's Campaign Management API (background: ../shared/talkdesk/API-NOTES.md):
 * the GET /campaigns query parameters (name, value format, how we know it), how `expand` values are joined, the
 * created_at bounds, the answer's spellings and the regional hosts. The browser's query mapping, the sandbox and
 * `npm run probe` read this one table; nothing else spells a Talkdesk query parameter. `npm run probe` checks every
 * entry against a live account, and a deployment corrects a wrong name with TALKDESK_QUERY_NAMES, without a rebuild.
 *
 * The browser's first screen carries only DEFAULT_QUERY_NAMES, queryNames and the constants its requests use: the
 * rest is in exports of its own, written as plain literals, so that the bundler leaves it out of the browser build.
 * Sources: 'doc' stated by Talkdesk's docs, '3p' seen in third-party integrations, 'guess' our inference.
 */
import type { RegionId } from './regions.ts';

/** The name of each GET /campaigns query parameter, keyed by the dashboard's own name for it. */
export const DEFAULT_QUERY_NAMES = {
  page: 'page',
  perPage: 'per_page',
  createdAtFrom: 'created_at_from',
  createdAtTo: 'created_at_to',
  expand: 'expand',
  actionRequired: 'action_required',
  dialingMode: 'dialing_mode',
  doNotCallListId: 'do_not_call_list_id',
  name: 'name',
  orderBy: 'order_by',
  priority: 'priority',
  recordListId: 'record_list_id',
  search: 'search',
  status: 'status',
  userId: 'user_id',
} as const;

export type QueryParam = keyof typeof DEFAULT_QUERY_NAMES;
export type QueryNames = Record<QueryParam, string>;
/** A deployment's corrections (TALKDESK_QUERY_NAMES), keyed like DEFAULT_QUERY_NAMES. */
export type QueryNameOverrides = Partial<QueryNames>;

/**
 * The names in force in this page or process. One configuration serves a whole page, so it is applied once, where
 * the configuration is read (applyQueryNames), and read where a query is built: passing it down every query
 * builder would cost first-screen bytes for no gain.
 */
export const queryNames: QueryNames = { ...DEFAULT_QUERY_NAMES };

export function applyQueryNames(overrides?: QueryNameOverrides): void {
  Object.assign(queryNames, DEFAULT_QUERY_NAMES, overrides);
}

/** How several `expand` values are joined ('guess'). */
export const EXPAND_SEPARATOR = ',';
export const EXPAND_VALUES = ['dialing_mode_configuration', 'dialing_strategy'] as const;
export type ExpandValue = (typeof EXPAND_VALUES)[number];

/** The earliest instant sent when only "Created to" is set: the API refuses one created_at bound alone ('3p'). */
export const EARLIEST_CREATED_AT = '1970-01-01T00:00:00.000Z';

/** Sort fields for order_by ('doc'), each alone (ascending) or with `:asc` / `:desc`. */
export const ORDER_BY_FIELDS = ['created_at', 'name', 'dialing_mode', 'priority'] as const;
export type OrderByField = (typeof ORDER_BY_FIELDS)[number];
export const DEFAULT_ORDER_BY = { field: 'created_at', direction: 'desc' } as const;

/** Page size limits ('doc'): outside them the API answers 400 ('guess'). */
export const PER_PAGE = { min: 1, max: 100, default: 50 } as const;

export type Source = 'doc' | '3p' | 'guess';

export interface QueryParameterBelief {
  /** How we know the name. */
  source: Source;
  /** The values the dashboard sends and the sandbox accepts. */
  format: string;
  /**
   * Other names the API could use, tried by the probe when ours does nothing (besides the camelCase and kebab-case
   * forms of ours). createdAtFrom's and createdAtTo's go in pairs: the same position in both lists.
   */
  alternatives: readonly string[];
}

export const QUERY_PARAMETERS: Record<QueryParam, QueryParameterBelief> = {
  page: { source: 'doc', format: 'integer >= 1, default 1', alternatives: ['page_number', 'p'] },
  perPage: { source: 'doc', format: 'integer 1..100, default 50', alternatives: ['page_size', 'limit', 'size'] },
  createdAtFrom: {
    source: '3p',
    format: 'RFC 3339 date-time (sent as UTC with milliseconds), required with created_at_to',
    alternatives: ['created_from', 'created_at[gte]', 'created_at_start', 'created_after', 'from', 'start_date'],
  },
  createdAtTo: {
    source: '3p',
    format: 'RFC 3339 date-time (sent as UTC with milliseconds), required with created_at_from',
    alternatives: ['created_to', 'created_at[lte]', 'created_at_end', 'created_before', 'to', 'end_date'],
  },
  expand: { source: 'guess', format: 'dialing_mode_configuration, dialing_strategy, joined by ","', alternatives: ['include', 'embed', 'expand[]'] },
  actionRequired: { source: 'guess', format: 'true | false', alternatives: ['needs_action', 'action'] },
  dialingMode: { source: 'guess', format: 'PREDICTIVE | PREVIEW (upper case)', alternatives: ['mode', 'dialing_modes', 'type'] },
  doNotCallListId: { source: 'guess', format: 'exact id, <= 36 characters', alternatives: ['dnc_list_id', 'do_not_call_list'] },
  name: { source: 'guess', format: 'exact name, case-insensitive, <= 35 characters', alternatives: ['campaign_name', 'name[eq]'] },
  orderBy: {
    source: 'guess',
    format: 'created_at | name | dialing_mode | priority, alone or with :asc | :desc; default created_at:desc (values: doc)',
    alternatives: ['sort', 'sort_by', 'order', 'sortBy'],
  },
  priority: { source: 'guess', format: 'integer 1..10', alternatives: ['campaign_priority', 'priorities', 'priority[eq]'] },
  recordListId: { source: 'guess', format: 'exact id, <= 36 characters', alternatives: ['record_list', 'list_id'] },
  search: {
    source: 'guess',
    format: 'partial name, case- and accent-insensitive, <= 35 characters',
    alternatives: ['q', 'query', 'term', 'keyword', 'name_like'],
  },
  status: {
    source: 'guess',
    format: 'incomplete | ready | running | paused (sent in lower case; answers use upper case)',
    alternatives: ['state', 'statuses', 'campaign_status'],
  },
  userId: { source: 'guess', format: 'exact id, <= 36 characters', alternatives: ['user', 'owner_id', 'created_by'] },
};

/** Whether the API refuses one created_at bound without the other ('3p'). */
export const CREATED_AT_BOUNDS_REQUIRED_TOGETHER = true;

/** The answer's spellings: the first is ours, the others the reference page's and also read ('doc'). */
export const RESPONSE_SPELLINGS = {
  campaigns: ['campaigns', 'campaings'],
  totalPages: ['total_pages', 'total_page'],
} as const;

/** How we know each preset host of src/config/regions.ts. */
export const REGION_HOST_SOURCES: Record<Exclude<RegionId, 'sandbox'>, { api: Source; identity: Source }> = {
  us: { api: 'doc', identity: 'doc' },
  eu: { api: 'doc', identity: 'doc' },
  ca: { api: 'doc', identity: 'doc' },
  au: { api: '3p', identity: 'doc' },
  uk: { api: '3p', identity: 'guess' },
};
