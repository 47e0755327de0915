/*
 * The app itself, imported by main.tsx once the first rows are on screen (or there were none to paint). Its first
 * render waits for the rows already on their way, up to the first view's patience (see first-view-request.ts).
 */
import { bootFirstViewRequest } from './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig } from './load-runtime-config';
import { App } from './app';
import { StartupError } from './startup-error';
import { firstViewPatience } from './first-view-patience';
import { adoptFirstViewRequest, startFirstViewRequest } from './first-view-request';
import { campaignKeys } from '../features/campaigns/api/campaign-queries';
import { loadDetailPanel } from '../features/campaigns/campaign-detail-route';
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
    const firstView = bootFirstViewRequest ?? startFirstViewRequest(config, window.location, window.sessionStorage);
    const render = () => {
      root.render(
        <StrictMode>
          <App config={config} queryClient={queryClient} />
        </StrictMode>,
      );
      // Then the detail panel's code, while nothing else is going on: the first campaign opened opens at once.
      (window.requestIdleCallback ?? setTimeout)(() => void loadDetailPanel());
    };
    if (!firstView) return render();
    const { detail } = firstView;
    const answers = [adoptFirstViewRequest(queryClient, firstView.page, campaignKeys.list(firstView.filters))];
    if (detail) answers.push(adoptFirstViewRequest(queryClient, detail.campaign, campaignKeys.detail(detail.id)));
    // On a detail link the first render has the panel: it waits for the panel's code (a failed load leaves the panel
    // to load it itself), and for the answers within the first view's patience.
    const panelCode = detail && loadDetailPanel().catch(() => undefined);
    void Promise.race([Promise.all(answers), firstViewPatience()])
      .then(() => panelCode)
      .then(render);
  },
  (error: unknown) => root.render(<StartupError error={error} />),
);
