/*
 * The first thing to run: built as its own small entry and loaded by an async module script ahead of the main
 * bundle (src/server/boot-entry-plugin.ts), and main.tsx's first import. The first view's request leaves now, while
 * the main bundle (React, the router, the table) is still downloading. Only the production server inlines the
 * configuration; under the Vite dev and preview servers (configuration fetched from /app-config.json) main.tsx
 * starts the request a little later.
 */
import { startFirstViewRequest } from './first-view-request';
import { readInlineRuntimeConfig } from './load-runtime-config';

const config = readInlineRuntimeConfig(document);

export const bootFirstViewRequest = config ? startFirstViewRequest(config, window.location, window.sessionStorage) : null;
