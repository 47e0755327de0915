/*
 * Each filter of the table, checked with a real value picked from the account's unfiltered first page: the name is
 * right when that value narrows the answer to campaigns that match it. When it does nothing, the plausible other
 * names are tried, and the one that works is named. Then an invalid value, which should get a 400 naming it.
 */
import {
  DEFAULT_QUERY_NAMES, EARLIEST_CREATED_AT, QUERY_PARAMETERS, type QueryParam,
} from '../../config/talkdesk-api-contract.ts';
import { caseVariants, describeAnswer, listQuery, readList, refusedNaming, type ProbeContext, type Row } from './probe-context.ts';

interface FilterSpec {
  param: QueryParam;
  /** A value some campaigns of the first page have and others not, or why there is none. */
  pick(context: ProbeContext): Promise<string | { untestable: string }>;
  matches(context: ProbeContext, row: Row, value: string): Promise<boolean> | boolean;
  /** How many rows of an answer are checked against the value (each may cost a request). */
  rowsChecked: number;
  /** Parameters sent alongside (the other created_at bound), by the dashboard's name. */
  companion?: { param: QueryParam; value: (value: string) => string };
  /** A value the API should refuse. */
  invalid?: string;
  /** The same value in the other letter case, to report whether the API cares. */
  otherCase?: (value: string) => string;
}

type Outcome =
  | { kind: 'narrows' | 'ignored' | 'mixed' | 'unclear' | 'refused'; saw: string };

const text = (row: Row, field: string): string => String(row[field] ?? '');

/** The most common value of `field` on the first page that not every campaign there has. */
function commonValue(context: ProbeContext, field: string): string | { untestable: string } {
  const counts = new Map<string, number>();
  for (const row of context.unfiltered.rows) counts.set(text(row, field), (counts.get(text(row, field)) ?? 0) + 1);
  const candidates = [...counts].filter(([, count]) => count < context.unfiltered.rows.length).sort((a, b) => b[1] - a[1]);
  return candidates[0]?.[0] ?? { untestable: `every campaign on the first page has the same ${field}` };
}

const details = new WeakMap<ProbeContext, Map<string, Row | null>>();

/** A campaign in full (GET /campaigns/{id}): the list rows do not carry its user and list ids. */
async function detailOf(context: ProbeContext, id: string): Promise<Row | null> {
  const cache = details.get(context) ?? new Map<string, Row | null>();
  details.set(context, cache);
  if (!cache.has(id)) {
    const answer = await context.http.api(`/campaigns/${encodeURIComponent(id)}`);
    cache.set(id, answer.status === 200 && typeof answer.body === 'object' && answer.body !== null ? (answer.body as Row) : null);
  }
  return cache.get(id) ?? null;
}

function byDetail(param: QueryParam, field: string): FilterSpec {
  return {
    param,
    rowsChecked: 2,
    async pick(context) {
      const first = context.unfiltered.rows[0];
      const detail = first && (await detailOf(context, text(first, 'id')));
      const value = detail?.[field];
      return typeof value === 'string' && value !== '' ? value : { untestable: `the first campaign's detail has no ${field}` };
    },
    matches: async (context, row, value) => (await detailOf(context, text(row, 'id')))?.[field] === value,
  };
}

/** The middle creation instant of the first page: about half of its campaigns on each side. */
function middleCreatedAt(context: ProbeContext): string | { untestable: string } {
  const instants = context.unfiltered.rows.map((row) => Date.parse(text(row, 'created_at'))).filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b);
  const middle = instants[Math.floor(instants.length / 2)];
  if (middle === undefined || instants[0] === instants.at(-1)) return { untestable: 'the first page has no spread of creation dates' };
  return new Date(middle).toISOString();
}

const normalize = (value: string) => value.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

