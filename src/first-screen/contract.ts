/*
 * The first screen: how a returning supervisor's cold load reaches its rows about as soon as a plain page could.
 *
 * 1. Request. The production server (src/server/static.ts) gets a list URL (`/`, or `/campaigns/:id` whose panel
 *    opens over the list) and answers index.html with the public configuration inlined and the first screen drawn.
 * 2. Drawn page. `draw.tsx`, built for Node by `node/build-first-screen.ts` and loaded by `node/load-first-screen.ts`,
 *    renders the view at that URL with React (header, filters, sort, skeleton rows), hidden and inert, and puts the
 *    view's exact API URLs and the inline script at the top of <head>.
 * 3. Inline request. `inline-request.ts` is that script: it sends the view's requests with the stored token while the
 *    page is still being parsed, before any script file has arrived (the CSP allows it by its hash). It also applies
 *    the supervisor's hidden columns and density (`table-preferences.ts`), so the first frame already honours them.
 * 4. Boot. The entry (src/main.tsx, loaded as `node/entry-loading.ts` arranges) runs `boot.ts`, which takes those
 *    requests over (`first-view-request.ts`; it sends them itself when the page did not) and starts the app's
 *    download (`preload-app.ts`).
 * 5. Paint. `paint.ts` writes the answer into the drawn screen with the table's own row template
 *    (src/features/campaigns/components/campaign-columns.tsx, through `react-node-to-dom.ts`), before React has been
 *    evaluated: the rows the window shows first, the rest a frame later.
 * 6. Takeover. The app (src/app/start.tsx, evaluated after the rows) adopts the requests in flight through
 *    `takeover.ts` (one request per view) and renders the same screen in place of the drawn one; clicks made meanwhile
 *    are given to what is then under them.
 *
 * This module holds what the steps agree on. It imports nothing, so the server, the build and the tests can use it.
 */

/** Marks the drawn screen inside #root; React's first render replaces it. */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';

/** Id of the JSON block with the view's API URLs, which the inline script reads. */
export const EARLY_REQUEST_ELEMENT_ID = 'early-request';
/** The global under which the inline script leaves its requests for the boot script. */
export const EARLY_REQUEST_GLOBAL = '__earlyRequest';

/** Id of the JSON block listing the app's chunks (written by node/entry-loading.ts, read by preload-app.ts). */
export const APP_CHUNKS_ELEMENT_ID = 'app-chunks';

/**
 * The modules the build arranges (node/entry-loading.ts, node/build-first-screen.ts), from the project's root: the
 * page's entry, the app it imports once the rows are painted, and the drawn screen built for Node.
 */
export const FIRST_SCREEN_MODULES = { entry: 'src/main.tsx', app: 'src/app/start.tsx', draw: 'src/first-screen/draw.tsx' } as const;

/** Where `vite build` puts draw.tsx built for Node, inside the dist folder (never served). */
export const FIRST_SCREEN_DIR = '.first-screen';
export const FIRST_SCREEN_FILE = 'first-screen.js';

/** The drawn screen for one URL, as draw.tsx renders it and the server writes it into index.html. */
export interface FirstScreen {
  /** For the top of <head>: the view's API URLs and the inline script that requests them. */
  head: string;
  /** For inside #root. */
  root: string;
}

/** What the server writes into the JSON block for the inline script. */
export interface EarlyRequestData {
  /** The list's request, then for a detail link the panel's. */
  urls: string[];
  /** The sessionStorage key of the signed-in user (oidc-client-ts's). */
  storageKey: string;
  /** The fetch options of every API request (src/lib/http-client.ts's apiRequestInit). */
  init: { headers: Record<string, string>; credentials: string; redirect: string; referrerPolicy: string };
}

/**
 * How long the first view may wait for its rows before a skeleton shows (one complete paint rather than a skeleton
 * flashing for a fraction of a second). The app holds its first render until this long after the page started
 * loading, so the entry's wait and the app's do not add up; the boot script shows the drawn screen's skeleton this
 * long after the first view's request left (boot.ts).
 */
export const FIRST_VIEW_PATIENCE_MS = 300;

export function firstViewPatience(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, FIRST_VIEW_PATIENCE_MS - performance.now())));
}

/** The localStorage key of the supervisor's table preferences (table-preferences.ts). */
export const TABLE_PREFERENCES_KEY = 'campaigns-table';
