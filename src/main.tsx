import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig } from './app/load-runtime-config';
import { App } from './app/app';
import { StartupError } from './app/startup-error';
import { prefetchFirstView } from './app/startup-prefetch';
import { ApiError } from './lib/api-error';
import { createQueryClient } from './lib/query-client';
import './app/global.css';

const root = createRoot(document.getElementById('root')!, {
  // A 403 is an expected answer, shown as its own page by an error boundary: not worth a console error.
  onCaughtError: (error) => {
    if (error instanceof ApiError && error.status === 403) return;
    console.error(error);
  },
});

loadRuntimeConfig().then(
  (config) => {
    // Not awaited: over a real network the first render (the skeleton) is better done while the request travels.
    const queryClient = createQueryClient();
    void prefetchFirstView(config, queryClient);
    root.render(
      <StrictMode>
        <App config={config} queryClient={queryClient} />
      </StrictMode>,
    );
  },
  (error: unknown) => root.render(<StartupError error={error} />),
);
