/*
 * Paints the first view's rows into the first screen the server drew (src/first-screen/draw.tsx), from the boot
 * script, while React is still loading: a returning supervisor reads campaigns about as soon as a plain page could
 * show them. The rows come from the same templates the table renders (campaign-cells.tsx), so when React renders the
 * screen in its place nothing on it changes. Until then the screen stays inert. Nothing here may pull in React.
 */
import { displayName, SIGNED_IN_USER_ATTRIBUTE, type Session } from '../features/auth/session';
import type { Campaign, CampaignPage } from '../features/campaigns/api/campaign-schemas';
import type { CampaignFilters } from '../features/campaigns/url-state/campaign-filters';
import { CAMPAIGNS_SUMMARY_ID, campaignRow } from '../features/campaigns/components/campaign-columns';
import { formatCampaignCount } from '../features/campaigns/format/format';
import { toSearchString } from '../features/campaigns/url-state/search-params';
import { appendReactNode } from './react-node-to-dom';
import { FIRST_SCREEN_ATTRIBUTE } from './contract';

/** The server's first screen, once the page has been parsed (null if there is none, or React has replaced it). */
export async function parsedFirstScreen(doc: Document): Promise<Element | null> {
  if (doc.readyState === 'loading') {
    // "interactive" comes when parsing ends, before the deferred main bundle runs (DOMContentLoaded waits for it).
    await new Promise<void>((resolve) => doc.addEventListener('readystatechange', () => resolve(), { once: true }));
  }
  return doc.querySelector(`#root > [${FIRST_SCREEN_ATTRIBUTE}]`);
}

/** The server sends the first screen hidden (see draw.tsx). */
export function revealFirstScreen(screen: Element): void {
  screen.removeAttribute('hidden');
}

/**
 * How many of the table's rows the window shows, counting from `first`: those whose top is above its bottom edge. The
 * screen must be shown. Reading where the row is lays the page out at once, with that one row, instead of in the
 * frame that follows (the screen is laid out once either way); a page of 50 rows is mostly below the fold, and laying
 * those out too held the first frame back by about 10 ms. Infinity when the row has no height (not shown).
 */
export function rowsInView(first: HTMLTableRowElement): number {
  const win = first.ownerDocument.defaultView;
  const { top, height } = first.getBoundingClientRect();
  if (!win || !(height > 0)) return Infinity;
  return Math.max(1, Math.ceil((win.innerHeight - top) / height));
}

/**
 * Writes the rows, the count and who is signed in into the first screen, and returns what writes the rows left out;
 * null when there is nothing to paint. Only the first `rowsNow` rows are written at once (given a number, or from the
 * first row once it is in the page, see rowsInView); the caller writes the rest once the frame with those is painted.
 */
export function paintFirstView(
  screen: Element,
  filters: CampaignFilters,
  page: CampaignPage,
  session: Session,
  rowsNow: number | ((first: HTMLTableRowElement) => number) = Infinity,
): (() => void) | null {
  const body = screen.querySelector('tbody');
  if (!body || page.campaigns.length === 0) return null;
  const listSearch = toSearchString(filters);
  // The row React renders, written without React (a template of elements, attributes and text only).
  const rowOf = (campaign: Campaign) => {
    const fragment = screen.ownerDocument.createDocumentFragment();
    appendReactNode(fragment, campaignRow(campaign, listSearch));
    return fragment.firstChild as HTMLTableRowElement;
  };
  // What is above the table first: where its rows start may depend on it.
  const summary = screen.querySelector(`#${CAMPAIGNS_SUMMARY_ID}`);
  if (summary) summary.textContent = formatCampaignCount(page.total);
  const user = screen.querySelector(`[${SIGNED_IN_USER_ATTRIBUTE}]`);
  const who = displayName(session);
  if (user && who) {
    user.setAttribute('title', who);
    user.append(who);
  }
  // The server drew the table as loading (dimmed rows); these are the answer.
  body.closest('table')?.setAttribute('aria-busy', 'false');

  const [firstCampaign, ...others] = page.campaigns;
  const first = rowOf(firstCampaign!);
  body.replaceChildren(first);
  const count = Math.max(1, typeof rowsNow === 'function' ? rowsNow(first) : rowsNow);
  body.append(...others.slice(0, count - 1).map(rowOf));
  let rest = others.slice(count - 1);
  return () => {
    body.append(...rest.map(rowOf));
    rest = [];
  };
}

/** At most this many early clicks are kept (a few quick clicks on "Next page" add up; a burst is not a plan). */
const MAX_EARLY_CLICKS = 5;

/**
 * The first screen is inert until the app renders in its place, so a click on it does nothing. It is not lost: its
 * position is kept and, once the app's screen is in (same layout, see tests/e2e/first-screen.test.ts), the control
 * now under that point gets the click (a text field gets the focus instead). Keys typed meanwhile are not kept:
 * nothing could have had the focus.
 */
export function keepEarlyClicks(screen: Element): void {
  const doc = screen.ownerDocument;
  const root = screen.parentElement;
  if (!root) return;
  const clicks: Array<{ x: number; y: number }> = [];
  const record = (event: MouseEvent) => {
    if (event.isTrusted && screen.isConnected && !screen.hasAttribute('hidden') && clicks.length < MAX_EARLY_CLICKS) {
      clicks.push({ x: event.clientX, y: event.clientY });
    }
  };
  doc.addEventListener('click', record, true);
  const takeover = new MutationObserver(() => {
    if (screen.isConnected) return;
    takeover.disconnect();
    doc.removeEventListener('click', record, true);
    for (const { x, y } of clicks) clickAt(doc, x, y);
  });
  takeover.observe(root, { childList: true });
}

function clickAt(doc: Document, x: number, y: number): void {
  const target = doc.elementFromPoint(x, y);
  if (!(target instanceof HTMLElement)) return;
  const control = target.closest<HTMLElement>('a[href], button, input, select, textarea, summary, label') ?? target;
  const typedInto = control.matches('select, textarea, input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"])');
  if (typedInto) control.focus();
  else control.click();
}
