import { useEffect, useEffectEvent, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ApiError, describeApiError } from '../../../lib/api-error';
import { useHttpClient } from '../../../lib/http-client-context';
import { campaignDetailOptions } from '../api/campaign-queries';
import { CampaignDetails } from './campaign-detail-sections';
import styles from './campaign-detail-panel.module.css';

const throwForbidden = (error: Error) => error instanceof ApiError && error.status === 403;

export default function CampaignDetailPanel(props: { campaignId: string }) {
  const client = useHttpClient();
  const navigate = useNavigate();
  const location = useLocation();
  const panel = useRef<HTMLDivElement>(null);
  const detail = useQuery({ ...campaignDetailOptions(client, props.campaignId), throwOnError: throwForbidden });
  const openedFromList = (location.state as { fromList?: boolean } | null)?.fromList === true;

  const close = () => {
    // Opened from the list: going back returns to exactly that entry. Opened from a link: replace with the list.
    if (openedFromList) navigate(-1);
    else navigate({ pathname: '/', search: location.search }, { replace: true });
  };
  const onEscape = useEffectEvent(close);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onEscape();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const campaign = detail.data;
  return (
    <div className={styles.backdrop} onMouseDown={(event) => event.target === event.currentTarget && close()}>
      <div
        ref={panel}
        className={styles.panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby="campaign-detail-title"
        aria-busy={detail.isPending}
        tabIndex={-1}
        onKeyDown={(event) => trapFocus(event, panel.current)}
      >
        <header className={styles.header}>
          <div className={styles.heading}>
            <p className={styles.eyebrow}>Campaign</p>
            <h2 id="campaign-detail-title" className={styles.title}>
              <bdi>{campaign?.name ?? (detail.isError ? 'Campaign unavailable' : 'Loading…')}</bdi>
            </h2>
          </div>
          <button type="button" onClick={close}>
            Close
          </button>
        </header>
        <div className={styles.body} tabIndex={0} role="region" aria-label="Campaign details">
          {detail.isError ? (
            <div role="alert" className={styles.error}>
              <p>
                {detail.error instanceof ApiError && detail.error.status === 404
                  ? 'This campaign does not exist or was deleted.'
                  : describeApiError(detail.error)}
              </p>
              <button type="button" onClick={() => void detail.refetch()}>
                Retry
              </button>
            </div>
          ) : campaign ? (
            <CampaignDetails campaign={campaign} />
          ) : (
            <p className={styles.loading}>Loading campaign…</p>
          )}
        </div>
      </div>
    </div>
  );
}

function trapFocus(event: React.KeyboardEvent, container: HTMLElement | null) {
  if (event.key !== 'Tab' || !container) return;
  const focusable = container.querySelectorAll<HTMLElement>('button, a[href], input, select, [tabindex]:not([tabindex="-1"])');
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && (document.activeElement === first || document.activeElement === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
