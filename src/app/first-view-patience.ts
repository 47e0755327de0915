/*
 * How long the first view may wait for its rows. Imported by the entry (main.tsx), the app (start.tsx) and the
 * end-to-end tests: it may import nothing.
 */

/**
 * How long after the page started loading the first view may wait for its rows: until then the app holds its first
 * render (one complete paint rather than a skeleton flashing for a fraction of a second); after it, a slow answer
 * gets the skeleton. Counted from the page's start, so the entry's wait and the app's do not add up.
 */
export const FIRST_VIEW_PATIENCE_MS = 300;

export function firstViewPatience(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, FIRST_VIEW_PATIENCE_MS - performance.now())));
}
