/*
 * The campaigns API for component tests, answered by the sandbox's own query logic (parsing, filtering, sorting,
 * paging) and bodies, over its generated data: a test sees the rows `npm start` shows for the same query, and there
 * is no second fake of the API to drift from the one the end-to-end tests run against.
 */
import { campaignDetailBody, campaignPageBody } from '../../../src/server/sandbox/campaign-bodies.ts';
import { DEFAULT_SEED, generateCampaigns, type Campaign } from '../../../src/server/sandbox/campaign-data.ts';
import { DEFAULT_QUERY_NAMES } from '../../../src/config/talkdesk-api-contract.ts';
import { createCampaignIndex, runCampaignQuery, type CampaignPage } from '../../../src/server/sandbox/campaign-index.ts';
import { parseCampaignQuery, parseExpand } from '../../../src/server/sandbox/campaign-query.ts';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export interface SandboxApi {
  campaigns: Campaign[];
  /** The sandbox's page for a GET /campaigns query string: what a test expects the table to show. */
  page(query?: string): CampaignPage;
  /** GET /campaigns?… as the sandbox answers it: the page, or a 400 naming the refused parameters. */
  list(url: URL): ApiAnswer;
  /** GET /campaigns/{id}?expand=… as the sandbox answers it, or its 404. */
  detail(url: URL, id: string): ApiAnswer;
}

/** The sandbox's data set of `count` campaigns (what `startSandbox({ campaignCount })` serves), as if at `origin`. */
export function sandboxApi(count: number, origin: string): SandboxApi {
  const campaigns = generateCampaigns(DEFAULT_SEED, count);
  const index = createCampaignIndex(campaigns);
  return {
    campaigns,
    page(query = '') {
      const parsed = parseCampaignQuery(new URLSearchParams(query));
      if (!parsed.ok) throw new Error(`the sandbox refuses ${query}: ${JSON.stringify(parsed.fields)}`);
      return runCampaignQuery(index, parsed.query);
    },
    list(url) {
      const parsed = parseCampaignQuery(url.searchParams);
      if (!parsed.ok) return { status: 400, body: { code: 'INVALID_PARAMETERS', message: 'Invalid request parameters', fields: parsed.fields } };
      return { status: 200, body: campaignPageBody(origin, url, parsed.query, runCampaignQuery(index, parsed.query)) };
    },
    detail(url, id) {
      const campaign = index.byId.get(id);
      if (!campaign) return { status: 404, body: { code: 'NOT_FOUND', message: 'Campaign not found', fields: [] } };
      return { status: 200, body: campaignDetailBody(origin, campaign, parseExpand(url.searchParams.get(DEFAULT_QUERY_NAMES.expand) ?? '') ?? []) };
    },
  };
}
