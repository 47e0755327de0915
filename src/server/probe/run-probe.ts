/*
 * `npm run probe`: checks the API contract (src/config/talkdesk-api-contract.ts) against a live account, read-only.
 * The order matters: the hosts and the token first (without them nothing else can run), then the answer's shape,
 * then every query parameter with values picked from the account's own campaigns.
 */
import { formatQueryNameOverrides, queryNamesInForce } from '../../config/query-name-overrides.ts';
import { DEFAULT_QUERY_NAMES, REGION_HOST_SOURCES, type QueryNameOverrides } from '../../config/talkdesk-api-contract.ts';
import type { RegionId } from '../../config/regions.ts';
import { checkExpand, checkLoneBound, checkOrderBy, checkPaging, checkSpellings } from './answer-checks.ts';
import { checkFilter, FILTER_SPECS } from './filter-checks.ts';
import { listQuery, readList, type ProbeContext, type ProbeEntry } from './probe-context.ts';
import { BudgetSpent, ProbeStopped, type ProbeHttp } from './probe-http.ts';

export interface ProbeTarget {
  region: RegionId;
  apiUrl: string;
  identityUrl: string;
  /** Whether the hosts come from the region's presets (else from TALKDESK_API_URL / TALKDESK_IDENTITY_URL). */
  presetHosts: { api: boolean; identity: boolean };
  queryNames: QueryNameOverrides;
  tokenSource: string;
}

export interface ProbeReport {
  entries: ProbeEntry[];
  summary: { confirmed: number; wrong: number; notTestable: number };
  requests: number;
  /** TALKDESK_QUERY_NAMES with the corrections found (and those already set), when any was found. */
  queryNamesFix: string | null;
}

function hostEntry(kind: 'api' | 'identity', target: ProbeTarget, saw: string): ProbeEntry {
  const url = kind === 'api' ? target.apiUrl : target.identityUrl;
  const source = target.region === 'sandbox' ? null : REGION_HOST_SOURCES[target.region][kind];
  const origin = target.presetHosts[kind] && source ? `the ${target.region} preset (${source})` : `TALKDESK_${kind === 'api' ? 'API' : 'IDENTITY'}_URL`;
  return { entry: kind === 'api' ? 'API host' : 'identity host', verdict: 'confirmed', saw: `${url}, ${origin}: ${saw}` };
}

export async function runProbe(http: ProbeHttp, target: ProbeTarget): Promise<ProbeReport> {
  const entries: ProbeEntry[] = [];
  const report = (entry: ProbeEntry) => entries.push(entry);
  const names = queryNamesInForce(target.queryNames);

  const first = await http.api('/campaigns', listQuery({ names }, {}), { origin: 'https://probe.invalid' });
  if (first.status === 401) throw new ProbeStopped(`the API refused the token (401): sign in again for a fresh one (${target.tokenSource})`);
  if (first.status === 403) throw new ProbeStopped(`the token lacks campaigns:read (403): use a token granted that scope (${target.tokenSource})`);
  const unfiltered = readList(first);
  report(hostEntry('api', target, `answers (HTTP ${first.status})`));
  if (!unfiltered) throw new ProbeStopped(`GET /campaigns answered ${first.status} without a list of campaigns the probe can read`);
  report({ entry: 'token has campaigns:read', verdict: 'confirmed', saw: `GET /campaigns answers 200 with this token (${target.tokenSource})` });
  const identity = await http.plain(`${target.identityUrl}/oauth/authorize`).catch((error: unknown) => error as Error);
  report(identity instanceof Error
    ? { entry: 'identity host', verdict: 'wrong', saw: identity.message, fix: 'set TALKDESK_IDENTITY_URL to the account\'s identity host' }
    : hostEntry('identity', target, `answers (HTTP ${identity.status} to a bare authorize request)`));

  const context: ProbeContext = { http, names, found: {}, unfiltered, report };
  checkSpellings(context);
  const checks: [string, () => Promise<void>][] = [
    ['paging', () => checkPaging(context)],
    ...FILTER_SPECS.map((spec) => [DEFAULT_QUERY_NAMES[spec.param], () => checkFilter(context, spec)] as [string, () => Promise<void>]),
    [DEFAULT_QUERY_NAMES.orderBy, () => checkOrderBy(context)],
    [DEFAULT_QUERY_NAMES.expand, () => checkExpand(context)],
    ['one created_at bound alone', () => checkLoneBound(context)],
  ];
  for (const [label, check] of checks) {
    try {
      await check();
    } catch (error) {
      if (!(error instanceof BudgetSpent)) throw error;
      report({ entry: label, verdict: 'not testable', saw: `not tested: ${error.message}` });
    }
  }

  const found = formatQueryNameOverrides(context.found);
  const count = (verdict: ProbeEntry['verdict']) => entries.filter((entry) => entry.verdict === verdict).length;
  return {
    entries,
    summary: { confirmed: count('confirmed'), wrong: count('wrong'), notTestable: count('not testable') },
    requests: http.requests(),
    queryNamesFix: found ? `TALKDESK_QUERY_NAMES=${formatQueryNameOverrides({ ...target.queryNames, ...context.found })}` : null,
  };
}
