/*
 * What a campaign row shows, as plain functions of the campaign. The table renders them with React; before React
 * has loaded, the boot script paints the first view's rows from the same functions (src/app/first-paint.ts, through
 * src/lib/render-to-dom.ts). So nothing here may use hooks, context or event handlers: attributes and text only.
 */
import type { ReactNode } from 'react';
import type { Campaign } from '../api/campaign-schemas';
import { formatDateTime, formatDialingMode, formatRelativeTime } from '../format';
import { NeedsActionBadge, StatusBadge } from './status-badge';
import styles from './campaigns-table.module.css';

/** The table's columns, in order. */
export const CAMPAIGN_COLUMNS = ['name', 'status', 'dialing_mode', 'priority', 'run_once', 'action_required', 'created_at'] as const;
export type CampaignColumnId = (typeof CAMPAIGN_COLUMNS)[number];

export function campaignDetailHref(id: string, listSearch: string): string {
  return `/campaigns/${encodeURIComponent(id)}${listSearch ? `?${listSearch}` : ''}`;
}

// Plain functions returning elements, not components: called, they add no component of their own per cell (a view
// of 100 rows would mount and later unmount hundreds more).

/** The name links to the detail panel, carrying the list's query so closing the panel returns to that view. */
export function nameLink(campaign: Campaign, listSearch: string): ReactNode {
  return (
    <a className={styles.name} href={campaignDetailHref(campaign.id, listSearch)} title={campaign.name} data-detail-link="">
      <bdi>{campaign.name}</bdi>
    </a>
  );
}

function noActionNeeded(): ReactNode {
  return (
    <>
      <span aria-hidden="true" className={styles.muted}>
        —
      </span>
      <span className="visually-hidden">No</span>
    </>
  );
}

/** Every cell but the name's (which needs the list's query). */
export const CELL_CONTENT: Record<Exclude<CampaignColumnId, 'name'>, (campaign: Campaign) => ReactNode> = {
  status: (campaign) => <StatusBadge status={campaign.status} />,
  dialing_mode: (campaign) => formatDialingMode(campaign.dialing_mode),
  // The table sets tabular figures for every cell: no wrapper element per number (a page of 100 rows is 1,700 elements).
  priority: (campaign) => campaign.priority,
  run_once: (campaign) => (campaign.run_once ? 'Yes' : 'No'),
  action_required: (campaign) => (campaign.action_required ? <NeedsActionBadge /> : noActionNeeded()),
  created_at: (campaign) => (
    <time dateTime={campaign.created_at} title={formatDateTime(campaign.created_at)}>
      {formatRelativeTime(campaign.created_at)}
    </time>
  ),
};

export function cellContent(column: CampaignColumnId, campaign: Campaign, listSearch: string): ReactNode {
  return column === 'name' ? nameLink(campaign, listSearch) : CELL_CONTENT[column](campaign);
}

/** Campaigns that need action stand out as a whole row (besides the badge in their cell). */
export function rowClassName(campaign: Campaign): string | undefined {
  return campaign.action_required ? styles.needsAction : undefined;
}

export function cellClassName(column: CampaignColumnId): string | undefined {
  return column === 'priority' ? styles.numeric : undefined;
}
