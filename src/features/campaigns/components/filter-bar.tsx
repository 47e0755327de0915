import { useEffect, useId, useRef, useState } from 'react';
import {
  CAMPAIGN_STATUSES,
  DIALING_MODES,
  MAX_ID_LENGTH,
  MAX_TEXT_LENGTH,
  PRIORITIES,
  hasActiveFilters,
  type CampaignFilters,
} from '../url-state/campaign-filters';
import type { FiltersUpdate, WriteOptions } from '../url-state/use-campaign-search';
import styles from './filter-bar.module.css';

export type FilterControl =
  | 'search'
  | 'status'
  | 'dialingMode'
  | 'priority'
  | 'createdFrom'
  | 'createdTo'
  | 'actionRequired'
  | 'name'
  | 'userId'
  | 'recordListId'
  | 'doNotCallListId';

export const SEARCH_DEBOUNCE_MS = 300;

const STATUS_LABELS: Record<(typeof CAMPAIGN_STATUSES)[number], string> = {
  incomplete: 'Incomplete',
  ready: 'Ready',
  running: 'Running',
  paused: 'Paused',
};

interface FilterBarProps {
  filters: CampaignFilters;
  /** Applies a change to the latest state; every filter change returns to page 1. */
  onChange: (update: FiltersUpdate, options?: WriteOptions) => void;
  onClear: () => void;
  /** Messages from the API's 400 `fields`, shown beside the control they name. */
  fieldErrors: Partial<Record<FilterControl, string>>;
  /** The canonical query string of the whole view: any change of it may need the search box to follow. */
  view: string;
}

