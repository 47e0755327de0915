import { useId } from 'react';
import styles from './filter-bar.module.css';

/** Every filter control's label, as the bar shows it and as a message naming the filter says it. */
export const FILTER_LABELS = {
  search: 'Search campaigns',
  status: 'Status',
  dialingMode: 'Dialing mode',
  priority: 'Priority',
  createdFrom: 'Created from',
  createdTo: 'Created to',
  actionRequired: 'Needs action only',
  name: 'Name',
  userId: 'User ID',
  recordListId: 'Record list ID',
  doNotCallListId: 'Do-not-call list ID',
} as const;

/** A filter the bar shows: each is one field of the view's filter state. */
export type FilterControl = keyof typeof FILTER_LABELS;

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A labelled filter control with its API error, if any, as the control's description. */
export function Field(props: { label: string; error?: string; className?: string; children: (control: ControlProps) => React.ReactNode }) {
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
