import type { ReactNode } from 'react';
import styles from './auth-message-page.module.css';

/** A plain full-page message for the moments around sign-in: progress, errors, signed out, forbidden. */
export function AuthMessagePage(props: { title: string; detail?: ReactNode; busy?: boolean; children?: ReactNode }) {
  return (
    <main className={styles.page} aria-busy={props.busy || undefined}>
      <div className={styles.card}>
        <p className={styles.brand}>Talkdesk Campaigns</p>
        <h1 className={styles.title}>{props.title}</h1>
        {props.detail ? <p className={styles.detail}>{props.detail}</p> : null}
        {props.children ? <div className={styles.actions}>{props.children}</div> : null}
      </div>
    </main>
  );
}