export const FILTER_SPECS: FilterSpec[] = [
  {
    param: 'status', rowsChecked: Infinity, invalid: 'not-a-status',
    pick: async (context) => { const value = commonValue(context, 'status'); return typeof value === 'string' ? value.toLowerCase() : value; },
    matches: (_, row, value) => text(row, 'status').toUpperCase() === value.toUpperCase(),
    otherCase: (value) => value.toUpperCase(),
  },
  {
    param: 'dialingMode', rowsChecked: Infinity, invalid: 'NOT_A_MODE',
    pick: async (context) => commonValue(context, 'dialing_mode'),
    matches: (_, row, value) => text(row, 'dialing_mode') === value,
    otherCase: (value) => value.toLowerCase(),
  },
  {
    param: 'priority', rowsChecked: Infinity, invalid: '11',
    pick: async (context) => commonValue(context, 'priority'),
    matches: (_, row, value) => text(row, 'priority') === value,
  },
  {
    param: 'actionRequired', rowsChecked: Infinity, invalid: 'maybe',
    pick: async (context) => commonValue(context, 'action_required'),
    matches: (_, row, value) => text(row, 'action_required') === value,
  },
  {
    param: 'name', rowsChecked: Infinity,
    pick: async (context) => commonValue(context, 'name'),
    matches: (_, row, value) => text(row, 'name').toLowerCase() === value.toLowerCase(),
  },
  {
    param: 'search', rowsChecked: Infinity,
    async pick(context) {
      const names = context.unfiltered.rows.map((row) => normalize(text(row, 'name')));
      const words = [...new Set(names.flatMap((name) => name.match(/[a-z]{4,}/g) ?? []))];
      const word = words.find((candidate) => names.some((name) => !name.includes(candidate)));
      return word ?? { untestable: 'no word of the first page\'s names tells its campaigns apart' };
    },
    matches: (_, row, value) => normalize(text(row, 'name')).includes(normalize(value)),
  },
  {
    param: 'createdAtFrom', rowsChecked: Infinity, invalid: 'yesterday',
    pick: async (context) => middleCreatedAt(context),
    matches: (_, row, value) => Date.parse(text(row, 'created_at')) >= Date.parse(value),
    companion: { param: 'createdAtTo', value: () => new Date().toISOString() },
  },
  {
    param: 'createdAtTo', rowsChecked: Infinity, invalid: 'tomorrow',
    pick: async (context) => middleCreatedAt(context),
    matches: (_, row, value) => Date.parse(text(row, 'created_at')) <= Date.parse(value),
    companion: { param: 'createdAtFrom', value: () => EARLIEST_CREATED_AT },
  },
  byDetail('userId', 'user_id'),
  byDetail('recordListId', 'record_list_id'),
  byDetail('doNotCallListId', 'do_not_call_list_id'),
];

/** Sends `value` under `name` (and the companion under `companionName`) and judges the answer. */
async function attempt(context: ProbeContext, spec: FilterSpec, name: string, value: string, companionName?: string): Promise<Outcome> {
  const extra: Record<string, string> = { [name]: value };
  if (spec.companion) extra[companionName ?? context.names[spec.companion.param]] = spec.companion.value(value);
  const answer = await context.http.api('/campaigns', listQuery(context, {}, extra));
  const list = readList(answer);
  const sent = `${name}=${value}`;
  if (!list) return { kind: 'refused', saw: `${sent}: ${describeAnswer(answer)}` };
  const checked = list.rows.slice(0, spec.rowsChecked);
  let mismatched = 0;
  for (const row of checked) if (!(await spec.matches(context, row, value))) mismatched += 1;
  const all = context.unfiltered.total;
  if (list.total === 0) return { kind: 'mixed', saw: `${sent}: no campaigns, though the first page has some with it` };
  if (mismatched === 0 && list.total < all) return { kind: 'narrows', saw: `${sent}: ${list.total} of ${all} campaigns, those checked all matching` };
  if (mismatched === 0) return { kind: 'unclear', saw: `${sent}: every campaign matches, so a filter cannot be told from none` };
  if (list.total === all) return { kind: 'ignored', saw: `${sent} changes nothing (${all} campaigns, as without it)` };
  return { kind: 'mixed', saw: `${sent}: ${list.total} campaigns, ${mismatched} of ${checked.length} checked not matching` };
}

