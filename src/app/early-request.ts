/*
 * The first view's request, sent while the page is still being parsed. For a list URL (or a detail link, whose
 * panel opens over the list) the production server puts two elements at the top of <head> (src/app/first-screen.tsx,
 * src/server/static.ts): a JSON block with the exact API URL of that view and the session's storage key, and an
 * inline script whose source is sendEarlyRequest (early-request-script.ts; the page's CSP allows it by its hash). The script sends the request with the stored access token before a
 * single script file has been downloaded; the boot script (first-view-request.ts) then takes its answer instead of
 * asking again. When the script sent nothing (nobody signed in, an expired token, a damaged block), or for a URL
 * other than the one the boot script would ask for, the boot script sends the request itself, as it always can.
 */
import type { apiRequestInit } from '../lib/http-client';
import type { SentRequest } from './first-view-request';

export const EARLY_REQUEST_ELEMENT_ID = 'first-view-early-request';
export const EARLY_REQUEST_GLOBAL = '__firstViewEarlyRequest';

/** What the server writes into the JSON block. */
export interface EarlyRequestData {
  url: string;
  storageKey: string;
  init: ReturnType<typeof apiRequestInit>;
}

interface EarlyRequest {
  url: string;
  response: Promise<Response>;
  sentAt: number;
}

/**
 * The request the page sent early, if it was for `url`, else null. Either way it is taken at most once: a later request
 * for the same view must be a new one.
 */
export function takeEarlyRequest(win: Window, url: string): SentRequest | null {
  const slot = win as unknown as Record<string, EarlyRequest | undefined>;
  const early = slot[EARLY_REQUEST_GLOBAL];
  if (!early) return null;
  delete slot[EARLY_REQUEST_GLOBAL];
  return early.url === url ? { response: early.response, sentAt: early.sentAt } : null;
}
