import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig } from './app/load-runtime-config';
import { App } from './app/app';
import { StartupError } from './app/startup-error';
import { prefetchFirstView } from './app/startup-prefetch';
import { ApiError } from './lib/api-error';
import { createQueryClient } from './lib/query-client';
import './app/global.css';

/** How long the first render may wait for the first campaigns, so it paints rows rather than a skeleton first. */
const FIRST_ROWS_WAIT_MS = 120;

const root = createRoot(document.getElementById('root')!, {
  // A 403 is an expected answer, shown as its own page by an error boundary: not worth a console error.
  onCaughtError: (error) => {
    if (error instanceof ApiError && error.status === 403) return;
    console.error(error);
  },
});

loadRuntimeConfig().then(
  async (config) => {
    const queryClient = createQueryClient();
    await Promise.race([prefetchFirstView(config, queryClient), new Promise((resolve) => setTimeout(resolve, FIRST_ROWS_WAIT_MS))]);
    root.render(
      <StrictMode>
        <App config={config} queryClient={queryClient} />
      </StrictMode>,
    );
  },
  (error: unknown) => root.render(<StartupError error={error} />),
);
