import type { ReactNode } from 'react';
import { useAuth } from '../features/auth/use-auth';
import { displayName, SIGNED_IN_USER_ATTRIBUTE } from '../features/auth/session';
import styles from './app-layout.module.css';

export function AppLayout(props: { children: ReactNode }) {
  const { session, regionLabel, signOut } = useAuth();
  const who = displayName(session);
  return (
    <div className={styles.shell}>
      <a className="skip-link" href="#main">
        Skip to campaigns
      </a>
      <header className={styles.header}>
        <div className={styles.brand}>
          <svg aria-hidden="true" width="24" height="24" viewBox="0 0 32 32">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M9 11h14M9 16h14M9 21h9" stroke="var(--surface)" strokeWidth="2.5" strokeLinecap="round" />
          </svg>
          <span>Talkdesk Campaigns</span>
        </div>
        <div className={styles.session}>
          <span className={styles.region} title="Talkdesk region">
            <span className="visually-hidden">Region: </span>
            {regionLabel}
          </span>
          <span className={styles.user} title={who} {...{ [SIGNED_IN_USER_ATTRIBUTE]: '' }}>
            <span className="visually-hidden">Signed in as </span>
            {who}
          </span>
          <button type="button" className={styles.signOut} onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}
