/* What a refresh changed on the page: the campaigns whose watched fields differ, and how to say so. */
import type { Campaign } from '../api/campaign-schemas';

/** The fields a supervisor watches: a change to any of them highlights the row. */
const WATCHED_FIELDS = ['status', 'priority', 'action_required', 'name'] as const satisfies readonly (keyof Campaign)[];

export interface CampaignChange {
  id: string;
  name: string;
  /** It did not need action before this refresh, and does now. */
  nowNeedsAction: boolean;
}

/** The campaigns on both pages whose watched fields changed, in the order of `after`. */
export function changedCampaigns(before: readonly Campaign[], after: readonly Campaign[]): CampaignChange[] {
  const previous = new Map(before.map((campaign) => [campaign.id, campaign]));
  return after.flatMap((campaign) => {
    const old = previous.get(campaign.id);
    if (!old || WATCHED_FIELDS.every((field) => old[field] === campaign[field])) return [];
    return [{ id: campaign.id, name: campaign.name, nowNeedsAction: campaign.action_required && !old.action_required }];
  });
}

/** "2 campaigns changed. Renewals Q3 now needs action." ; nothing when nothing changed. */
export function describeChanges(changes: readonly CampaignChange[]): string {
  if (changes.length === 0) return '';
  const changed = `${changes.length} ${changes.length === 1 ? 'campaign' : 'campaigns'} changed.`;
  const needing = changes.filter((change) => change.nowNeedsAction);
  if (needing.length === 0) return changed;
  if (needing.length === 1) return `${changed} ${needing[0]!.name} now needs action.`;
  return `${changed} ${needing.length} of them now need action.`;
}
