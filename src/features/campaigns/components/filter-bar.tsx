import { useEffect, useId, useRef, useState } from 'react';
import { MAX_TEXT_LENGTH, countActiveFilters, hasActiveFilters, type CampaignFilters } from '../url-state/campaign-filters';
import type { FiltersUpdate, WriteOptions } from '../url-state/use-campaign-search';
import { FILTER_LABELS, Field, type FilterControl } from './filter-field';
import { MoreFilters } from './more-filters';
import { SELECT_FILTERS, SelectFilter } from './select-filter';
import styles from './filter-bar.module.css';


export const SEARCH_DEBOUNCE_MS = 300;

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
  // On a phone everything but search folds away behind one button; an error in a folded filter unfolds it.
  const [unfolded, setUnfolded] = useState(false);
  const foldedCount = countActiveFilters(filters) - (filters.search ? 1 : 0);
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
          {SELECT_FILTERS.map((description) => (
            <SelectFilter
              key={description.key}
              description={description}
              value={filters[description.key]}
              error={fieldErrors[description.key]}
              onChange={(value) => change({ [description.key]: value })}
            />
          ))}
          <Field label={FILTER_LABELS.createdFrom} error={fieldErrors.createdFrom}>
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
          <Field label={FILTER_LABELS.createdTo} error={fieldErrors.createdTo}>
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
            {FILTER_LABELS.actionRequired}
          </label>
        </div>
      </div>
      <div className={`${styles.row} ${styles.foldable}`}>
        <MoreFilters filters={filters} fieldErrors={fieldErrors} change={change} />
        <button type="button" className={styles.clear} onClick={onClear} disabled={!hasActiveFilters(filters)}>
          Clear filters
        </button>
      </div>
    </section>
  );
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
    <Field label={FILTER_LABELS.search} error={props.error} className={styles.search}>
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
