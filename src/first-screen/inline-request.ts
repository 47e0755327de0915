/*
 * The inline script that sends the first view's requests while the page is parsed, and its JSON block: the server
 * puts both at the top of <head> (draw.tsx), and the boot script takes the requests over (first-view-request.ts).
 * Only the drawn screen uses this module.
 */
import { EARLY_REQUEST_ELEMENT_ID, EARLY_REQUEST_GLOBAL, TABLE_PREFERENCES_KEY, type EarlyRequestData } from './contract';
import { applyTablePreferences } from './table-preferences';

/**
 * Runs as the page's inline script, from its source text: it may use no import and no name from outside itself.
 * It checks only what it needs to send the requests; the boot script checks the session properly (session.ts) and
 * takes an answer only if it would have sent the same request.
 */
export function sendEarlyRequests(elementId: string, globalName: string): void {
  try {
    const data = JSON.parse(document.getElementById(elementId)?.textContent ?? 'null');
    const urls: unknown = data?.urls;
    if (!Array.isArray(urls)) return;
    const user = JSON.parse(sessionStorage.getItem(String(data.storageKey)) ?? 'null');
    const token: unknown = user?.access_token;
    if (typeof token !== 'string' || token === '') return;
    if (typeof user.expires_at === 'number' && user.expires_at * 1000 <= Date.now()) return;
    const init = data.init;
    init.headers.Authorization = `Bearer ${token}`;
    const sent: Record<string, { response: Promise<Response>; sentAt: number }> = {};
    for (const url of urls) {
      if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) continue;
      const response = fetch(url, init);
      // The boot script handles a failure; until it takes the answer, a failure must not count as unhandled.
      response.catch(() => undefined);
      sent[url] = { response, sentAt: performance.now() };
    }
    Object.defineProperty(window, globalName, { value: sent, configurable: true });
  } catch {
    // The boot script sends the requests.
  }
}

/**
 * The inline script's source: constant for a build, so the page's CSP can allow it by its hash. It also applies the
 * table's preferences (hidden columns, density) before the first frame.
 */
export const EARLY_REQUEST_SCRIPT =
  `(${sendEarlyRequests.toString()})(${JSON.stringify(EARLY_REQUEST_ELEMENT_ID)},${JSON.stringify(EARLY_REQUEST_GLOBAL)});` +
  `(${applyTablePreferences.toString()})(${JSON.stringify(TABLE_PREFERENCES_KEY)});`;

/** The JSON block's markup for `data` (`<` escaped, so no value can close the element). */
export function earlyRequestBlock(data: EarlyRequestData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${EARLY_REQUEST_ELEMENT_ID}">${json}</script>`;
}
