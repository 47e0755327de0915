/* The line above the table: how many campaigns the view has, and how many need action (a toggle to show just those). */
import type { CampaignPage } from '../api/campaign-schemas';
import { formatCampaignCount, formatCount } from '../format/format';
import { CAMPAIGNS_SUMMARY_ID } from './campaign-columns';
import styles from './campaign-list.module.css';

interface ListSummaryProps {
  page: CampaignPage | null;
  /** Null while unknown. */
  needActionCount: number | null;
  showingOnlyNeedAction: boolean;
  onToggleNeedAction: () => void;
}

export function ListSummary(props: ListSummaryProps) {
  const { needActionCount } = props;
  return (
    <div className={styles.summaryRow}>
      <p id={CAMPAIGNS_SUMMARY_ID} className={styles.total}>
        {props.page ? formatCampaignCount(props.page.total) : '\u00a0'}
      </p>
      {needActionCount !== null && needActionCount > 0 ? (
        <button type="button" className={styles.needAction} aria-pressed={props.showingOnlyNeedAction} onClick={props.onToggleNeedAction}>
          <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16">
            <path fill="currentColor" d="M8 1 15.5 14.5H.5L8 1Zm-.9 5v4.2h1.8V6H7.1Zm0 5.4V13h1.8v-1.6H7.1Z" />
          </svg>
          {formatCount(needActionCount)} need action
        </button>
      ) : needActionCount === 0 ? (
        <p className={styles.allClear}>None need action</p>
      ) : null}
    </div>
  );
}
