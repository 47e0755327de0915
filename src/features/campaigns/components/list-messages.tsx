/* What the list says besides its rows: a link that could not be used whole, a view that failed, an empty view. */
import type { ReactNode } from 'react';
import { describeApiError, type ApiFieldError } from '../../../lib/api-error';
import { FILTER_LABELS, type FilterControl } from './filter-field';
import styles from './campaign-list.module.css';

export function IgnoredLinkNotice(props: { ignored: string[]; onDismiss: () => void }) {
  return (
    <div className={styles.notice} role="status">
      <div>
        <p className={styles.noticeTitle}>Some of this link could not be used, so it was left out:</p>
        <ul>
          {props.ignored.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={props.onDismiss} aria-label="Dismiss notice">
        Dismiss
      </button>
    </div>
  );
}

interface ListErrorProps {
  error: Error;
  /** Field errors no control shows beside itself. */
  otherFields: ApiFieldError[];
  /** The last rows that loaded are still on screen, dimmed. */
  showingStaleRows: boolean;
  onRetry: () => void;
  /** The filters a refused view's answer names: each is offered cleared instead of a retry, which would fail again. */
  refused: FilterControl[] | null;
  onClearFilter: (control: FilterControl) => void;
}

/** What went wrong with a view, in a line: above the table, and across it when it has no rows to show. */
export function listErrorTitle(refused: FilterControl[] | null): string {
  return refused ? 'Talkdesk did not accept these filters.' : 'Campaigns could not be loaded.';
}

export function ListError(props: ListErrorProps) {
  const { error } = props;
  return (
    <div className={styles.error} role="alert">
      <div>
        <p className={styles.errorTitle}>{listErrorTitle(props.refused)}</p>
        <p>{describeApiError(error)}</p>
        {props.otherFields.length ? (
          <ul>
            {props.otherFields.map((field) => (
              <li key={field.name}>
                <code>{field.name}</code>: {field.description}
              </li>
            ))}
          </ul>
        ) : null}
        {props.showingStaleRows ? <p className={styles.errorHint}>The dimmed rows are the last that loaded; they may not match these filters.</p> : null}
      </div>
      {/* A refusal naming no filter the bar shows leaves the bar's own Clear filters. */}
      {props.refused?.map((control) => (
        <button key={control} type="button" onClick={() => props.onClearFilter(control)}>
          Clear {FILTER_LABELS[control]}
        </button>
      )) ?? (
        <button type="button" onClick={props.onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** Across the table body when a view has no rows: no campaigns at all, or none matching the filters. */
export function EmptyList(props: { filtered: boolean; onClear: () => void }): ReactNode {
  return props.filtered ? (
    <div className={styles.empty}>
      <p className={styles.emptyTitle}>No campaigns match these filters</p>
      <button type="button" onClick={props.onClear}>
        Clear filters
      </button>
    </div>
  ) : (
    <div className={styles.empty}>
      <p className={styles.emptyTitle}>No campaigns yet</p>
      <p>Campaigns created in Talkdesk appear here.</p>
    </div>
  );
}
