import { useState } from 'react';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH, type CampaignFilters } from '../url-state/campaign-filters';
import { FILTER_LABELS, Field } from './filter-field';
import styles from './filter-bar.module.css';

type TextFilterKey = 'name' | 'userId' | 'recordListId' | 'doNotCallListId';

const TEXT_FILTERS: readonly { key: TextFilterKey; label: string; max: number }[] = [
  { key: 'name', label: FILTER_LABELS.name, max: MAX_TEXT_LENGTH },
  { key: 'userId', label: FILTER_LABELS.userId, max: MAX_ID_LENGTH },
  { key: 'recordListId', label: FILTER_LABELS.recordListId, max: MAX_ID_LENGTH },
  { key: 'doNotCallListId', label: FILTER_LABELS.doNotCallListId, max: MAX_ID_LENGTH },
];

/** The exact-name and id filters, folded away unless one is set or the API flagged one. */
export function MoreFilters(props: {
  filters: CampaignFilters;
  fieldErrors: Partial<Record<TextFilterKey, string>>;
  change: (patch: Partial<CampaignFilters>) => void;
}) {
  const { filters, fieldErrors, change } = props;
  const active = TEXT_FILTERS.some(({ key }) => filters[key]);
  const hasError = TEXT_FILTERS.some(({ key }) => fieldErrors[key]);
  return (
    <details className={styles.more} open={active || hasError || undefined}>
      <summary>More filters{active ? ' (active)' : ''}</summary>
      <div className={styles.moreFields}>
        {TEXT_FILTERS.map(({ key, label, max }) => (
          <TextFilter
            key={key}
            label={label}
            value={filters[key]}
            max={max}
            error={fieldErrors[key]}
            onCommit={(value) => change({ [key]: value })}
          />
        ))}
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
