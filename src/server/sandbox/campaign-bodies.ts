/*
 * The bodies of the sandbox's GET /campaigns and GET /campaigns/{id} answers, HAL links absolute on the sandbox
 * origin (as Talkdesk's point at its regional API host). Pure, so that the component tests answer with the very same
 * bodies (tests/features/campaigns/sandbox-api.ts).
 */
import type { Campaign } from './campaign-data.ts';
import type { ExpandValue } from '../../config/talkdesk-api-contract.ts';
import type { CampaignPage } from './campaign-index.ts';
import type { CampaignQuery } from './campaign-query.ts';

function campaignRow(origin: string, campaign: Campaign, expand: readonly ExpandValue[]) {
  return {
    _links: {
      self: { href: `${origin}/campaigns/${campaign.id}` },
      campaigns: { href: `${origin}/campaigns` },
    },
    id: campaign.id,
    name: campaign.name,
    dialing_mode: campaign.dialing_mode,
    priority: campaign.priority,
    run_once: campaign.run_once,
    action_required: campaign.action_required,
    status: campaign.status,
    created_at: campaign.created_at,
    ...Object.fromEntries(expand.map((key) => [key, campaign[key]])),
  };
}

export function campaignDetailBody(origin: string, campaign: Campaign, expand: readonly ExpandValue[]) {
  const { user_id, record_list_id, do_not_call_list_id } = campaign;
  return { ...campaignRow(origin, campaign, expand), user_id, record_list_id, do_not_call_list_id };
}

/**
 * The page `result` answers for `query`, asked for at `url` (its path and query on the sandbox origin); its links
 * name the page with `pageParam`, the page parameter's name in force.
 */
export function campaignPageBody(origin: string, url: URL, query: CampaignQuery, result: CampaignPage, pageParam = 'page') {
  const linkTo = (page: number) => {
    const params = new URLSearchParams(url.searchParams);
    params.set(pageParam, String(page));
    return { href: `${origin}${url.pathname}?${params}` };
  };
  const lastPage = Math.max(result.totalPages, 1);
  return {
    total: result.total,
    count: result.campaigns.length,
    page: query.page,
    per_page: query.perPage,
    total_pages: result.totalPages,
    _embedded: { campaigns: result.campaigns.map((campaign) => campaignRow(origin, campaign, query.expand)) },
    _links: {
      self: { href: `${origin}${url.pathname}${url.search}` },
      first: linkTo(1),
      ...(query.page > 1 ? { prev: linkTo(Math.min(query.page - 1, lastPage)) } : {}),
      ...(query.page < result.totalPages ? { next: linkTo(query.page + 1) } : {}),
      last: linkTo(lastPage),
    },
  };
}
