/*
 * The checks that need no filter: the answer's spellings and shape, paging, sorting, `expand`, and whether one
 * created_at bound alone is refused.
 */
import {
  CREATED_AT_BOUNDS_REQUIRED_TOGETHER, DEFAULT_QUERY_NAMES, EXPAND_SEPARATOR, EXPAND_VALUES, ORDER_BY_FIELDS, PER_PAGE,
  QUERY_PARAMETERS, RESPONSE_SPELLINGS, type OrderByField,
} from '../../config/talkdesk-api-contract.ts';
import { campaignPageSchema } from '../../features/campaigns/api/campaign-schemas.ts';
import { caseVariants, describeAnswer, listQuery, readList, refusedNaming, type ProbeContext, type Row } from './probe-context.ts';

/** Which of the contract's spellings the unfiltered answer uses, and whether the dashboard reads it whole. */
export function checkSpellings(context: ProbeContext): void {
  const body = context.unfiltered.answer.body as { _embedded?: Record<string, unknown> } & Record<string, unknown>;
  const spellings = [
    ['_embedded.campaigns', RESPONSE_SPELLINGS.campaigns, (spelling: string) => body._embedded?.[spelling]],
    ['total_pages', RESPONSE_SPELLINGS.totalPages, (spelling: string) => body[spelling]],
  ] as const;
  for (const [entry, known, read] of spellings) {
    const used = known.find((spelling) => read(spelling) !== undefined);
    context.report(used
      ? { entry, verdict: 'confirmed', saw: `the answer spells it ${used}${used === known[0] ? '' : ' (the reference page\'s spelling, also read)'}` }
      : { entry, verdict: 'wrong', saw: `none of ${known.join(', ')} in the answer`, fix: 'the dashboard cannot read this answer: the response schema needs a correction in code' });
  }
  const parsed = campaignPageSchema.safeParse(body);
  context.report(parsed.success
    ? { entry: 'campaign fields', verdict: 'confirmed', saw: `the dashboard's response schema reads all ${context.unfiltered.rows.length} campaigns of the first page` }
    : {
      entry: 'campaign fields', verdict: 'wrong',
      saw: `the dashboard's response schema refuses the answer at ${parsed.error.issues.slice(0, 3).map((issue) => issue.path.join('.')).join(', ')}`,
      fix: 'the response schema (src/features/campaigns/api/campaign-schemas.ts) needs a correction in code',
    });
  const cors = ['access-control-allow-origin', 'access-control-allow-credentials']
    .map((header) => [header, context.unfiltered.answer.headers.get(header)] as const).filter(([, value]) => value !== null);
  context.report({
    entry: 'CORS', verdict: 'info',
    saw: cors.length > 0 ? cors.map(([header, value]) => `${header}: ${value}`).join(', ') : 'no CORS headers (the dashboard\'s proxy does not need them)',
  });
}

