/*
 * Corrections to the query parameter names of the API contract (talkdesk-api-contract.ts), written as
 * `priority=campaign_priority,search=q`: the table's name, then the account's. The server reads them from
 * TALKDESK_QUERY_NAMES (and hands them to the browser), the probe from the same variable, the sandbox from
 * SANDBOX_QUERY_NAMES (to play an account whose API differs).
 */
import { DEFAULT_QUERY_NAMES, type QueryNameOverrides, type QueryNames, type QueryParam } from './talkdesk-api-contract.ts';

/** Letters, digits, `_`, `-`, `.` and brackets (`created_at[gte]`), starting with a letter or `_`. */
const QUERY_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.[\]-]{0,63}$/;

const PARAM_OF_DEFAULT_NAME = new Map(Object.entries(DEFAULT_QUERY_NAMES).map(([param, name]) => [name as string, param as QueryParam]));

export function isValidQueryName(name: string): boolean {
  return QUERY_NAME_PATTERN.test(name);
}

/** Parses the `table_name=account_name,...` form; throws an Error saying what is wrong (the text is not secret). */
export function parseQueryNameOverrides(text: string): QueryNameOverrides {
  const overrides: QueryNameOverrides = {};
  for (const pair of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(pair);
    if (!match) throw new Error(`"${pair}" is not of the form table_name=account_name (e.g. priority=campaign_priority)`);
    const [, from, to] = match as unknown as [string, string, string];
    const param = PARAM_OF_DEFAULT_NAME.get(from);
    if (!param) throw new Error(`"${from}" is not a query parameter of the table; known: ${[...PARAM_OF_DEFAULT_NAME.keys()].join(', ')}`);
    if (overrides[param] !== undefined) throw new Error(`"${from}" is given twice`);
    if (!isValidQueryName(to)) {
      throw new Error(`"${to}" is not a usable query parameter name (letters, digits, _ - . [ ], at most 64 characters)`);
    }
    overrides[param] = to;
  }
  const inForce = queryNamesInForce(overrides);
  const seen = new Map<string, QueryParam>();
  for (const [param, name] of Object.entries(inForce) as [QueryParam, string][]) {
    const other = seen.get(name);
    if (other) throw new Error(`${DEFAULT_QUERY_NAMES[other]} and ${DEFAULT_QUERY_NAMES[param]} would both be sent as "${name}"`);
    seen.set(name, param);
  }
  return overrides;
}

/** The names the dashboard sends, given a deployment's corrections. */
export function queryNamesInForce(overrides: QueryNameOverrides = {}): QueryNames {
  return { ...DEFAULT_QUERY_NAMES, ...overrides };
}

/** Every query parameter name the dashboard may send, given a deployment's corrections (for the proxy to allow). */
export function queryNameSet(overrides: QueryNameOverrides = {}): ReadonlySet<string> {
  return new Set(Object.values(queryNamesInForce(overrides)));
}

/** The variable's value for these corrections: only the names that differ from the table, in the table's order. */
export function formatQueryNameOverrides(overrides: QueryNameOverrides): string {
  return (Object.keys(DEFAULT_QUERY_NAMES) as QueryParam[])
    .filter((param) => overrides[param] !== undefined && overrides[param] !== DEFAULT_QUERY_NAMES[param])
    .map((param) => `${DEFAULT_QUERY_NAMES[param]}=${overrides[param]}`)
    .join(',');
}
