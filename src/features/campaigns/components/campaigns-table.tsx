/*
 * The server sorts and pages (it is the source of truth), so TanStack Table only lays out the rows it was given;
 * header clicks become `order_by` changes in the URL. Rows are memoised and the columns never change, so the busy/idle
 * flips around a view change render no row at all. Rows and cells are keyed by their place, not by campaign: a new
 * page or order updates the rows on screen in place rather than replacing every element (no row keeps any state of
 * its own), which is cheaper.
 */
import { memo, useMemo, type MouseEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { createColumnHelper, flexRender, tableFeatures, useTable } from '@tanstack/react-table';
import type { Campaign } from '../api/campaign-schemas';
import type { CampaignSort, SortField } from '../url-state/campaign-filters';
import { CAMPAIGN_COLUMNS, CAMPAIGNS_SUMMARY_ID, campaignRow, columnClassName } from './campaign-columns';
import styles from './campaigns-table.module.css';

// Sorting and paging happen on the server, so the table needs no feature beyond laying out rows and cells.
const features = tableFeatures({});
const column = createColumnHelper<typeof features, Campaign>();

// The rows are built by campaignRow (campaign-columns.tsx), so the definitions carry only what the headers need.
const columns = column.columns(CAMPAIGN_COLUMNS.map((definition) => column.accessor(definition.id, { header: definition.header })));

const CampaignRow = memo(function CampaignRow(props: { campaign: Campaign; listSearch: string }) {
  return campaignRow(props.campaign, props.listSearch);
});

interface CampaignsTableProps {
  rows: Campaign[];
  sort: CampaignSort;
  /** A click on a sortable header: sort by that column, or flip the direction if it already is. */
  onSort: (field: SortField) => void;
  listSearch: string;
  busy: boolean;
  /** The rows belong to an earlier view (the current one failed to load): dimmed. */
  stale: boolean;
  /** Rows to reserve while nothing is loaded yet, so the layout does not jump. */
  skeletonRows: number | null;
  /** Shown across the table body when there are no rows. */
  empty: ReactNode;
}

export function CampaignsTable(props: CampaignsTableProps) {
  const { rows, sort, onSort, listSearch } = props;
  const navigate = useNavigate();
  const table = useTable({ features, data: rows, columns, getRowId: (row) => row.id });

  // One listener for every detail link: a plain click opens the panel in the app (remembering it came from the
  // list, so closing it goes back); modified clicks keep the browser's own behaviour (new tab, new window).
  const openDetail = (event: MouseEvent<HTMLTableElement>) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-detail-link]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const url = new URL(link.href);
    navigate({ pathname: url.pathname, search: url.search }, { state: { fromList: true } });
  };

  const skeleton = useMemo(
    () =>
      Array.from({ length: props.skeletonRows ?? 0 }, (_, index) => (
        <tr key={index} aria-hidden="true">
          {CAMPAIGN_COLUMNS.map((definition) => (
            <td key={definition.id} data-col={definition.id}>
              <span className={styles.skeleton} />
            </td>
          ))}
        </tr>
      )),
    [props.skeletonRows],
  );

  return (
    <div className={styles.scroller}>
        <table
          className={styles.table}
          aria-busy={props.busy}
          data-stale={props.stale}
          aria-describedby={CAMPAIGNS_SUMMARY_ID}
          onClick={openDetail}
        >
          <caption className="visually-hidden">Campaigns</caption>
          <colgroup>
            {CAMPAIGN_COLUMNS.map((definition) => (
              <col key={definition.id} className={definition.widthClass} data-col={definition.id} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const definition = CAMPAIGN_COLUMNS[header.index]!;
                  const field = definition.sortField;
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  const sorted = field === sort.field ? sort.direction : null;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className={columnClassName(definition)}
                      data-col={definition.id}
                    >
                      {field ? (
                        <button type="button" className={styles.sortButton} onClick={() => onSort(field)}>
                          {label}
                          <span aria-hidden="true" className={styles.sortIcon} data-sorted={sorted ?? 'none'}>
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {props.skeletonRows !== null ? (
              skeleton
            ) : rows.length === 0 && props.empty ? (
              <tr className={styles.emptyRow}>
                <td colSpan={columns.length} className={styles.emptyCell}>
                  {props.empty}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row, index) => <CampaignRow key={index} campaign={row.original} listSearch={listSearch} />)
            )}
          </tbody>
        </table>
    </div>
  );
}
