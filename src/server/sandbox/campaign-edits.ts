/*
 * Test-only edits of the sandbox's campaigns, through PATCH /__sandbox/campaigns/{id} on the sandbox's origin only
 * (like the faults, never under /campaigns, so the dashboard's proxy cannot reach it): a test changes a campaign as
 * Talkdesk would and watches the dashboard notice.
 */
import { z } from 'zod';
import { CAMPAIGN_STATUSES, type Campaign } from './campaign-data.ts';
import { createCampaignIndex, type CampaignIndex } from './campaign-index.ts';

export const CAMPAIGN_EDIT_PATH = /^\/__sandbox\/campaigns\/([^/]+)$/;

export const campaignEditSchema = z
  .object({
    name: z.string().min(1).max(100).optional(),
    status: z.enum(CAMPAIGN_STATUSES).optional(),
    priority: z.number().int().min(1).max(10).optional(),
    action_required: z.boolean().optional(),
  })
  .strict();

export type CampaignEdit = z.infer<typeof campaignEditSchema>;

/**
 * Replaces the campaign `id` by its edited copy in `campaigns` and rebuilds `index` in place (its sort ranks and
 * search forms depend on the edited fields). Returns the edited campaign, or undefined for an unknown id.
 */
export function editCampaign(campaigns: Campaign[], index: CampaignIndex, id: string, edit: CampaignEdit): Campaign | undefined {
  const position = campaigns.findIndex((campaign) => campaign.id === id.toLowerCase());
  const current = campaigns[position];
  if (!current) return undefined;
  const edited: Campaign = { ...current, ...edit };
  campaigns[position] = edited;
  Object.assign(index, createCampaignIndex(campaigns));
  return edited;
}
