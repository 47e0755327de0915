/*
 * The app itself, imported by main.tsx once the first rows are on screen (or there were none to paint). The first
 * render waits briefly for the rows already on their way: one complete paint instead of a skeleton that would flash
 * for a fraction of a second (and cost a render and a layout of its own). A slow answer gets the skeleton after
 * FIRST_VIEW_PATIENCE_MS.
 */
import { bootFirstViewRequest } from './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig } from './load-runtime-config';
import { App } from './app';
import { StartupError } from './startup-error';
import { adoptFirstViewRequest, startFirstViewRequest } from './first-view-request';
import { campaignKeys } from '../features/campaigns/api/campaign-queries';
import { ApiError } from '../lib/api-error';
import { createQueryClient } from '../lib/query-client';

/** How long the first render waits for the first view's rows before showing the skeleton. */
const FIRST_VIEW_PATIENCE_MS = 300;

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
    const firstView = bootFirstViewRequest ?? startFirstViewRequest(config, window.location, window.sessionStorage);
    const render = () =>
      root.render(
        <StrictMode>
          <App config={config} queryClient={queryClient} />
        </StrictMode>,
      );
    if (!firstView) return render();
    const adopted = adoptFirstViewRequest(queryClient, firstView, campaignKeys.list(firstView.filters));
    void Promise.race([adopted, delay(FIRST_VIEW_PATIENCE_MS)]).then(render);
  },
  (error: unknown) => root.render(<StartupError error={error} />),
);

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
