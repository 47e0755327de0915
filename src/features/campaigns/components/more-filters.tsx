import { useState } from 'react';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH, type CampaignFilters } from '../campaign-filters';
import { Field } from './filter-field';
import styles from './filter-bar.module.css';

type MoreFilterControl = 'name' | 'userId' | 'recordListId' | 'doNotCallListId';

/** The exact-name and id filters, folded away unless one is set or the API flagged one. */
export function MoreFilters(props: {
  filters: CampaignFilters;
  fieldErrors: Partial<Record<MoreFilterControl, string>>;
  change: (patch: Partial<CampaignFilters>) => void;
}) {
  const { filters, fieldErrors, change } = props;
  const active = Boolean(filters.name || filters.userId || filters.recordListId || filters.doNotCallListId);
  const hasError = Boolean(fieldErrors.name || fieldErrors.userId || fieldErrors.recordListId || fieldErrors.doNotCallListId);
  return (
    <details className={styles.more} open={active || hasError || undefined}>
      <summary>More filters{active ? ' (active)' : ''}</summary>
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