export function FilterBar({ filters, onChange, onClear, fieldErrors, view }: FilterBarProps) {
  const change = (patch: Partial<CampaignFilters>, options?: WriteOptions) =>
    onChange((current) => ({ ...current, ...patch, page: 1 }), options);
  const moreActive = Boolean(filters.name || filters.userId || filters.recordListId || filters.doNotCallListId);
  const moreHasError = Boolean(fieldErrors.name || fieldErrors.userId || fieldErrors.recordListId || fieldErrors.doNotCallListId);
  // On a phone everything but search folds away behind one button; an error in a folded filter unfolds it.
  const [unfolded, setUnfolded] = useState(false);
  const foldedCount = countFoldedFilters(filters);
  const open = unfolded || Object.keys(fieldErrors).some((control) => control !== 'search');
  const foldId = useId();

  return (
    <section className={styles.bar} aria-label="Filters" data-open={open}>
      <div className={styles.row}>
        <SearchBox value={filters.search} view={view} error={fieldErrors.search} onCommit={(search) => change({ search }, { replace: true })} />
        <button
          type="button"
          className={styles.foldToggle}
          aria-expanded={open}
          aria-controls={foldId}
          onClick={() => setUnfolded((value) => !value)}
        >
          Filters{foldedCount > 0 ? ` (${foldedCount})` : ''}
        </button>
        <div className={`${styles.fields} ${styles.foldable}`} id={foldId}>
          <Field label="Status" error={fieldErrors.status}>
            {(props) => (
              <select {...props} value={filters.status ?? ''} onChange={(e) => change({ status: (e.target.value || null) as CampaignFilters['status'] })}>
                <option value="">All</option>
                {CAMPAIGN_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Dialing mode" error={fieldErrors.dialingMode}>
            {(props) => (
              <select
                {...props}
                value={filters.dialingMode ?? ''}
                onChange={(e) => change({ dialingMode: (e.target.value || null) as CampaignFilters['dialingMode'] })}
              >
                <option value="">All</option>
                {DIALING_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {mode === 'PREDICTIVE' ? 'Predictive' : 'Preview'}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Priority" error={fieldErrors.priority}>
            {(props) => (
              <select
                {...props}
                value={filters.priority ?? ''}
                onChange={(e) => change({ priority: e.target.value ? Number(e.target.value) : null })}
              >
                <option value="">Any</option>
                {PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {priority}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Created from" error={fieldErrors.createdFrom}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={filters.createdFrom ?? ''}
                max={filters.createdTo ?? undefined}
                onChange={(e) => change({ createdFrom: e.target.value || null })}
              />
            )}
          </Field>
          <Field label="Created to" error={fieldErrors.createdTo}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={filters.createdTo ?? ''}
                min={filters.createdFrom ?? undefined}
                onChange={(e) => change({ createdTo: e.target.value || null })}
              />
            )}
          </Field>
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={filters.actionRequired === true}
              onChange={(e) => change({ actionRequired: e.target.checked ? true : null })}
            />
            Needs action only
          </label>
        </div>
      </div>
      <div className={`${styles.row} ${styles.foldable}`}>
        <details className={styles.more} open={moreActive || moreHasError || undefined}>
          <summary>More filters{moreActive ? ' (active)' : ''}</summary>
          <div className={styles.moreFields}>
            <TextFilter label="Name" value={filters.name} max={MAX_TEXT_LENGTH} error={fieldErrors.name} onCommit={(name) => change({ name })} />
            <TextFilter label="User ID" value={filters.userId} max={MAX_ID_LENGTH} error={fieldErrors.userId} onCommit={(userId) => change({ userId })} />
            <TextFilter
              label="Record list ID"
              value={filters.recordListId}
              max={MAX_ID_LENGTH}
              error={fieldErrors.recordListId}
              onCommit={(recordListId) => change({ recordListId })}
            />
            <TextFilter
              label="Do-not-call list ID"
              value={filters.doNotCallListId}
              max={MAX_ID_LENGTH}
              error={fieldErrors.doNotCallListId}
              onCommit={(doNotCallListId) => change({ doNotCallListId })}
            />
          </div>
        </details>
        <button type="button" className={styles.clear} onClick={onClear} disabled={!hasActiveFilters(filters)}>
          Clear filters
        </button>
      </div>
    </section>
  );
}

interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

function Field(props: { label: string; error?: string; className?: string; children: (control: ControlProps) => React.ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`${styles.field} ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, ...(props.error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}) })}
      {props.error ? (
        <span id={errorId} className={styles.error}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

function countFoldedFilters(filters: CampaignFilters): number {
  return [
    filters.status,
    filters.dialingMode,
    filters.priority,
    filters.createdFrom,
    filters.createdTo,
    filters.actionRequired,
    filters.name || null,
    filters.userId || null,
    filters.recordListId || null,
    filters.doNotCallListId || null,
  ].filter((value) => value !== null).length;
}

/** Typing writes to the URL (with replace) once the supervisor pauses: one request for a typed word. */
function SearchBox(props: { value: string; view: string; error?: string; onCommit: (value: string) => void }) {
  const { value, view, onCommit } = props;
  const [draft, setDraft] = useState(value);
  const draftRef = useRef(value);
  const committed = useRef(value);
  const timer = useRef<number | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  const cancelPending = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  };

  // The view changed under the box (Back, Forward, Clear filters, or another change that overtook this box's
  // own write): show what the URL says, unless the supervisor is in the middle of typing.
  useEffect(() => {
    const typing = timer.current !== undefined && document.activeElement === input.current;
    if (typing || (draftRef.current.trim() === value && committed.current === value)) return;
    cancelPending();
    committed.current = value;
    draftRef.current = value;
    setDraft(value);
  }, [value, view]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commit = (next: string) => {
    cancelPending();
    const trimmed = next.trim();
    if (trimmed === committed.current) return;
    committed.current = trimmed;
    onCommit(trimmed);
  };

  return (
    <Field label="Search campaigns" error={props.error} className={styles.search}>
      {(control) => (
        <input
          {...control}
          type="search"
          placeholder="Search by name"
          maxLength={MAX_TEXT_LENGTH}
          autoComplete="off"
          spellCheck={false}
          ref={input}
          value={draft}
          onChange={(e) => {
            const next = e.target.value;
            draftRef.current = next;
            setDraft(next);
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => commit(next), SEARCH_DEBOUNCE_MS);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(draft);
          }}
        />
      )}
    </Field>
  );
}

/** Id and exact-name filters apply when the field is left or Enter is pressed, not on every keystroke. */
function TextFilter(props: { label: string; value: string; max: number; error?: string; onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState(props.value);
  const [shown, setShown] = useState(props.value);
  if (props.value !== shown) {
    setShown(props.value);
    setDraft(props.value);
  }
  const commit = () => {
    if (draft.trim() !== props.value) props.onCommit(draft.trim());
  };
  return (
    <Field label={props.label} error={props.error}>
      {(control) => (
        <input
          {...control}
          type="text"
          maxLength={props.max}
          autoComplete="off"
          spellCheck={false}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      )}
    </Field>
  );
}
