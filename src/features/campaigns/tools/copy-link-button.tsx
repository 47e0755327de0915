import { useEffect, useState } from 'react';

/** Copies the view's full URL: opened elsewhere it shows the identical view. */
export function CopyLinkButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          navigator.clipboard.writeText(window.location.href).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16">
          <path
            fill="currentColor"
            d="M6.6 9.4a.75.75 0 0 1 0-1.06l3-3a.75.75 0 1 1 1.06 1.06l-3 3a.75.75 0 0 1-1.06 0ZM4.5 8 3.3 9.2a2.4 2.4 0 0 0 3.4 3.4L7.9 11.4l1.06 1.06-1.2 1.2a3.9 3.9 0 0 1-5.5-5.5l1.2-1.2L4.5 8Zm7-0 1.2-1.2a2.4 2.4 0 0 0-3.4-3.4L8.1 4.6 7.04 3.54l1.2-1.2a3.9 3.9 0 0 1 5.5 5.5l-1.2 1.2L11.5 8Z"
          />
        </svg>
        Copy link
      </button>
      <span role="status" className={state === 'idle' ? 'visually-hidden' : undefined}>
        {state === 'copied' ? 'Link copied' : state === 'failed' ? 'Could not copy: copy the address bar instead' : ''}
      </span>
    </>
  );
}
