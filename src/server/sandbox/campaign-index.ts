/*
 * GET /campaigns over the sandbox's campaigns: an index built once at start (search forms, sort ranks), and a parsed
 * query run over it (filters, sort, one page).
 */
import type { Campaign } from './campaign-data.ts';
import type { CampaignQuery, SortKey } from './campaign-query.ts';

const SPECIAL_LETTERS: Record<string, string> = {
  ł: 'l', ø: 'o', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', ŀ: 'l', ŧ: 't',
};

/** Case- and accent-insensitive form of a text: "Łódź" and "lodz" normalise alike. */
export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøßđðþæœıħŀŧ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}

interface IndexedCampaign {
  campaign: Campaign;
  createdAtMs: number;
  searchName: string;
  lowerName: string;
  /** Dense rank of each sort key's value: equal values share a rank, so ties fall through to idRank. */
  rank: Record<SortKey, number>;
  idRank: number;
}

export interface CampaignIndex {
  rows: IndexedCampaign[];
  byId: Map<string, Campaign>;
}

const nameCollator = new Intl.Collator('en', { sensitivity: 'base' });

/** Name order of the sandbox: locale-aware, case- and accent-insensitive ("Łódź" sorts among the L's). */
export function compareCampaignNames(a: string, b: string): number {
  return nameCollator.compare(a, b);
}

function denseRanks(campaigns: Campaign[], compare: (a: Campaign, b: Campaign) => number): Map<Campaign, number> {
  const sorted = [...campaigns].sort(compare);
  const ranks = new Map<Campaign, number>();
  let rank = 0;
  sorted.forEach((campaign, index) => {
    if (index > 0 && compare(sorted[index - 1] as Campaign, campaign) !== 0) rank += 1;
    ranks.set(campaign, rank);
  });
  return ranks;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Precomputes what every request needs (normalised names, sort ranks), so a query is a filter and an integer sort. */
export function createCampaignIndex(campaigns: Campaign[]): CampaignIndex {
  const ranks: Record<SortKey, Map<Campaign, number>> = {
    created_at: denseRanks(campaigns, (a, b) => compareStrings(a.created_at, b.created_at)),
    name: denseRanks(campaigns, (a, b) => compareCampaignNames(a.name, b.name)),
    dialing_mode: denseRanks(campaigns, (a, b) => compareStrings(a.dialing_mode, b.dialing_mode)),
    priority: denseRanks(campaigns, (a, b) => a.priority - b.priority),
  };
  const idRanks = denseRanks(campaigns, (a, b) => compareStrings(a.id, b.id));
  const rows = campaigns.map((campaign) => ({
    campaign,
    createdAtMs: Date.parse(campaign.created_at),
    searchName: normalizeForSearch(campaign.name),
    lowerName: campaign.name.toLowerCase(),
    rank: {
      created_at: ranks.created_at.get(campaign) ?? 0,
      name: ranks.name.get(campaign) ?? 0,
      dialing_mode: ranks.dialing_mode.get(campaign) ?? 0,
      priority: ranks.priority.get(campaign) ?? 0,
    },
    idRank: idRanks.get(campaign) ?? 0,
  }));
  return { rows, byId: new Map(campaigns.map((campaign) => [campaign.id, campaign])) };
}

export interface CampaignPage {
  total: number;
  totalPages: number;
  campaigns: Campaign[];
}

/** Filters, sorts (ties by id ascending) and slices one page. A page past the end is empty, with true totals. */
export function runCampaignQuery(index: CampaignIndex, query: CampaignQuery): CampaignPage {
  const search = query.search === undefined ? undefined : normalizeForSearch(query.search);
  const name = query.name?.toLowerCase();
  const matches = index.rows.filter((row) => {
    const c = row.campaign;
    return (query.createdAt === undefined || (row.createdAtMs >= query.createdAt.fromMs && row.createdAtMs <= query.createdAt.toMs))
      && (query.actionRequired === undefined || c.action_required === query.actionRequired)
      && (query.dialingMode === undefined || c.dialing_mode === query.dialingMode)
      && (query.doNotCallListId === undefined || c.do_not_call_list_id === query.doNotCallListId)
      && (name === undefined || row.lowerName === name)
      && (query.priority === undefined || c.priority === query.priority)
      && (query.recordListId === undefined || c.record_list_id === query.recordListId)
      && (search === undefined || row.searchName.includes(search))
      && (query.status === undefined || c.status === query.status)
      && (query.userId === undefined || c.user_id === query.userId);
  });
  const { key, direction } = query.orderBy;
  const sign = direction === 'asc' ? 1 : -1;
  matches.sort((a, b) => sign * (a.rank[key] - b.rank[key]) || a.idRank - b.idRank);
  const start = (query.page - 1) * query.perPage;
  return {
    total: matches.length,
    totalPages: Math.ceil(matches.length / query.perPage),
    campaigns: matches.slice(start, start + query.perPage).map((row) => row.campaign),
  };
}
