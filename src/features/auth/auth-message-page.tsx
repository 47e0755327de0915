import type { ReactNode } from 'react';
import styles from './auth-message-page.module.css';

/**
 * A plain full-page message for the moments around sign-in: progress, errors, signed out, forbidden. Inside the
 * app's layout (which has the brand and the main landmark) it renders as a plain section.
 */
export function AuthMessagePage(props: { title: string; detail?: ReactNode; busy?: boolean; inLayout?: boolean; children?: ReactNode }) {
  const Container = props.inLayout ? 'section' : 'main';
  return (
    <Container className={styles.page} aria-busy={props.busy || undefined} aria-labelledby="auth-message-title">
      <div className={styles.card}>
        {props.inLayout ? null : <p className={styles.brand}>Talkdesk Campaigns</p>}
        <h1 id="auth-message-title" className={styles.title}>
          {props.title}
        </h1>
        {props.detail ? <p className={styles.detail}>{props.detail}</p> : null}
        {props.children ? <div className={styles.actions}>{props.children}</div> : null}
      </div>
    </Container>
  );
}
