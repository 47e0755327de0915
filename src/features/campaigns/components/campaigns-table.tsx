/*
 * The server sorts and pages (it is the source of truth), so TanStack Table only lays out the rows it was given;
 * header clicks become `order_by` changes in the URL.
 */
import { memo, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { createColumnHelper, flexRender, tableFeatures, useTable } from '@tanstack/react-table';
import type { Campaign } from '../api/campaign-schemas';
import type { CampaignSort, SortField } from '../campaign-filters';
import { formatDateTime, formatDialingMode, formatRelativeTime } from '../format';
import { NeedsActionBadge, StatusBadge } from './status-badge';
import styles from './campaigns-table.module.css';

// Sorting and paging happen on the server, so the table needs no feature beyond laying out rows and cells.
const features = tableFeatures({});
const column = createColumnHelper<typeof features, Campaign>();

const SORTABLE: Partial<Record<string, SortField>> = {
  name: 'name',
  dialing_mode: 'dialing_mode',
  priority: 'priority',
  created_at: 'created_at',
};

interface CampaignsTableProps {
  rows: Campaign[];
  sort: CampaignSort;
  /** A click on a sortable header: sort by that column, or flip the direction if it already is. */
  onSort: (field: SortField) => void;
  /** Query string of the current list view, carried into the detail URL so closing it returns to the same view. */
  listSearch: string;
  busy: boolean;
  /** The rows belong to an earlier view (the current one failed to load): dimmed. */
  stale: boolean;
  /** Rows to reserve while nothing is loaded yet, so the layout does not jump. */
  skeletonRows: number | null;
  /** Shown across the table body when there are no rows. */
  empty: ReactNode;
}

export const CampaignsTable = memo(function CampaignsTable(props: CampaignsTableProps) {
  const { rows, sort, onSort, listSearch } = props;

  const columns = useMemo(() => campaignColumns(listSearch), [listSearch]);

  const table = useTable({ features, data: rows, columns, getRowId: (row) => row.id });

  return (
    <div className={styles.scroller}>
      <table className={styles.table} aria-busy={props.busy} data-stale={props.stale} aria-describedby="campaigns-summary">
        <caption className="visually-hidden">Campaigns</caption>
        <colgroup>
          <col className={styles.colName} />
          <col className={styles.colStatus} />
          <col className={styles.colMode} />
          <col className={styles.colPriority} />
          <col className={styles.colRunOnce} />
          <col className={styles.colAction} />
          <col className={styles.colCreated} />
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const field = SORTABLE[header.column.id];
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const sorted = field === sort.field ? sort.direction : null;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    className={header.column.id === 'priority' ? styles.numeric : undefined}
                  >
                    {field ? (
                      <button
                        type="button"
                        className={styles.sortButton}
                        onClick={() => onSort(field)}
                      >
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
          {props.skeletonRows !== null
            ? Array.from({ length: props.skeletonRows }, (_, index) => (
                <tr key={index} className={styles.skeletonRow} aria-hidden="true">
                  {columns.map((_column, cell) => (
                    <td key={cell}>
                      <span className={styles.skeleton} />
                    </td>
                  ))}
                </tr>
              ))
            : rows.length === 0 && props.empty
              ? (
                  <tr className={styles.emptyRow}>
                    <td colSpan={columns.length} className={styles.emptyCell}>
                      {props.empty}
                    </td>
                  </tr>
                )
              : table.getRowModel().rows.map((row) => (
                  <tr key={row.id} className={row.original.action_required ? styles.needsAction : undefined}>
                    {row.getAllCells().map((cell) => (
                      <td key={cell.id} className={cell.column.id === 'priority' ? styles.numeric : undefined}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                ))}
        </tbody>
      </table>
    </div>
  );
});

function campaignColumns(listSearch: string) {
  return column.columns([
    column.accessor('name', {
      header: 'Name',
      cell: (info) => (
        <Link
          className={styles.name}
          to={{ pathname: `/campaigns/${encodeURIComponent(info.row.original.id)}`, search: listSearch }}
          state={{ fromList: true }}
          title={info.getValue()}
        >
          <bdi>{info.getValue()}</bdi>
        </Link>
      ),
    }),
    column.accessor('status', { header: 'Status', cell: (info) => <StatusBadge status={info.getValue()} /> }),
    column.accessor('dialing_mode', { header: 'Dialing mode', cell: (info) => formatDialingMode(info.getValue()) }),
    column.accessor('priority', { header: 'Priority', cell: (info) => <span className={styles.number}>{info.getValue()}</span> }),
    column.accessor('run_once', { header: 'Run once', cell: (info) => (info.getValue() ? 'Yes' : 'No') }),
    column.accessor('action_required', {
      header: 'Needs action',
      cell: (info) =>
        info.getValue() ? (
          <NeedsActionBadge />
        ) : (
          <span className={styles.muted}>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">No</span>
          </span>
        ),
    }),
    column.accessor('created_at', {
      header: 'Created',
      cell: (info) => (
        <time dateTime={info.getValue()} title={formatDateTime(info.getValue())} className={styles.number}>
          {formatRelativeTime(info.getValue())}
        </time>
      ),
    }),
  ]);
}
