/*
 * main.tsx's first import, so this runs before React and the rest of the bundle are evaluated: the first view's
 * request leaves now and travels while they are. Only the production server inlines the configuration; under the
 * Vite dev and preview servers (configuration fetched from /app-config.json) main.tsx starts it a little later.
 */
import { startFirstViewRequest } from './first-view-request';
import { readInlineRuntimeConfig } from './load-runtime-config';

const config = readInlineRuntimeConfig(document);

export const bootFirstViewRequest = config ? startFirstViewRequest(config, window.location, window.sessionStorage) : null;
