/*
 * GET /campaigns query parsing as pure functions, with Talkdesk-style field errors; campaign-index.ts runs the
 * parsed query.
 */
import {
  CREATED_AT_BOUNDS_REQUIRED_TOGETHER, DEFAULT_ORDER_BY, DEFAULT_QUERY_NAMES, EXPAND_SEPARATOR, EXPAND_VALUES, ORDER_BY_FIELDS, PER_PAGE,
  type ExpandValue, type OrderByField, type QueryNames, type QueryParam,
} from '../../config/talkdesk-api-contract.ts';
import { CAMPAIGN_STATUSES, DIALING_MODES, type CampaignStatus, type DialingMode } from './campaign-data.ts';

/*
 * The sandbox plays the API as the contract describes it (src/config/talkdesk-api-contract.ts): names, formats,
 * limits. Behaviours the contract does not cover are the sandbox's own: repeating a parameter is a 400, a date
 * without a time stands for the whole UTC day, ties in any order are broken by id ascending.
 */
export const ORDER_BY_VALUES = ORDER_BY_FIELDS.flatMap((field) => [field, `${field}:asc`, `${field}:desc`] as const);
export type OrderBy = (typeof ORDER_BY_VALUES)[number];
export type SortKey = OrderByField;

export interface CampaignQuery {
  page: number;
  perPage: number;
  createdAt?: { fromMs: number; toMs: number };
  expand: ExpandValue[];
  actionRequired?: boolean;
  dialingMode?: DialingMode;
  doNotCallListId?: string;
  name?: string;
  orderBy: { key: SortKey; direction: 'asc' | 'desc' };
  priority?: number;
  recordListId?: string;
  search?: string;
  status?: CampaignStatus;
  userId?: string;
}

export interface FieldError { name: string; description: string }
export type ParseResult = { ok: true; query: CampaignQuery } | { ok: false; fields: FieldError[] };

const INT_PATTERN = /^\d{1,10}$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** RFC 3339 date-time or full-date; a date stands for the whole UTC day ('start' or 'end' of it). */
export function parseCreatedAtBound(value: string, bound: 'start' | 'end'): number | undefined {
  const dateOnly = DATE_PATTERN.exec(value);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number) as [number, number, number];
    if (!isRealDate(year, month, day)) return undefined;
    const start = Date.UTC(year, month - 1, day);
    return bound === 'start' ? start : start + DAY_MS - 1;
  }
  const dateTime = DATE_TIME_PATTERN.exec(value);
  if (!dateTime) return undefined;
  const [year, month, day, hour, minute, second] = dateTime.slice(1, 7).map(Number) as number[];
  if (!isRealDate(year as number, month as number, day as number) || (hour as number) > 23 || (minute as number) > 59 || (second as number) > 60) {
    return undefined;
  }
  const ms = Date.parse(value.toUpperCase());
  return Number.isNaN(ms) ? undefined : ms;
}

function parseInteger(value: string, min: number, max: number): number | undefined {
  if (!INT_PATTERN.test(value)) return undefined;
  const number = Number(value);
  return number >= min && number <= max ? number : undefined;
}

/**
 * Parses a /campaigns query string the way the sandbox's Talkdesk does, under the names in force (the contract's, or
 * those of an account that differs); unknown parameters are ignored. Field errors name parameters as sent.
 */
