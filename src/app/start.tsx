/*
 * The app itself, imported by main.tsx once the first rows are on screen (or there were none to paint). Its first
 * render takes over the first screen (src/first-screen/takeover.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig } from '../first-screen/load-runtime-config';
import { takeOverFirstView } from '../first-screen/takeover';
import { App } from './app';
import { StartupError } from './startup-error';
import { loadDetailPanel } from '../features/campaigns/routes/campaign-detail-route';
import { ApiError } from '../lib/api-error';
import { createQueryClient } from '../lib/query-client';

const root = createRoot(document.getElementById('root')!, {
  // A 403 is an expected answer, shown as its own page by an error boundary: not worth a console error.
  onCaughtError: (error) => {
    if (error instanceof ApiError && error.status === 403) return;
    console.error(error);
  },
});

loadRuntimeConfig().then(
  (config) => {
    const queryClient = createQueryClient();
    void takeOverFirstView(queryClient, config).then(() => {
      root.render(
        <StrictMode>
          <App config={config} queryClient={queryClient} />
        </StrictMode>,
      );
      // Then the detail panel's code, while nothing else is going on: the first campaign opened opens at once.
      (window.requestIdleCallback ?? setTimeout)(() => void loadDetailPanel());
    });
  },
  (error: unknown) => root.render(<StartupError error={error} />),
);
