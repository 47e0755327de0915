/*
 * The campaigns API for component tests, answered by the sandbox's own query logic (parsing, filtering, sorting,
 * paging) over its generated data: a test sees the rows `npm start` shows for the same query, and there is no second
 * fake of the API's semantics to drift from the one the end-to-end tests run against. Only the HAL envelope is
 * written here, as src/server/sandbox/campaigns-api.ts writes it.
 */
import { DEFAULT_SEED, generateCampaigns, type Campaign } from '../../../src/server/sandbox/campaign-data.ts';
import {
  createCampaignIndex,
  EXPAND_VALUES,
  parseCampaignQuery,
  runCampaignQuery,
  type CampaignPage,
  type ExpandValue,
} from '../../../src/server/sandbox/campaign-query.ts';

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

/** The sandbox's data set of `count` campaigns (the same as `startSandbox({ campaignCount })` serves). */
export function sandboxApi(count: number, origin: string): SandboxApi {
  const campaigns = generateCampaigns(DEFAULT_SEED, count);
  const index = createCampaignIndex(campaigns);

  const row = (campaign: Campaign, expand: readonly ExpandValue[]) => ({
    _links: { self: { href: `${origin}/campaigns/${campaign.id}` } },
    id: campaign.id,
    name: campaign.name,
    dialing_mode: campaign.dialing_mode,
    priority: campaign.priority,
    run_once: campaign.run_once,
    action_required: campaign.action_required,
    status: campaign.status,
    created_at: campaign.created_at,
    ...Object.fromEntries(expand.map((key) => [key, campaign[key]])),
  });

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
      const { query } = parsed;
      const result = runCampaignQuery(index, query);
      return {
        status: 200,
        body: {
          total: result.total,
          count: result.campaigns.length,
          page: query.page,
          per_page: query.perPage,
          total_pages: result.totalPages,
          _embedded: { campaigns: result.campaigns.map((campaign) => row(campaign, query.expand)) },
          _links: { self: { href: url.href } },
        },
      };
    },
    detail(url, id) {
      const campaign = index.byId.get(id);
      if (!campaign) return { status: 404, body: { code: 'NOT_FOUND', message: 'Campaign not found', fields: [] } };
      const requested = (url.searchParams.get('expand') ?? '').split(',');
      const { user_id, record_list_id, do_not_call_list_id } = campaign;
      return {
        status: 200,
        body: { ...row(campaign, EXPAND_VALUES.filter((value) => requested.includes(value))), user_id, record_list_id, do_not_call_list_id },
      };
    },
  };
}
