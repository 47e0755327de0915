/*
 * What the reliability files (races, faults, session faults) share: seeded randomness that can be replayed, the
 * URL -> API view mapping for the oracle, and a "the view has settled" wait.
 */
import type { Page } from 'playwright-core';
import { CampaignsApi, expectedSnapshot, formatCount, pagerText, summaryFor, tableNames, viewSnapshot, type ApiPage, type ViewState } from './campaigns-helpers.ts';
import { pathAndQuery } from './harness.ts';
// The sandbox's own seeded PRNG: a sequence is replayed exactly from its printed seed.
import { mulberry32 } from '../../src/server/sandbox/campaign-data.ts';

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(values: readonly T[]): T;
}

export function seeded(seed: number): Random {
  const next = mulberry32(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (values) => values[Math.floor(next() * values.length)] as (typeof values)[number],
  };
}

/**
 * The API view a dashboard URL stands for, read from the URL's own parameter names (not through the app's parser:
 * the oracle should catch a wrong mapping). Date filters are not mapped: the race sequences do not use them.
 */
export function viewFromUrl(pathAndSearch: string): ViewState {
  const params = new URL(pathAndSearch, 'http://dashboard.invalid').searchParams;
  const known = new Set(['search', 'status', 'dialing_mode', 'priority', 'action_required', 'order_by', 'page', 'per_page']);
  const unknown = [...params.keys()].filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`viewFromUrl does not map ${unknown.join(', ')} (URL ${pathAndSearch})`);
  const view: ViewState = {};
  const status = params.get('status');
  if (status) view.status = status as ViewState['status'];
  const mode = params.get('dialing_mode');
  if (mode) view.dialing_mode = mode as ViewState['dialing_mode'];
  const priority = params.get('priority');
  if (priority) view.priority = Number(priority);
  const action = params.get('action_required');
  if (action) view.action_required = action === 'true';
  const search = params.get('search');
  if (search) view.search = search;
  const orderBy = params.get('order_by');
  if (orderBy) view.order_by = orderBy.includes(':') ? orderBy : `${orderBy}:asc`;
  const page = params.get('page');
  if (page) view.page = Number(page);
  const perPage = params.get('per_page');
  if (perPage) view.per_page = Number(perPage);
  return view;
}

/** What a supervisor reads for a view: names in order, the count, the pager's position and range. */
export interface FullSnapshot {
  names: string[];
  summary: string;
  position: string;
  range: string;
}

export async function fullSnapshot(page: Page): Promise<FullSnapshot> {
  const summary = ((await page.locator('#campaigns-summary').textContent()) ?? '').trim();
  const pagers = await page.getByRole('navigation', { name: 'Pagination' }).count();
  const { position, range } = pagers > 0 ? await pagerText(page) : { position: '', range: '' };
  return { names: await tableNames(page), summary, position, range };
}

export function expectedFullSnapshot(view: ViewState, answer: ApiPage): FullSnapshot {
  const page = view.page ?? 1;
  const perPage = view.per_page ?? 50;
  const names = answer.campaigns.map((campaign) => campaign.name.trim());
  if (answer.total === 0) return { names, summary: summaryFor(0), position: '', range: '' };
  const first = (page - 1) * perPage + 1;
  return {
    names,
    summary: summaryFor(answer.total),
    position: `Page ${formatCount(page)} of ${formatCount(Math.max(1, answer.totalPages))}`,
    range: `Showing ${formatCount(first)}–${formatCount(first + names.length - 1)} of ${formatCount(answer.total)}`,
  };
}

const SEARCH_INPUT = 'input[type="search"]';

/**
 * Waits until the view is at rest: the table is not busy, the search box holds what the URL says (no debounce
 * pending), and the URL has not moved for a few polls (no clamp or canonical rewrite still to come).
 * Returns the settled path and query.
 */
export async function waitForSettled(page: Page, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let previous = '';
  let stableFor = 0;
  for (;;) {
    const url = pathAndQuery(page);
    const busy = await page.getByRole('table', { name: 'Campaigns' }).getAttribute('aria-busy');
    const typed = ((await page.locator(SEARCH_INPUT).inputValue()) ?? '').trim();
    const inUrl = (new URL(url, 'http://dashboard.invalid').searchParams.get('search') ?? '').trim();
    const still = busy === 'false' && typed === inUrl && url === previous;
    stableFor = still ? stableFor + 1 : 0;
    previous = url;
    if (stableFor >= 2) return url;
    if (Date.now() > deadline) throw new Error(`The view did not settle within ${timeoutMs} ms (URL ${url}, aria-busy ${busy}, search box “${typed}”)`);
    await page.waitForTimeout(120);
  }
}

// The sandbox's data never changes while it runs, so one answer per URL is enough (the oracle pays its latency too).
const oracleCache = new Map<string, ApiPage>();

export interface OracleCheck {
  url: string;
  expected: FullSnapshot;
  shown: FullSnapshot;
  /** The first snapshot after settling differed, but the final one matched. */
  lateMatch: boolean;
  ok: boolean;
}

/**
 * Asks the oracle for the final URL and compares what the page shows. A settled page should already match; a
 * short grace (polling) separates "painted a moment later" from "shows the wrong view", which never matches.
 */
export async function checkAgainstOracle(page: Page, api: CampaignsApi, graceMs = 3_000): Promise<OracleCheck> {
  const url = await waitForSettled(page);
  const view = viewFromUrl(url);
  const answer = oracleCache.get(url) ?? (await api.list(view));
  oracleCache.set(url, answer);
  const expected = expectedFullSnapshot(view, answer);
  let shown = await fullSnapshot(page);
  const same = (a: FullSnapshot, b: FullSnapshot) => JSON.stringify(a) === JSON.stringify(b);
  if (same(shown, expected)) return { url, expected, shown, lateMatch: false, ok: true };
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await page.waitForTimeout(150);
    shown = await fullSnapshot(page);
    if (same(shown, expected) && pathAndQuery(page) === url) return { url, expected, shown, lateMatch: true, ok: true };
  }
  return { url: pathAndQuery(page), expected, shown, lateMatch: false, ok: false };
}

/** Polls `read` until `done` holds for its value; returns it. A bound on waiting, never a sleep. */
export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits until the table shows exactly `answer` (names in order and the count) and is not loading; throws with what
 * it shows otherwise. Unlike campaigns-helpers' expectTableToShow it needs no current test, so scenarios running
 * side by side can use it.
 */
export async function waitForTable(page: Page, answer: ApiPage, timeoutMs = 15_000): Promise<void> {
  const expected = JSON.stringify(expectedSnapshot(answer));
  await waitUntil(
    async () => ({ ...(await viewSnapshot(page)), busy: await page.getByRole('table', { name: 'Campaigns' }).getAttribute('aria-busy') }),
    ({ names, summary, busy }) => busy === 'false' && JSON.stringify({ names, summary }) === expected,
    `the table should show ${expected}`,
    timeoutMs,
    150,
  );
}
