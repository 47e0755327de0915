/* The campaigns list: the view the URL describes, its filters, rows and pager. */
import { lazy, Suspense } from 'react';
import { Outlet } from 'react-router';
import { describeResult } from '../format/announce';
import { DEFAULT_FILTERS, clearFilters, hasActiveFilters, toggleSort } from '../url-state/campaign-filters';
import { clampPage } from '../url-state/paging';
import { CampaignsTable } from '../components/campaigns-table';
import { FilterBar } from '../components/filter-bar';
import type { FilterControl } from '../components/filter-field';
import { EmptyList, IgnoredLinkNotice, ListError, listErrorTitle } from '../components/list-messages';
import { ListSummary } from '../components/list-summary';
import { Pager } from '../components/pager';
import { useCampaignList } from './use-campaign-list';
import styles from '../components/campaign-list.module.css';

// The tools beside the title are not needed for the first rows: their code loads when the app first renders the list.
const CampaignTools = lazy(() => import('../tools/campaign-tools'));

export function CampaignsRoute() {
  const view = useCampaignList();
  const { filters, search, setFilters, ignored, dismissIgnored, list, page, settled, error, fieldErrors, needActionCount } = view;
  const clear = () => setFilters(clearFilters);
  // A view Talkdesk refused (400) has no rows to show, and a retry would fail again: its named filters are offered
  // cleared instead.
  const refused = fieldErrors ? (Object.keys(fieldErrors.byControl) as FilterControl[]) : null;

  return (
    <div className={styles.view}>
      <div className={styles.titleRow}>
        <h1 className={styles.title}>Campaigns</h1>
        <div className={styles.titleActions}>
          {/* Not on the server's screen: the tools appear once, when their code is in, rather than drawn, dropped at the
              takeover and shown again. */}
          {import.meta.env.SSR ? null : (
            <Suspense fallback={null}>
              <CampaignTools view={view} />
            </Suspense>
          )}
        </div>
      </div>
      {ignored.length > 0 ? <IgnoredLinkNotice ignored={ignored} onDismiss={dismissIgnored} /> : null}
      <FilterBar filters={filters} view={search} onChange={setFilters} onClear={clear} fieldErrors={fieldErrors?.byControl ?? {}} />
      <ListSummary
        page={page}
        needActionCount={needActionCount}
        showingOnlyNeedAction={filters.actionRequired === true}
        onToggleNeedAction={() => setFilters((current) => ({ ...current, actionRequired: current.actionRequired === true ? null : true, page: 1 }))}
      />
      {error ? (
        <ListError
          error={error}
          otherFields={fieldErrors?.other ?? []}
          showingStaleRows={page !== null && !refused}
          onRetry={() => void list.refetch()}
          refused={refused}
          onClearFilter={(control) => setFilters((current) => ({ ...current, [control]: DEFAULT_FILTERS[control], page: 1 }))}
        />
      ) : null}
      <CampaignsTable
        rows={refused ? [] : (page?.campaigns ?? [])}
        stale={error !== null && page !== null}
        empty={
          error && (refused || !page) ? (
            <p className={styles.emptyTitle}>{listErrorTitle(refused)}</p>
          ) : page && page.total === 0 && !list.isFetching ? (
            <EmptyList filtered={hasActiveFilters(filters)} onClear={clear} />
          ) : null
        }
        sort={filters.sort}
        onSort={(field) => setFilters((current) => ({ ...current, sort: toggleSort(current.sort, field), page: 1 }))}
        listSearch={search}
        busy={list.isFetching}
        skeletonRows={page || error ? null : Math.min(filters.perPage, 12)}
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
        {settled && page ? describeResult(filters.sort, page.total) : ''}
      </p>
      <Outlet />
    </div>
  );
}
