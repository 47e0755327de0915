import { useEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { afterNextPaint } from '../../../lib/after-next-paint';
import { ApiError, describeApiError } from '../../../lib/api-error';
import { useHttpClient } from '../../../lib/http-client-context';
import { campaignListOptions, needActionCountOptions } from '../api/campaign-queries';
import type { CampaignPage } from '../api/campaign-schemas';
import { describeResult } from '../format/announce';
import { clearFilters, hasActiveFilters, toggleSort } from '../url-state/campaign-filters';
import { CAMPAIGNS_SUMMARY_ID } from '../components/campaign-columns';
import { CampaignsTable } from '../components/campaigns-table';
import { CopyLinkButton } from '../components/copy-link-button';
import { FilterBar } from '../components/filter-bar';
import { Pager } from '../components/pager';
import { fieldErrorsByControl } from '../api/field-errors';
import { formatCampaignCount, formatCount } from '../format/format';
import { clampPage } from '../url-state/paging';
import { useCampaignSearch } from '../url-state/use-campaign-search';
import styles from './campaigns-route.module.css';

const throwForbidden = (error: Error) => error instanceof ApiError && error.status === 403;

export function CampaignsRoute() {
  const client = useHttpClient();
  const queryClient = useQueryClient();
  // A view's rows are asked for as the supervisor changes it, not once React has rendered the change (useQuery below
  // then takes that request; a view in the cache, fresh, is not asked for again).
  const { filters, search, setFilters, ignored, dismissIgnored } = useCampaignSearch((next) => {
    void queryClient.prefetchQuery(campaignListOptions(client, next));
  });

  const list = useQuery({ ...campaignListOptions(client, filters), throwOnError: throwForbidden });

  // The last rows that loaded stay on screen through errors, so nothing the supervisor was reading disappears.
  const [lastGood, setLastGood] = useState<CampaignPage | null>(null);
  if (list.data && !list.isPlaceholderData && list.data !== lastGood) setLastGood(list.data);
  const page = list.data ?? lastGood;
  const settled = list.isSuccess && !list.isPlaceholderData;
  // The count waits for the first rows: they are what the supervisor came for, and it must not compete with them.
  const needAction = useQuery({
    ...needActionCountOptions(client, filters),
    enabled: filters.actionRequired === null && lastGood !== null,
  });

  // A page past the end (the data changed under a shared link) is clamped to the last page.
  const totalPages = settled ? list.data.totalPages : null;
  useEffect(() => {
    if (totalPages === null) return;
    const clamped = clampPage(filters.page, totalPages);
    if (clamped !== filters.page) setFilters((current) => ({ ...current, page: clamped }), { replace: true });
  }, [totalPages, filters.page, setFilters]);

  // The next page is fetched ahead so "Next page" paints at once. After this page is painted: after a click, React
  // runs this effect before the browser paints, and sending the request then held the new rows back.
  useEffect(() => {
    if (totalPages === null || filters.page >= totalPages) return;
    let current = true;
    void afterNextPaint().then(() => {
      if (current) void queryClient.prefetchQuery(campaignListOptions(client, { ...filters, page: filters.page + 1 }));
    });
    return () => {
      current = false;
    };
  }, [totalPages, filters, client, queryClient]);

  const error = list.isError ? list.error : null;
  const fieldErrors = error instanceof ApiError && error.status === 400 ? fieldErrorsByControl(error.fields) : null;
  const needActionCount = filters.actionRequired === true ? (settled ? list.data.total : null) : filters.actionRequired === false ? 0 : (needAction.data ?? null);

  const clear = () => setFilters(clearFilters);

  return (
    <div className={styles.view}>
      <div className={styles.titleRow}>
        <h1 className={styles.title}>Campaigns</h1>
        <div className={styles.titleActions}>
          <CopyLinkButton />
        </div>
      </div>

      {ignored.length > 0 ? (
        <div className={styles.notice} role="status">
          <div>
            <p className={styles.noticeTitle}>Some of this link could not be used, so it was left out:</p>
            <ul>
              {ignored.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
          <button type="button" onClick={dismissIgnored} aria-label="Dismiss notice">
            Dismiss
          </button>
        </div>
      ) : null}

      <FilterBar filters={filters} view={search} onChange={setFilters} onClear={clear} fieldErrors={fieldErrors?.byControl ?? {}} />

      <div className={styles.summaryRow}>
        <p id={CAMPAIGNS_SUMMARY_ID} className={styles.total}>
          {page ? formatCampaignCount(page.total) : '\u00a0'}
        </p>
        {needActionCount !== null && needActionCount > 0 ? (
          <button
            type="button"
            className={styles.needAction}
            aria-pressed={filters.actionRequired === true}
            onClick={() => setFilters((current) => ({ ...current, actionRequired: current.actionRequired === true ? null : true, page: 1 }))}
          >
            <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16">
              <path fill="currentColor" d="M8 1 15.5 14.5H.5L8 1Zm-.9 5v4.2h1.8V6H7.1Zm0 5.4V13h1.8v-1.6H7.1Z" />
            </svg>
            {formatCount(needActionCount)} need action
          </button>
        ) : needActionCount === 0 ? (
          <p className={styles.allClear}>None need action</p>
        ) : null}
      </div>

      {error ? (
        <div className={styles.error} role="alert">
          <div>
            <p className={styles.errorTitle}>
              {error instanceof ApiError && error.status === 400 ? 'Talkdesk did not accept these filters.' : 'Campaigns could not be loaded.'}
            </p>
            <p>{describeApiError(error)}</p>
            {fieldErrors?.other.length ? (
              <ul>
                {fieldErrors.other.map((field) => (
                  <li key={field.name}>
                    <code>{field.name}</code>: {field.description}
                  </li>
                ))}
              </ul>
            ) : null}
            {page ? <p className={styles.errorHint}>The dimmed rows are the last that loaded; they may not match these filters.</p> : null}
          </div>
          <button type="button" onClick={() => void list.refetch()}>
            Retry
          </button>
        </div>
      ) : null}

      <CampaignsTable
        rows={page?.campaigns ?? []}
        stale={error !== null && page !== null}
        empty={
          page && page.total === 0 && !list.isFetching ? (
            hasActiveFilters(filters) ? (
              <div className={styles.empty}>
                <p className={styles.emptyTitle}>No campaigns match these filters</p>
                <button type="button" onClick={clear}>
                  Clear filters
                </button>
              </div>
            ) : (
              <div className={styles.empty}>
                <p className={styles.emptyTitle}>No campaigns yet</p>
                <p>Campaigns created in Talkdesk appear here.</p>
              </div>
            )
          ) : null
        }
        sort={filters.sort}
        onSort={(field) => setFilters((current) => ({ ...current, sort: toggleSort(current.sort, field), page: 1 }))}
        listSearch={search}
        busy={list.isFetching}
        skeletonRows={page ? null : Math.min(filters.perPage, 12)}
      />

      {page?.total === 0 ? null : (
        <Pager
          page={filters.page}
          perPage={filters.perPage}
          total={page?.total ?? null}
          totalPages={page?.totalPages ?? null}
          rowCount={page?.campaigns.length ?? 0}
          onPageChange={(to) =>
            setFilters((current) => ({ ...current, page: clampPage(to(current.page), page?.totalPages ?? Number.MAX_SAFE_INTEGER) }))
          }
          onPerPageChange={(perPage) => setFilters((current) => ({ ...current, perPage, page: 1 }))}
        />
      )}

      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {settled ? describeResult(filters.sort, list.data.total) : ''}
      </p>

      <Outlet />
    </div>
  );
}
