/*
 * Export CSV: every campaign of the view (its filters and order, all pages) as a file. The fetching and writing load
 * on the click (export/export-campaigns.ts). While it runs, the list stays usable: the export keeps the filters it
 * started with and shows its progress here, with Cancel; a failed page can be retried without fetching the others again.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useHttpClient } from '../../../lib/http-client-context';
import { formatCampaignCount, formatCount } from '../format/format';
import type { CampaignFilters } from '../url-state/campaign-filters';
import type { ExportRow } from './export/campaigns-csv';
import type { ExportProgress } from './export/fetch-export-pages';
import styles from './tools.module.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ExportProgress }
  | { kind: 'confirming'; progress: ExportProgress; total: number; requests: number }
  | { kind: 'failed'; progress: ExportProgress; page: number; reason: string };

interface Job {
  filters: CampaignFilters;
  pages: ExportRow[][];
  controller: AbortController;
  /** Answers the confirmation the export is waiting for, if any. */
  answer?: (go: boolean) => void;
}

const NOTE_MS = 6_000;
const STARTING: ExportProgress = { pagesDone: 0, totalPages: null, total: null, retrying: false };

export function ExportCsv(props: { filters: CampaignFilters }) {
  const client = useHttpClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const job = useRef<Job | null>(null);
  const holder = useRef<HTMLDivElement>(null);
  // After the supervisor's own click, focus goes to the control that took the clicked one's place.
  const focusNext = useRef(false);
  const shownKind = useRef(phase.kind);
  // Removing the focused control fires no blur: this stays true when the export removed it, not when the supervisor left.
  const focusInside = useRef(false);
  const questionId = useId();

  // The same when the export changes its controls by itself (a question, a failure, the end) while focus is on them.
  useLayoutEffect(() => {
    if (shownKind.current === phase.kind) return;
    shownKind.current = phase.kind;
    const active = document.activeElement;
    const lost = focusInside.current && (active === null || active === document.body);
    const inside = active !== null && active !== document.body && holder.current?.contains(active);
    if (!focusNext.current && !lost && !inside) return;
    focusNext.current = false;
    holder.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [phase.kind]);

  // A note that stays would crowd the toolbar: it goes after a while (screen readers have announced it).
  useEffect(() => {
    if (!announcement) return;
    const timer = window.setTimeout(() => setAnnouncement(''), NOTE_MS);
    return () => window.clearTimeout(timer);
  }, [announcement]);

  // Leaving the list ends the export: nothing may keep requesting for a view no longer on screen.
  useEffect(() => () => job.current?.controller.abort(), []);

  async function run(current: Job) {
    setPhase((previous) => ({ kind: 'running', progress: previous.kind === 'idle' ? STARTING : previous.progress }));
    try {
      const { exportCampaigns } = await import('./export/export-campaigns');
      const outcome = await exportCampaigns({
        client,
        filters: current.filters,
        pages: current.pages,
        signal: current.controller.signal,
        // A resumed run knows no size until its first answer: the bar keeps what it showed.
        onProgress: (progress) =>
          setPhase((previous) =>
            previous.kind === 'idle'
              ? previous
              : {
                  kind: 'running',
                  progress: {
                    ...progress,
                    totalPages: progress.totalPages ?? previous.progress.totalPages,
                    total: progress.total ?? previous.progress.total,
                  },
                },
          ),
        confirm: (total, requests) =>
          new Promise<boolean>((resolve) => {
            current.answer = resolve;
            setPhase((previous) => (previous.kind === 'idle' ? previous : { kind: 'confirming', progress: previous.progress, total, requests }));
          }),
      });
      if (job.current !== current) return;
      if (outcome.done) {
        job.current = null;
        setPhase({ kind: 'idle' });
        setAnnouncement(`Exported ${formatCampaignCount(outcome.rows)} to ${outcome.fileName}`);
      } else {
        setPhase((previous) =>
          previous.kind === 'idle' ? previous : { kind: 'failed', progress: previous.progress, page: outcome.failedPage, reason: outcome.reason },
        );
      }
    } catch (error) {
      if (job.current !== current) return;
      // Cancelled, or the export's code did not load (a new deployment, the network): nothing is downloaded.
      job.current = null;
      setPhase({ kind: 'idle' });
      setAnnouncement(current.controller.signal.aborted ? 'Export cancelled' : `The export failed: ${(error as Error).message}`);
    }
  }

  function start() {
    const current: Job = { filters: props.filters, pages: [], controller: new AbortController() };
    job.current = current;
    focusNext.current = true;
    setAnnouncement('');
    void run(current);
  }

  function cancel() {
    const current = job.current;
    if (!current) return;
    job.current = null;
    current.controller.abort();
    current.answer?.(false);
    focusNext.current = true;
    setPhase({ kind: 'idle' });
    setAnnouncement('Export cancelled');
  }

  function retry() {
    if (!job.current) return;
    focusNext.current = true;
    void run(job.current);
  }

  function confirmLarge() {
    const current = job.current;
    if (!current?.answer) return;
    focusNext.current = true;
    setPhase((previous) => (previous.kind === 'confirming' ? { kind: 'running', progress: previous.progress } : previous));
    current.answer(true);
    current.answer = undefined;
  }

  const { pagesDone = 0, totalPages = null, retrying = false } = phase.kind === 'idle' ? {} : phase.progress;
  const position = totalPages === null ? 'Starting…' : `Page ${formatCount(pagesDone)} of ${formatCount(totalPages)}`;

  return (
    <div ref={holder} className={styles.export} onFocus={() => (focusInside.current = true)} onBlur={() => (focusInside.current = false)}>
      {phase.kind === 'idle' ? (
        <button type="button" onClick={start} data-autofocus="">
          <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16">
            <path fill="currentColor" d="M7.25 1.5h1.5v7.19l2.47-2.47 1.06 1.06L8 11.56 3.72 7.28l1.06-1.06 2.47 2.47V1.5ZM2 12.5h1.5V14h9v-1.5H14V15.5H2v-3Z" />
          </svg>
          Export CSV
        </button>
      ) : (
        <>
          <div className={styles.exportProgress}>
            <progress
              aria-label="Export progress"
              aria-valuetext={position}
              max={totalPages ?? undefined}
              value={totalPages === null ? undefined : pagesDone}
            />
            {phase.kind === 'failed' ? null : <span className={styles.exportPosition}>{position}</span>}
            {retrying && phase.kind === 'running' ? <span className={styles.exportNote}>Retrying…</span> : null}
          </div>
          {phase.kind === 'failed' ? (
            <>
              <p role="alert" className={styles.exportError}>
                Page {formatCount(phase.page)} of {formatCount(totalPages ?? phase.page)} failed: {phase.reason}
              </p>
              <button type="button" className="button-primary" onClick={retry} data-autofocus="">
                Retry
              </button>
            </>
          ) : null}
          <button type="button" onClick={cancel} data-autofocus={phase.kind === 'running' ? '' : undefined}>
            Cancel export
          </button>
        </>
      )}
      {phase.kind === 'confirming' ? (
        <div
          role="alertdialog"
          aria-labelledby={questionId}
          className={styles.menu}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancel();
          }}
        >
          <p id={questionId} className={styles.question}>
            Export {formatCampaignCount(phase.total)}? This makes {formatCount(phase.requests)} requests.
          </p>
          <div className={styles.questionActions}>
            <button type="button" className="button-primary" onClick={confirmLarge} data-autofocus="">
              Export
            </button>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <span role="status" className={announcement ? styles.exportNote : 'visually-hidden'}>
        {announcement}
      </span>
    </div>
  );
}
