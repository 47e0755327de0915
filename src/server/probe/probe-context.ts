/*
 * What every check of the probe shares: the entries it reports, the unfiltered first page it picks real values
 * from, and reading a list answer however the API spells it.
 */
import { PER_PAGE, RESPONSE_SPELLINGS, type QueryNameOverrides, type QueryNames, type QueryParam } from '../../config/talkdesk-api-contract.ts';
import type { ProbeAnswer, ProbeHttp } from './probe-http.ts';

export type Verdict = 'confirmed' | 'wrong' | 'not testable' | 'info';

export interface ProbeEntry {
  /** The table's entry: a query parameter's name in the table, or what else is checked. */
  entry: string;
  verdict: Verdict;
  /** What the probe saw. */
  saw: string;
  /** What to do about it, when something is. */
  fix?: string;
}

export type Row = Record<string, unknown>;

export interface ListAnswer {
  answer: ProbeAnswer;
  total: number;
  rows: Row[];
}

export interface ProbeContext {
  http: ProbeHttp;
  /** The names in force: the table's with TALKDESK_QUERY_NAMES applied. */
  names: QueryNames;
  /** Corrections found by the checks, for the variable the report prints. */
  found: QueryNameOverrides;
  /** GET /campaigns with only the largest page size: the account as the dashboard sees it unfiltered. */
  unfiltered: ListAnswer;
  report(entry: ProbeEntry): void;
}

/** The answer's list and total, under any spelling the contract knows; null when it has none. */
export function readList(answer: ProbeAnswer): ListAnswer | null {
  if (answer.status !== 200 || typeof answer.body !== 'object' || answer.body === null) return null;
  const body = answer.body as { total?: unknown; _embedded?: Record<string, unknown> };
  const rows = RESPONSE_SPELLINGS.campaigns.map((spelling) => body._embedded?.[spelling]).find(Array.isArray);
  if (!rows || typeof body.total !== 'number') return null;
  return { answer, total: body.total, rows: rows.filter((row): row is Row => typeof row === 'object' && row !== null) };
}

/** GET /campaigns with `params` (keyed by the dashboard's names, sent under the names in force) and `extra` as sent. */
export function listQuery(context: Pick<ProbeContext, 'names'>, params: Partial<Record<QueryParam, string>>, extra: Record<string, string> = {}): URLSearchParams {
  const query = new URLSearchParams({ [context.names.perPage]: String(PER_PAGE.max) });
  for (const [param, value] of Object.entries(params) as [QueryParam, string][]) query.set(context.names[param], value);
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query;
}

/** The 400's field names, or a short description of another answer. */
export function describeAnswer(answer: ProbeAnswer): string {
  const fields = (answer.body as { fields?: { name?: unknown }[] } | undefined)?.fields;
  if (answer.status === 400 && Array.isArray(fields) && fields.length > 0) {
    return `400 naming ${fields.map((field) => String(field.name)).join(', ')}`;
  }
  const message = (answer.body as { message?: unknown } | undefined)?.message;
  return `${answer.status}${typeof message === 'string' ? ` (${message})` : ''}`;
}

/** Whether a 400 names `name` among its fields. */
export function refusedNaming(answer: ProbeAnswer, name: string): boolean {
  const fields = (answer.body as { fields?: { name?: unknown }[] } | undefined)?.fields;
  return answer.status === 400 && Array.isArray(fields) && fields.some((field) => field.name === name);
}

/** snake_case to camelCase and kebab-case: the first forms tried when a name does nothing. */
export function caseVariants(name: string): string[] {
  return [name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()), name.replace(/_/g, '-')];
}
