import { useId } from 'react';
import styles from './filter-bar.module.css';

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
