/*
 * The campaigns table's columns, defined once: id, header, sort field, whether it is numeric, its width class and
 * its cell. The TanStack column definitions, the colgroup, the sortable headers and the row itself all derive from
 * this table. A row is built by one function, `campaignRow`, which React renders and which the boot script paints
 * before React has loaded (src/first-screen/paint.ts, through react-node-to-dom.ts): so nothing here may use hooks,
 * context or event handlers, only attributes and text, and the painted rows are React's by construction.
 */
import type { ReactElement, ReactNode } from 'react';
import type { Campaign } from '../api/campaign-schemas';
import type { SortField } from '../url-state/campaign-filters';
import { formatDateTime, formatDialingMode, formatRelativeTime } from '../format/format';
import { NeedsActionBadge, StatusBadge } from './status-badge';
import styles from './campaigns-table.module.css';

export interface CampaignColumn {
  id: 'name' | 'status' | 'dialing_mode' | 'priority' | 'run_once' | 'action_required' | 'created_at';
  header: string;
  /** The `order_by` field a click on the header sorts by; absent for columns the API cannot sort. */
  sortField?: SortField;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The `<col>` class that sets the column's width. */
  widthClass: string | undefined;
  /** The cell's content, a plain function (called, it adds no component per cell: 700 for a page of 100 rows). */
  cell: (campaign: Campaign, listSearch: string) => ReactNode;
}

/** Id of the count above the table, which describes it (the boot script writes the first view's count into it). */
export const CAMPAIGNS_SUMMARY_ID = 'campaigns-summary';

export function campaignDetailHref(id: string, listSearch: string): string {
  return `/campaigns/${encodeURIComponent(id)}${listSearch ? `?${listSearch}` : ''}`;
}

export const CAMPAIGN_COLUMNS: readonly CampaignColumn[] = [
  {
    id: 'name',
    header: 'Name',
    sortField: 'name',
    widthClass: styles.colName,
    // The name links to the detail panel, carrying the list's query so closing the panel returns to that view.
    cell: (campaign, listSearch) => (
      <a className={styles.name} href={campaignDetailHref(campaign.id, listSearch)} title={campaign.name} data-detail-link="">
        <bdi>{campaign.name}</bdi>
      </a>
    ),
  },
  { id: 'status', header: 'Status', widthClass: styles.colStatus, cell: (campaign) => <StatusBadge status={campaign.status} /> },
  {
    id: 'dialing_mode',
    header: 'Dialing mode',
    sortField: 'dialing_mode',
    widthClass: styles.colMode,
    cell: (campaign) => formatDialingMode(campaign.dialing_mode),
  },
  // The table sets tabular figures for every cell: no wrapper element per number.
  { id: 'priority', header: 'Priority', sortField: 'priority', numeric: true, widthClass: styles.colPriority, cell: (campaign) => campaign.priority },
  { id: 'run_once', header: 'Run once', widthClass: styles.colRunOnce, cell: (campaign) => (campaign.run_once ? 'Yes' : 'No') },
  {
    id: 'action_required',
    header: 'Needs action',
    widthClass: styles.colAction,
    cell: (campaign) =>
      campaign.action_required ? (
        <NeedsActionBadge />
      ) : (
        <>
          <span aria-hidden="true" className={styles.muted}>
            —
          </span>
          <span className="visually-hidden">No</span>
        </>
      ),
  },
  {
    id: 'created_at',
    header: 'Created',
    sortField: 'created_at',
    widthClass: styles.colCreated,
    cell: (campaign) => (
      <time dateTime={campaign.created_at} title={formatDateTime(campaign.created_at)}>
        {formatRelativeTime(campaign.created_at)}
      </time>
    ),
  },
];

export type CampaignColumnId = CampaignColumn['id'];

export function columnClassName(column: CampaignColumn): string | undefined {
  return column.numeric ? styles.numeric : undefined;
}

/** One campaign's row, as React renders it and as the boot script paints it. */
export function campaignRow(campaign: Campaign, listSearch: string): ReactElement {
  // Campaigns that need action stand out as a whole row (besides the badge in their cell).
  return (
    <tr className={campaign.action_required ? styles.needsAction : undefined}>
      {CAMPAIGN_COLUMNS.map((column) => (
        <td key={column.id} className={columnClassName(column)} data-col={column.id}>
          {column.cell(campaign, listSearch)}
        </td>
      ))}
    </tr>
  );
}
