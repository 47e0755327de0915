/*
 * Live monitoring: the list's page and its need-action count asked for again on one timer while the supervisor
 * watches. Everything goes through the query cache, so a refresh re-renders only what changed: no row whose campaign
 * is the same, no scroll, focus, open panel or typed text touched. The requests are conditional (an unchanged view
 * costs a 304), none leaves while the view's own request is in flight, while the tab is hidden or while the view is
 * failing (its own recovery polling then runs), and a failing refresh retries and backs off as every query does.
 * The refresh fetches with the list's own query options over a conditional client: its query function answers for
 * the same key with the same data, so it may stand in for the list's until the list renders again.
 */
import { useCallback, useEffect, useEffectEvent, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useHttpClient } from '../../../lib/http-client-context';
import { campaignListOptions, needActionCountOptions } from '../api/campaign-queries';
import type { CampaignPage } from '../api/campaign-schemas';
import { CAMPAIGNS_SUMMARY_ID } from '../components/campaign-columns';
import type { CampaignListView } from '../routes/use-campaign-list';
import { changedCampaigns, describeChanges } from './campaign-changes';
import { HIGHLIGHT_MS, showHighlights, type Highlight } from './changed-rows-sheet';
import { createConditionalClient } from './conditional-client';
import { UpdatedAgo } from './updated-ago';
import styles from './tools.module.css';

const EVERY = { off: null, '15s': 15_000, '1min': 60_000 } as const;
type Every = keyof typeof EVERY;
const EVERY_LABELS: Record<Every, string> = { off: 'Off', '15s': 'Every 15 seconds', '1min': 'Every minute' };
/** Per browser, not in the URL: a shared link shows the view, not how often its sender watches it. */
const STORAGE_KEY = 'campaigns.auto-refresh';

function readEvery(): Every {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored !== null && Object.hasOwn(EVERY, stored) ? (stored as Every) : 'off';
  } catch {
    return 'off';
  }
}

function saveEvery(every: Every): void {
  try {
    localStorage.setItem(STORAGE_KEY, every);
  } catch {
    // Storage full or disabled: the choice holds for this page.
  }
}

export function AutoRefresh({ view }: { view: CampaignListView }) {
  const [every, setEvery] = useState(readEvery);
  const queryClient = useQueryClient();
  const client = useHttpClient();
  const conditional = useMemo(() => createConditionalClient(client), [client]);
  const selectId = useId();
  const { filters, needActionCount } = view;
  const listKey = campaignListOptions(client, filters).queryKey;
  const listHash = queryClient.defaultQueryOptions({ queryKey: listKey }).queryHash;

  const refresh = useEffectEvent(() => {
    const list = queryClient.getQueryCache().find({ queryKey: listKey, exact: true });
    if (!list || list.state.fetchStatus !== 'idle' || list.state.status !== 'success') return;
    // A refresh that fails for good shows as the view's own failure (its message, its recovery polling): nothing to add.
    void queryClient.query({ ...campaignListOptions(conditional, filters), staleTime: 0 }).catch(() => undefined);
    // The count shares the tick, when the view shows it (it is not asked for while the view shows only those campaigns).
    const countOptions = needActionCountOptions(conditional, filters);
    const count = queryClient.getQueryCache().find({ queryKey: countOptions.queryKey, exact: true });
    if (count?.isActive() && count.state.fetchStatus === 'idle' && count.state.status === 'success') {
      void queryClient.query({ ...countOptions, staleTime: 0 }).catch(() => undefined);
    }
  });

  // One timer, paused while the tab is hidden; back in view, the view is refreshed at once.
  const ms = EVERY[every];
  useEffect(() => {
    if (ms === null) return;
    let timer: number | undefined;
    const start = () => {
      window.clearInterval(timer);
      timer = document.hidden ? undefined : window.setInterval(refresh, ms);
    };
    const onVisibility = () => {
      if (!document.hidden) refresh();
      start();
    };
    start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [ms]);

  // What each new answer for the view changed since the previous one: highlighted and announced.
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const generation = useRef(0);
  useEffect(() => {
    if (ms === null) return;
    let before = queryClient.getQueryData<CampaignPage>(listKey);
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success' || event.query.queryHash !== listHash) return;
      const after = event.query.state.data as CampaignPage;
      const changes = before && after !== before ? changedCampaigns(before.campaigns, after.campaigns) : [];
      before = after;
      if (changes.length === 0) return;
      generation.current += 1;
      const found = changes.map((change) => ({ ...change, generation: generation.current }));
      setHighlights((current) => [...current.filter((old) => !found.some((change) => change.id === old.id)), ...found]);
      setAnnouncement(describeChanges(changes));
    });
    // listKey is a new array each render; listHash names the same view. A new view starts from what the cache holds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ms, listHash, queryClient]);

  // Each refresh's highlights fade away after HIGHLIGHT_MS, and its announcement is cleared with them, so that the
  // same words said after a later refresh are heard again.
  useEffect(() => {
    showHighlights(highlights);
    if (highlights.length === 0) return;
    const newest = Math.max(...highlights.map((highlight) => highlight.generation));
    const timer = window.setTimeout(() => {
      setHighlights((current) => current.filter((highlight) => highlight.generation > newest));
      setAnnouncement('');
    }, HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [highlights]);
  useEffect(() => () => showHighlights([]), []);

  // The tab's title carries the need-action count, for a supervisor watching another tab.
  useEffect(() => {
    const base = document.title;
    if (needActionCount !== null && needActionCount > 0) document.title = `(${needActionCount}) ${base}`;
    return () => {
      document.title = base;
    };
  }, [needActionCount]);

  const subscribe = useCallback((onChange: () => void) => queryClient.getQueryCache().subscribe(onChange), [queryClient]);
  const updatedAt = useSyncExternalStore(
    subscribe,
    () => queryClient.getQueryState(listKey)?.dataUpdatedAt ?? 0,
  );
  // Beside the view's count, in the line under the title's row: the line is the summary's own element, so nothing moves.
  const summaryRow = document.getElementById(CAMPAIGNS_SUMMARY_ID)?.parentElement;

  return (
    <>
      <div className={styles.field}>
        <label htmlFor={selectId}>Auto-refresh</label>
        <select
          id={selectId}
          value={every}
          onChange={(event) => {
            const next = event.target.value as Every;
            setEvery(next);
            saveEvery(next);
          }}
        >
          {Object.entries(EVERY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {ms !== null && updatedAt > 0 && summaryRow ? createPortal(<UpdatedAgo at={updatedAt} />, summaryRow) : null}
    </>
  );
}
