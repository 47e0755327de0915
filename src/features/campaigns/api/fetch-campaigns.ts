/*
 * The campaigns list request and the check of its answer, with nothing that imports React: the first view's
 * request (src/app/first-view-request.ts) uses it before React has been evaluated.
 */
import { ApiError } from '../../../lib/api-error';
import { apiUrl, type HttpClient } from '../../../lib/http-client';
import type { CampaignFilters } from '../campaign-filters';
import { campaignPageSchema, type CampaignPage } from './campaign-schemas';
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
