/*
 * The campaigns list and detail requests and the checks of their answers, with nothing that imports React: the first
 * view's requests (src/first-screen/first-view-request.ts) use them before React has been evaluated.
 */
import { ApiError } from '../../../lib/api-error';
import { apiUrl, type HttpClient } from '../../../lib/http-client';
import type { CampaignFilters } from '../url-state/campaign-filters';
import { campaignDetailSchema, campaignPageSchema, type CampaignDetail, type CampaignPage } from './campaign-schemas';
import { EXPAND_SEPARATOR, EXPAND_VALUES, queryNames } from '../../../config/talkdesk-api-contract';
import { toApiQuery } from './to-api-query';

export function parseOrThrow<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ApiError({ kind: 'invalid-response', message: 'Talkdesk sent campaigns in a shape the dashboard does not know.' });
  }
  return result.data;
}

const CAMPAIGNS_PATH = '/campaigns';

export async function fetchCampaignPage(client: HttpClient, filters: CampaignFilters, signal?: AbortSignal): Promise<CampaignPage> {
  const body = await client.getJson(CAMPAIGNS_PATH, { query: toApiQuery(filters), signal });
  return parseOrThrow(campaignPageSchema, body);
}

/** The URL fetchCampaignPage requests for `filters`, through a client on `basePath`. */
export function campaignPageUrl(basePath: string, filters: CampaignFilters): string {
  return apiUrl(basePath, CAMPAIGNS_PATH, toApiQuery(filters));
}

const detailPath = (id: string) => `${CAMPAIGNS_PATH}/${encodeURIComponent(id)}`;
const detailQuery = () => new URLSearchParams({ [queryNames.expand]: EXPAND_VALUES.join(EXPAND_SEPARATOR) });

export async function fetchCampaignDetail(client: HttpClient, id: string, signal?: AbortSignal): Promise<CampaignDetail> {
  const body = await client.getJson(detailPath(id), { query: detailQuery(), signal });
  return parseOrThrow(campaignDetailSchema, body);
}

/** The URL fetchCampaignDetail requests for campaign `id`, through a client on `basePath`. */
export function campaignDetailUrl(basePath: string, id: string): string {
  return apiUrl(basePath, detailPath(id), detailQuery());
}
