import type { CampaignStatus } from '../api/campaign-schemas';
import styles from './badges.module.css';

const LABELS: Record<CampaignStatus, string> = {
  INCOMPLETE: 'Incomplete',
  READY: 'Ready',
  RUNNING: 'Running',
  PAUSED: 'Paused',
};

const ICONS: Record<CampaignStatus, string> = {
  INCOMPLETE: '◌',
  READY: '○',
  RUNNING: '▶',
  PAUSED: '❚❚',
};

export function StatusBadge(props: { status: CampaignStatus }) {
  return (
    <span className={`${styles.badge} ${styles[props.status.toLowerCase()]}`}>
      <span aria-hidden="true" className={styles.icon}>
        {ICONS[props.status]}
      </span>
      {LABELS[props.status]}
    </span>
  );
}

export function NeedsActionBadge() {
  return (
    <span className={`${styles.badge} ${styles.attention}`}>
      <svg aria-hidden="true" width="12" height="12" viewBox="0 0 16 16" className={styles.icon}>
        <path fill="currentColor" d="M8 1 15.5 14.5H.5L8 1Zm-.9 5v4.2h1.8V6H7.1Zm0 5.4V13h1.8v-1.6H7.1Z" />
      </svg>
      Needs action
    </span>
  );
}
