import type { CampaignSort } from '../url-state/campaign-filters';
import { formatCount } from './format';

const FIELD_NAMES: Record<CampaignSort['field'], string> = {
  name: 'name',
  created_at: 'creation date',
  dialing_mode: 'dialing mode',
  priority: 'priority',
};

/** What the polite live region says once a view has loaded: "Sorted by priority, descending. 312 campaigns." */
export function describeResult(sort: CampaignSort, total: number): string {
  const direction = sort.direction === 'asc' ? 'ascending' : 'descending';
  const count = total === 1 ? '1 campaign' : `${formatCount(total)} campaigns`;
  return `Sorted by ${FIELD_NAMES[sort.field]}, ${direction}. ${count}.`;
}
