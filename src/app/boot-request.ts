/*
 * The first view's request, sent as soon as the page's script runs: boot.ts imports this module before anything it
 * needs only to paint the answer, so those modules are evaluated while the request is on its way.
 */
import { startFirstViewRequest } from './first-view-request';
import { readInlineRuntimeConfig } from './load-runtime-config';

const config = readInlineRuntimeConfig(document);

export const bootFirstViewRequest = config ? startFirstViewRequest(config, window.location, window.sessionStorage) : null;