/** Other names to try, each with the companion's name at the same position (created_at bounds go in pairs). */
function alternatives(context: ProbeContext, param: QueryParam, companion?: QueryParam): { name: string; companionName?: string }[] {
  const own = [...caseVariants(DEFAULT_QUERY_NAMES[param]), ...QUERY_PARAMETERS[param].alternatives];
  const paired = companion ? [...caseVariants(DEFAULT_QUERY_NAMES[companion]), ...QUERY_PARAMETERS[companion].alternatives] : [];
  const tried = new Set([context.names[param]]);
  return own.flatMap((name, index) => {
    if (tried.has(name)) return [];
    tried.add(name);
    return [{ name, ...(companion ? { companionName: paired[index] } : {}) }];
  });
}

export async function checkFilter(context: ProbeContext, spec: FilterSpec): Promise<void> {
  const tableName = DEFAULT_QUERY_NAMES[spec.param];
  const picked = await spec.pick(context);
  if (typeof picked !== 'string') {
    context.report({ entry: tableName, verdict: 'not testable', saw: `not testable here: ${picked.untestable}` });
    return;
  }
  const name = context.names[spec.param];
  const outcome = await attempt(context, spec, name, picked);
  if (outcome.kind === 'unclear') {
    context.report({ entry: tableName, verdict: 'not testable', saw: `not testable here: ${outcome.saw}` });
    return;
  }
  if (outcome.kind === 'narrows') {
    const notes = [outcome.saw, ...(await sideChecks(context, spec, name, picked))];
    context.report({ entry: tableName, verdict: 'confirmed', saw: notes.join('; ') });
    return;
  }
  if (outcome.kind === 'mixed') {
    context.report({
      entry: tableName, verdict: 'wrong', saw: outcome.saw,
      fix: `the name works but filters otherwise than the table says (${QUERY_PARAMETERS[spec.param].format}): the table needs a correction in code`,
    });
    return;
  }
  const tried: string[] = [];
  for (const candidate of alternatives(context, spec.param, spec.companion?.param)) {
    if (context.http.remaining() < 2) break;
    tried.push(candidate.name);
    const found = await attempt(context, spec, candidate.name, picked, candidate.companionName);
    if (found.kind === 'narrows') {
      context.found[spec.param] = candidate.name;
      context.report({ entry: tableName, verdict: 'wrong', saw: `${outcome.saw}; ${found.saw}`, fix: `TALKDESK_QUERY_NAMES=${tableName}=${candidate.name}` });
      return;
    }
  }
  context.report({
    entry: tableName, verdict: 'wrong', saw: `${outcome.saw}; none of ${tried.join(', ') || 'the alternatives'} narrows it either`,
    fix: `find the account's name for this filter (Talkdesk's API reference or support), then set TALKDESK_QUERY_NAMES=${tableName}=<name>`,
  });
}

/** An invalid value, and the other letter case: reported beside a name that works. */
async function sideChecks(context: ProbeContext, spec: FilterSpec, name: string, value: string): Promise<string[]> {
  const notes: string[] = [];
  const companion = spec.companion ? { [context.names[spec.companion.param]]: spec.companion.value(value) } : {};
  if (spec.invalid !== undefined) {
    const answer = await context.http.api('/campaigns', listQuery(context, {}, { ...companion, [name]: spec.invalid }));
    notes.push(refusedNaming(answer, name) ? `${name}=${spec.invalid} gets a 400 naming it` : `${name}=${spec.invalid} gets ${describeAnswer(answer)}, not a 400 naming it`);
  }
  if (spec.otherCase) {
    const other = spec.otherCase(value);
    const outcome = await attempt(context, spec, name, other);
    notes.push(outcome.kind === 'narrows' ? `${other} works too` : `${other} does not (${outcome.kind})`);
  }
  return notes;
}
