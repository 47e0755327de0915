import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig } from './app/load-runtime-config';
import { App } from './app/app';
import { StartupError } from './app/startup-error';
import { ApiError } from './lib/api-error';
import './app/global.css';

const root = createRoot(document.getElementById('root')!, {
  // A 403 is an expected answer, shown as its own page by an error boundary: not worth a console error.
  onCaughtError: (error) => {
    if (error instanceof ApiError && error.status === 403) return;
    console.error(error);
  },
});

loadRuntimeConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  (error: unknown) => root.render(<StartupError error={error} />),
);