/** per_page: the largest page is served whole, one over it refused; page: the second one-row page is the second row. */
export async function checkPaging(context: ProbeContext): Promise<void> {
  const { names, unfiltered } = context;
  const tableName = DEFAULT_QUERY_NAMES.perPage;
  if (unfiltered.total <= PER_PAGE.default) {
    context.report({ entry: tableName, verdict: 'not testable', saw: `not testable here: ${unfiltered.total} campaigns fit on a default page` });
  } else if (unfiltered.rows.length === Math.min(PER_PAGE.max, unfiltered.total)) {
    const over = await context.http.api('/campaigns', listQuery(context, { perPage: String(PER_PAGE.max + 1) }));
    const note = refusedNaming(over, names.perPage) ? 'gets a 400 naming it' : `gets ${describeAnswer(over)}, not a 400 naming it`;
    context.report({ entry: tableName, verdict: 'confirmed', saw: `${names.perPage}=${PER_PAGE.max}: ${unfiltered.rows.length} campaigns; ${names.perPage}=${PER_PAGE.max + 1} ${note}` });
  } else {
    context.report({
      entry: tableName, verdict: 'wrong', saw: `${names.perPage}=${PER_PAGE.max} gave ${unfiltered.rows.length} campaigns of ${unfiltered.total}`,
      fix: `the page size is not ${names.perPage}: the other names to try are ${[...caseVariants(tableName), ...QUERY_PARAMETERS.perPage.alternatives].join(', ')} (TALKDESK_QUERY_NAMES=${tableName}=<name>)`,
    });
  }

  const second = unfiltered.rows[1];
  if (!second) {
    context.report({ entry: DEFAULT_QUERY_NAMES.page, verdict: 'not testable', saw: 'not testable here: fewer than 2 campaigns' });
    return;
  }
  const answer = readList(await context.http.api('/campaigns', listQuery(context, { perPage: '1', page: '2' })));
  const got = answer?.rows[0]?.id;
  context.report(answer?.rows.length === 1 && got === second.id
    ? { entry: DEFAULT_QUERY_NAMES.page, verdict: 'confirmed', saw: `${names.perPage}=1&${names.page}=2 gives the second campaign` }
    : { entry: DEFAULT_QUERY_NAMES.page, verdict: 'wrong', saw: `${names.perPage}=1&${names.page}=2 gives ${answer ? `${answer.rows.length} campaign(s), not the second` : 'no list'}`, fix: 'paging differs from the table: it needs a correction in code' });
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const COMPARE: Record<OrderByField, (a: Row, b: Row) => number> = {
  created_at: (a, b) => Date.parse(String(a.created_at)) - Date.parse(String(b.created_at)),
  name: (a, b) => collator.compare(String(a.name), String(b.name)),
  dialing_mode: (a, b) => String(a.dialing_mode).localeCompare(String(b.dialing_mode)),
  priority: (a, b) => Number(a.priority) - Number(b.priority),
};

/** Every order_by value, both directions: is each answer in the order asked for? */
export async function checkOrderBy(context: ProbeContext): Promise<void> {
  const name = context.names.orderBy;
  const failed: string[] = [];
  for (const field of ORDER_BY_FIELDS) {
    for (const direction of ['asc', 'desc'] as const) {
      const value = `${field}:${direction}`;
      const list = readList(await context.http.api('/campaigns', listQuery(context, {}, { [name]: value })));
      const sign = direction === 'asc' ? 1 : -1;
      const sorted = list?.rows.every((row, index) => index === 0 || sign * COMPARE[field](list.rows[index - 1] as Row, row) <= 0);
      if (!sorted) failed.push(value);
    }
  }
  const all = ORDER_BY_FIELDS.length * 2;
  context.report(failed.length === 0
    ? { entry: DEFAULT_QUERY_NAMES.orderBy, verdict: 'confirmed', saw: `all ${all} values (${ORDER_BY_FIELDS.join(', ')}, :asc and :desc) come back in that order` }
    : {
      entry: DEFAULT_QUERY_NAMES.orderBy, verdict: 'wrong', saw: `${failed.length} of ${all} values do not come back in that order: ${failed.join(', ')}`,
      fix: failed.length === all
        ? `${name} seems ignored; the other names to try are ${QUERY_PARAMETERS.orderBy.alternatives.join(', ')} (TALKDESK_QUERY_NAMES=${DEFAULT_QUERY_NAMES.orderBy}=<name>)`
        : 'the sort values differ from the table: it needs a correction in code',
    });
}

/** How several `expand` values are joined, on one campaign's detail. */
export async function checkExpand(context: ProbeContext): Promise<void> {
  const id = context.unfiltered.rows[0]?.id;
  const entry = DEFAULT_QUERY_NAMES.expand;
  if (typeof id !== 'string') {
    context.report({ entry, verdict: 'not testable', saw: 'not testable here: no campaign' });
    return;
  }
  const name = context.names.expand;
  const tryJoin = async (label: string, query: URLSearchParams): Promise<string | null> => {
    const answer = await context.http.api(`/campaigns/${encodeURIComponent(id)}`, query);
    const body = answer.body as Record<string, unknown> | undefined;
    return answer.status === 200 && EXPAND_VALUES.every((value) => body?.[value] != null) ? label : null;
  };
  const ours = await tryJoin(`"${EXPAND_SEPARATOR}"`, new URLSearchParams({ [name]: EXPAND_VALUES.join(EXPAND_SEPARATOR) }));
  if (ours) {
    context.report({ entry, verdict: 'confirmed', saw: `${name}=${EXPAND_VALUES.join(EXPAND_SEPARATOR)} brings both sub-entities` });
    return;
  }
  const others = [['repeated', new URLSearchParams(EXPAND_VALUES.map((value): [string, string] => [name, value]))], ...[' ', ';', '|'].map((separator) => [`"${separator}"`, new URLSearchParams({ [name]: EXPAND_VALUES.join(separator) })] as const)] as const;
  for (const [label, query] of others) {
    const works = await tryJoin(label, query);
    if (works) {
      context.report({ entry, verdict: 'wrong', saw: `joined by "${EXPAND_SEPARATOR}" the values bring nothing; ${works} works`, fix: `EXPAND_SEPARATOR in src/config/talkdesk-api-contract.ts needs a correction in code` });
      return;
    }
  }
  context.report({ entry, verdict: 'wrong', saw: `no way of joining ${EXPAND_VALUES.join(' and ')} under ${name} brings both`, fix: `check the name ${name} and the values in Talkdesk's API reference; the table needs a correction in code` });
}

/** The table says one created_at bound alone is refused, so the dashboard always sends both. */
export async function checkLoneBound(context: ProbeContext): Promise<void> {
  const entry = 'one created_at bound alone';
  const name = context.names.createdAtFrom;
  const answer = await context.http.api('/campaigns', listQuery(context, {}, { [name]: new Date(0).toISOString() }));
  const refused = answer.status === 400;
  context.report(refused === CREATED_AT_BOUNDS_REQUIRED_TOGETHER
    ? { entry, verdict: 'confirmed', saw: `${name} alone gets ${describeAnswer(answer)}` }
    : { entry, verdict: 'wrong', saw: `${name} alone gets ${describeAnswer(answer)}`, fix: 'harmless for the dashboard, which sends both bounds; CREATED_AT_BOUNDS_REQUIRED_TOGETHER in the table needs a correction' });
}
