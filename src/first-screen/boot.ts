/*
 * The first thing to run (main.tsx's first import, in the page's async entry script, see
 * src/first-screen/node/entry-loading.ts). The first view's request leaves now (if the page's inline script has not sent
 * it already), and its rows are painted into the server's first screen as soon as they arrive (paint.ts),
 * before the app (React, the router, the table) is evaluated. Nothing here may import React. Only the production
 * server inlines the configuration and draws a first screen; under the Vite dev and preview servers takeover.ts sends
 * the request a little later.
 */
// First: the request leaves before the modules below are evaluated.
import { bootFirstViewRequest, type FirstViewRequest } from './first-view-request';
import { keepEarlyClicks, paintFirstView, parsedFirstScreen, revealFirstScreen, rowsInView } from './paint';
import { preloadApp } from './preload-app';
import { FIRST_VIEW_PATIENCE_MS } from './contract';
import { prepareFormatters } from '../features/campaigns/format/format';
import { afterNextPaint } from '../lib/after-next-paint';

const request = bootFirstViewRequest;
if (request) {
  // While the answer is awaited, the app's chunks download. An answer that came in while this script was loading
  // (a fast network) has been delivered a task later: then main.tsx asks for them once its rows are painted, since
  // downloading and compiling them meanwhile would hold the answer and its rows back.
  setTimeout(() => request.answered() || preloadApp(document));
  // Meanwhile the main thread is free: building the date formatters takes about as long as a fast answer does, and
  // formatting the rows needs them the moment it arrives.
  prepareFormatters();
}

/** True once the first view's rows are painted into the server's first screen; false if they were not. */
export const bootFirstPaint: Promise<boolean> = bootFirstViewRequest ? paintOnArrival(bootFirstViewRequest) : Promise.resolve(false);

async function paintOnArrival(request: FirstViewRequest): Promise<boolean> {
  const screen = await parsedFirstScreen(document);
  if (!screen) return false;
  // On a detail link the panel opens over this screen once the app is in: a click kept for it would land on the panel.
  if (window.location.pathname === '/') keepEarlyClicks(screen);
  // Rows that take longer than the first view's patience after the request left get the skeleton meanwhile. Showing
  // it sooner styles, lays out and paints the whole screen, which the rows then make the browser do again: for an
  // answer that takes about 100 ms, it held the rows back by about 200 ms (docs/performance.md).
  const showSkeleton = setTimeout(() => revealFirstScreen(screen), Math.max(0, request.sentAt + FIRST_VIEW_PATIENCE_MS - performance.now()));
  // A failed request is the list route's to report (it asks again, and can renew the token).
  const page = await request.page.catch(() => null);
  clearTimeout(showSkeleton);
  let painted = false;
  try {
    // React may have taken over already (the answer was slow): then the screen is gone and painting it is harmless.
    // The rows the window shows are painted first: those that fit below the rest of the screen, shown to measure it.
    const inView = (first: HTMLTableRowElement) => {
      revealFirstScreen(screen);
      return rowsInView(first);
    };
    const paintRest = page !== null && screen.isConnected ? paintFirstView(screen, request.filters, page, request.session, inView) : null;
    // The rows below the fold follow the first frame, before the app is evaluated (main.tsx waits for that frame too).
    if (paintRest) void afterNextPaint().then(() => screen.isConnected && paintRest());
    painted = paintRest !== null;
  } catch (error) {
    // The skeleton stays for React to replace.
    console.error(error);
  }
  revealFirstScreen(screen);
  return painted;
}