export function parseCampaignQuery(params: URLSearchParams, names: QueryNames = DEFAULT_QUERY_NAMES): ParseResult {
  const fields: FieldError[] = [];
  const single = new Map<QueryParam, string>();
  for (const param of Object.keys(names) as QueryParam[]) {
    const name = names[param];
    const values = params.getAll(name);
    if (values.length > 1) fields.push({ name, description: `${name} must not be repeated` });
    else if (values.length === 1) single.set(param, values[0] as string);
  }

  const query: CampaignQuery = {
    page: 1,
    perPage: PER_PAGE.default,
    expand: [],
    orderBy: { key: DEFAULT_ORDER_BY.field, direction: DEFAULT_ORDER_BY.direction },
  };
  const fail = (param: QueryParam, description: (name: string) => string): void => {
    fields.push({ name: names[param], description: description(names[param]) });
  };

  const page = single.get('page');
  if (page !== undefined) {
    const parsed = parseInteger(page, 1, 2_147_483_647);
    if (parsed === undefined) fail('page', (name) => `${name} must be an integer >= 1`);
    else query.page = parsed;
  }

  const perPage = single.get('perPage');
  if (perPage !== undefined) {
    const parsed = parseInteger(perPage, PER_PAGE.min, PER_PAGE.max);
    if (parsed === undefined) fail('perPage', (name) => `${name} must be an integer between ${PER_PAGE.min} and ${PER_PAGE.max}`);
    else query.perPage = parsed;
  }

  const from = single.get('createdAtFrom');
  const to = single.get('createdAtTo');
  const fromMs = from === undefined ? undefined : parseCreatedAtBound(from, 'start');
  const toMs = to === undefined ? undefined : parseCreatedAtBound(to, 'end');
  if (from !== undefined && fromMs === undefined) fail('createdAtFrom', (name) => `${name} must be an RFC 3339 date-time or date`);
  if (to !== undefined && toMs === undefined) fail('createdAtTo', (name) => `${name} must be an RFC 3339 date-time or date`);
  if (CREATED_AT_BOUNDS_REQUIRED_TOGETHER && from !== undefined && to === undefined) {
    fail('createdAtTo', (name) => `${name} is required when ${names.createdAtFrom} is given`);
  }
  if (CREATED_AT_BOUNDS_REQUIRED_TOGETHER && to !== undefined && from === undefined) {
    fail('createdAtFrom', (name) => `${name} is required when ${names.createdAtTo} is given`);
  }
  if (fromMs !== undefined || toMs !== undefined) {
    const bounds = { fromMs: fromMs ?? Number.NEGATIVE_INFINITY, toMs: toMs ?? Number.POSITIVE_INFINITY };
    if (bounds.fromMs > bounds.toMs) fail('createdAtFrom', (name) => `${name} must not be after ${names.createdAtTo}`);
    else query.createdAt = bounds;
  }

  const expand = single.get('expand');
  if (expand !== undefined && expand !== '') {
    const values = parseExpand(expand);
    if (values === undefined) fail('expand', (name) => `${name} accepts ${EXPAND_VALUES.join(', ')}`);
    else query.expand = values;
  }

  const actionRequired = single.get('actionRequired');
  if (actionRequired !== undefined) {
    const lower = actionRequired.toLowerCase();
    if (lower === 'true' || lower === 'false') query.actionRequired = lower === 'true';
    else fail('actionRequired', (name) => `${name} must be true or false`);
  }

  const dialingMode = single.get('dialingMode');
  if (dialingMode !== undefined) {
    if ((DIALING_MODES as readonly string[]).includes(dialingMode)) query.dialingMode = dialingMode as DialingMode;
    else fail('dialingMode', (name) => `${name} must be one of ${DIALING_MODES.join(', ')}`);
  }

  const orderBy = single.get('orderBy');
  if (orderBy !== undefined) {
    if ((ORDER_BY_VALUES as readonly string[]).includes(orderBy)) {
      const [key, direction = 'asc'] = orderBy.split(':') as [SortKey, ('asc' | 'desc')?];
      query.orderBy = { key, direction };
    } else {
      fail('orderBy', (name) => `${name} must be one of ${ORDER_BY_VALUES.join(', ')}`);
    }
  }

  const priority = single.get('priority');
  if (priority !== undefined) {
    const parsed = parseInteger(priority, 1, 10);
    if (parsed === undefined) fail('priority', (name) => `${name} must be an integer between 1 and 10`);
    else query.priority = parsed;
  }

  const status = single.get('status');
  if (status !== undefined) {
    const upper = status.toUpperCase();
    if ((CAMPAIGN_STATUSES as readonly string[]).includes(upper)) query.status = upper as CampaignStatus;
    else fail('status', (name) => `${name} must be one of incomplete, ready, running, paused`);
  }

  const textFilters = [['name', 35], ['search', 35], ['userId', 36], ['recordListId', 36], ['doNotCallListId', 36]] as const;
  for (const [param, maxLength] of textFilters) {
    const value = single.get(param);
    if (value === undefined || value === '') continue;
    if (value.length > maxLength) fail(param, (name) => `${name} must be at most ${maxLength} characters`);
    else query[param] = value;
  }

  return fields.length > 0 ? { ok: false, fields } : { ok: true, query };
}

/** The expand values of one `expand` parameter, in the contract's order; undefined when one is unknown. */
export function parseExpand(value: string): ExpandValue[] | undefined {
  const values = value.split(EXPAND_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  if (values.some((part) => !(EXPAND_VALUES as readonly string[]).includes(part))) return undefined;
  return EXPAND_VALUES.filter((known) => values.includes(known));
}
