/*
 * The first view's request, sent as soon as the page's script runs (or taken over from the page's inline script,
 * which sent it while the page was parsed: early-request.ts): boot.ts imports this module before anything it needs
 * only to paint the answer, so those modules are evaluated while the request is on its way.
 */
import { takeEarlyRequest } from './early-request';
import { startFirstViewRequest } from './first-view-request';
import { readInlineRuntimeConfig } from './load-runtime-config';

const config = readInlineRuntimeConfig(document);

export const bootFirstViewRequest = config
  ? startFirstViewRequest(config, window.location, window.sessionStorage, (url) => takeEarlyRequest(window, url))
  : null;
