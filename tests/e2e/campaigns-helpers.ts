/*
 * What the campaigns end-to-end files share: a direct line to the sandbox's GET /campaigns (the oracle every table
 * is compared to), and readers for what the supervisor sees. The expected API query is built here from the documented URL ->
 * API mapping, not by importing the app's toApiQuery: the test should catch a wrong mapping, not repeat it.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { LOCALE, pathAndQuery, storedUser, type Stack } from './harness.ts';

const count = new Intl.NumberFormat(LOCALE).format;
/** Generous bound for a view to settle (sandbox + proxy + render); never a sleep, only a limit on waiting. */
export const SETTLE_MS = 15_000;

/** The URL state of a view, with the URL's parameter names (what a supervisor's link holds). */
export interface ViewState {
  status?: 'incomplete' | 'ready' | 'running' | 'paused';
  dialing_mode?: 'predictive' | 'preview';
  priority?: number;
  action_required?: boolean;
  search?: string;
  name?: string;
  user_id?: string;
  record_list_id?: string;
  do_not_call_list_id?: string;
  /** Start and end instants of the viewer's calendar days, written out by the test (RFC 3339). */
  created_at_from?: string;
  created_at_to?: string;
  order_by?: string;
  page?: number;
  per_page?: number;
}

/** The GET /campaigns query the app should send for a view, per the documented URL -> API mapping. */
export function expectedApiQuery(view: ViewState): URLSearchParams {
  const query = new URLSearchParams({
    page: String(view.page ?? 1),
    per_page: String(view.per_page ?? 50),
    order_by: view.order_by ?? 'created_at:desc',
  });
  if (view.status) query.set('status', view.status.toLowerCase());
  if (view.dialing_mode) query.set('dialing_mode', view.dialing_mode.toUpperCase());
  if (view.priority !== undefined) query.set('priority', String(view.priority));
  if (view.action_required !== undefined) query.set('action_required', String(view.action_required));
  for (const key of ['search', 'name', 'user_id', 'record_list_id', 'do_not_call_list_id', 'created_at_from', 'created_at_to'] as const) {
    const value = view[key];
    if (value) query.set(key, value);
  }
  return query;
}

export interface ApiCampaign {
  id: string;
  name: string;
  status: string;
  dialing_mode: string;
  priority: number;
  action_required: boolean;
  run_once: boolean;
  created_at: string;
}
export interface ApiPage {
  total: number;
  totalPages: number;
  campaigns: ApiCampaign[];
}

/** Straight to the sandbox (not through the app's proxy) with the page's own access token. */
export class CampaignsApi {
  constructor(
    private readonly stack: Stack,
    private readonly token: string,
  ) {}

  static async fromPage(stack: Stack, page: Page): Promise<CampaignsApi> {
    const user = await storedUser(page);
    if (!user) throw new Error('no signed-in user in sessionStorage');
    return new CampaignsApi(stack, user.access_token);
  }

  async get(path: string, query?: URLSearchParams): Promise<unknown> {
    const url = `${this.stack.sandboxUrl}${path}${query ? `?${query}` : ''}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  async list(view: ViewState): Promise<ApiPage> {
    const body = (await this.get('/campaigns', expectedApiQuery(view))) as {
      total: number;
      total_pages?: number;
      total_page?: number;
      per_page: number;
      _embedded?: { campaigns?: ApiCampaign[] };
    };
    return {
      total: body.total,
      totalPages: body.total_pages ?? body.total_page ?? Math.ceil(body.total / body.per_page),
      campaigns: body._embedded?.campaigns ?? [],
    };
  }
}

export function campaignRows(page: Page) {
  // A campaign row is one that links to its campaign: skeleton rows and the empty-state row are not.
  return page.getByRole('table', { name: 'Campaigns' }).locator('tbody tr').filter({ has: page.getByRole('link') });
}

/** The names in the table, in order (textContent: CSS truncation does not cut it). */
export async function tableNames(page: Page): Promise<string[]> {
  const names = await campaignRows(page).getByRole('link').allTextContents();
  return names.map((name) => name.trim());
}

/** What a supervisor reads as the result of a view. */
export interface ViewSnapshot {
  names: string[];
  summary: string;
}

export async function viewSnapshot(page: Page): Promise<ViewSnapshot> {
  const summary = ((await page.locator('#campaigns-summary').textContent()) ?? '').trim();
  return { names: await tableNames(page), summary };
}

export function summaryFor(total: number): string {
  return `${count(total)} ${total === 1 ? 'campaign' : 'campaigns'}`;
}

export function expectedSnapshot(answer: ApiPage): ViewSnapshot {
  return { names: answer.campaigns.map((campaign) => campaign.name.trim()), summary: summaryFor(answer.total) };
}

export function formatCount(value: number): string {
  return count(value);
}

/** Waits (polling the page) until the table shows exactly the API's answer, then checks it is not still loading. */
export async function expectTableToShow(page: Page, answer: ApiPage): Promise<void> {
  await expect.poll(() => viewSnapshot(page), { timeout: SETTLE_MS, interval: 100 }).toEqual(expectedSnapshot(answer));
  await expect.poll(() => page.getByRole('table', { name: 'Campaigns' }).getAttribute('aria-busy'), { timeout: SETTLE_MS }).toBe('false');
}

/** Waits until the app's URL (path and query) is `expected`. */
export async function expectUrl(page: Page, expected: string): Promise<void> {
  await expect.poll(() => pathAndQuery(page), { timeout: SETTLE_MS, interval: 50 }).toBe(expected);
}

/** The visible text of the selected option of a labelled select. */
export async function selectedText(page: Page, label: string): Promise<string> {
  return ((await page.getByLabel(label, { exact: true }).locator('option:checked').textContent()) ?? '').trim();
}

export async function pagerText(page: Page): Promise<{ position: string; range: string }> {
  const pager = page.getByRole('navigation', { name: 'Pagination' });
  const text = (await pager.textContent()) ?? '';
  return {
    position: /Page [\d,]+( of [\d,]+)?/.exec(text)?.[0] ?? '',
    range: /Showing [\d,]+–[\d,]+ of [\d,]+/.exec(text)?.[0] ?? '',
  };
}
