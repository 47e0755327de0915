/*
 * The first view's requests, sent while the page is still being parsed. For a list URL (or a detail link, whose
 * panel opens over the list) the production server puts two elements at the top of <head> (src/app/first-screen.tsx,
 * src/server/static.ts): a JSON block with the exact API URLs of that view (the list's, and the panel's for a detail
 * link) and the session's storage key, and an inline script whose source is sendEarlyRequests
 * (early-request-script.ts; the page's CSP allows it by its hash). The script sends the requests with the stored
 * access token before a single script file has been downloaded; the boot script (first-view-request.ts) then takes
 * their answers instead of asking again. When the script sent nothing (nobody signed in, an expired token, a damaged
 * block), or for a URL other than the one the boot script would ask for, the boot script sends the request itself,
 * as it always can.
 */
import type { apiRequestInit } from '../lib/http-client';
import type { SentRequest } from './first-view-request';

export const EARLY_REQUEST_ELEMENT_ID = 'first-view-early-request';
export const EARLY_REQUEST_GLOBAL = '__firstViewEarlyRequest';

/** What the server writes into the JSON block. */
export interface EarlyRequestData {
  /** The list's request, then for a detail link the panel's. */
  urls: string[];
  storageKey: string;
  init: ReturnType<typeof apiRequestInit>;
}

/**
 * The request the page sent early for `url`, if it sent one, else null. Each is taken at most once: a later request
 * for the same URL must be a new one.
 */
export function takeEarlyRequest(win: Window, url: string): SentRequest | null {
  const sent = (win as unknown as Record<string, Record<string, SentRequest> | undefined>)[EARLY_REQUEST_GLOBAL];
  const request = sent && Object.hasOwn(sent, url) ? sent[url] : undefined;
  if (!request) return null;
  delete sent![url];
  return { response: request.response, sentAt: request.sentAt };
}
