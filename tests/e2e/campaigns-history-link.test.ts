/*
 * The URL is the state: Back and Forward walk the discrete changes, a copied link opened in another browser (after
 * signing in there) shows the identical view, and the "N need action" count and toggle agree with the API.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pathAndQuery, type PageErrors, type Stack } from './harness.ts';
import {
  CampaignsApi,
  campaignRows,
  expectTableToShow,
  expectedApiQuery,
  expectUrl,
  formatCount,
  pagerText,
  selectedText,
  viewSnapshot,
  type ViewState,
} from './campaigns-helpers.ts';
import { signedInFile, signedInTab } from './fixtures.ts';

let stack: Stack, browser: Browser, page: Page, api: CampaignsApi, errors: PageErrors;
signedInFile((file) => ({ stack, browser, page, api, errors } = file));

const header = (label: string) =>
  page.getByRole('table', { name: 'Campaigns' }).locator('th', { has: page.getByRole('button', { name: label, exact: true }) });
const historyLength = () => page.evaluate(() => window.history.length);

/** The URL is `url` and the table shows the API's answer for `view`. */
async function expectView(url: string, view: ViewState) {
  await expectUrl(page, url);
  await expectTableToShow(page, await api.list(view));
}

describe('Back and Forward', () => {
  it('walk the discrete changes (filter, sort, page) and the table and controls follow', async () => {
    await page.goto(`${stack.appUrl}/`);
    await expectView('/', {});
    const start = await historyLength();

    await page.getByLabel('Status', { exact: true }).selectOption('running');
    await expectView('/?status=running', { status: 'running' });
    await header('Priority').getByRole('button').click();
    await expectView('/?status=running&order_by=priority:asc', { status: 'running', order_by: 'priority:asc' });
    await page.getByRole('button', { name: 'Next page' }).click();
    await expectView('/?status=running&order_by=priority:asc&page=2', { status: 'running', order_by: 'priority:asc', page: 2 });
    expect(await historyLength()).toBe(start + 3);

    await page.goBack();
    await expectView('/?status=running&order_by=priority:asc', { status: 'running', order_by: 'priority:asc' });
    expect((await pagerText(page)).position).toMatch(/^Page 1 of /);
    await page.goBack();
    await expectView('/?status=running', { status: 'running' });
    expect(await header('Priority').getAttribute('aria-sort')).toBeNull();
    expect(await selectedText(page, 'Status')).toBe('Running');
    await page.goBack();
    await expectView('/', {});
    expect(await selectedText(page, 'Status')).toBe('All');

    await page.goForward();
    await expectView('/?status=running', { status: 'running' });
    expect(await selectedText(page, 'Status')).toBe('Running');
    await page.goForward();
    await expectView('/?status=running&order_by=priority:asc', { status: 'running', order_by: 'priority:asc' });
    expect(await header('Priority').getAttribute('aria-sort')).toBe('ascending');
  });

  it('typing in search does not add a history entry per keystroke', async () => {
    await page.goto(`${stack.appUrl}/`);
    await expectView('/', {});
    await page.getByLabel('Dialing mode', { exact: true }).selectOption('PREDICTIVE');
    await expectView('/?dialing_mode=predictive', { dialing_mode: 'predictive' });
    const before = await historyLength();

    // Pauses longer than the debounce between keys: every key reaches the URL, still without new entries.
    await page.getByRole('searchbox', { name: 'Search campaigns' }).pressSequentially('upsell', { delay: 400 });
    await expectView('/?search=upsell&dialing_mode=predictive', { search: 'upsell', dialing_mode: 'predictive' });
    expect(await historyLength()).toBe(before);

    // Back undoes the last discrete change; the search typed on that entry goes with it.
    await page.goBack();
    await expectView('/', {});
    expect(await page.getByRole('searchbox', { name: 'Search campaigns' }).inputValue()).toBe('');
    expect(await selectedText(page, 'Dialing mode')).toBe('All');
  });
});

describe('reload', () => {
  it("a returning supervisor's reload shows the same view, with one request for its rows", async () => {
    const url = '/?status=running&order_by=priority:asc&page=2';
    const view: ViewState = { status: 'running', order_by: 'priority:asc', page: 2 };
    await page.goto(`${stack.appUrl}${url}`);
    await expectView(url, view);

    // The first request leaves before React renders (src/first-screen/boot.ts); the route must share it, not repeat it.
    const expected = [...expectedApiQuery(view)].sort().join('&');
    const sent: string[] = [];
    const onRequest = (request: Request) => {
      const requestUrl = new URL(request.url());
      if (requestUrl.pathname === '/api/campaigns') sent.push([...requestUrl.searchParams].sort().join('&'));
    };
    page.on('request', onRequest);
    try {
      await page.reload();
      await expectView(url, view);
      expect(sent.filter((query) => query === expected)).toHaveLength(1);
    } finally {
      page.off('request', onRequest);
    }
  });
});

describe('Copy link', () => {
  it('copies the full URL, and a new browser context shows the identical view after signing in', async () => {
    const path = '/?search=caf%C3%A9&status=ready&created_from=2025-01-01&created_to=2026-06-30&order_by=name:desc&per_page=10&page=2';
    const view: ViewState = {
      search: 'café',
      status: 'ready',
      created_at_from: '2025-01-01T05:00:00.000Z',
      created_at_to: '2026-07-01T03:59:59.999Z',
      order_by: 'name:desc',
      per_page: 10,
      page: 2,
    };
    await page.goto(`${stack.appUrl}${path}`);
    const answer = await api.list(view);
    expect(answer.campaigns).toHaveLength(10);
    await expectView(path, view);

    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${stack.appUrl}${path}`);

    const controls = async (target: Page) => ({
      url: pathAndQuery(target),
      view: await viewSnapshot(target),
      search: await target.getByRole('searchbox', { name: 'Search campaigns' }).inputValue(),
      status: await selectedText(target, 'Status'),
      dialingMode: await selectedText(target, 'Dialing mode'),
      priority: await selectedText(target, 'Priority'),
      createdFrom: await target.getByLabel('Created from', { exact: true }).inputValue(),
      createdTo: await target.getByLabel('Created to', { exact: true }).inputValue(),
      needsActionOnly: await target.getByRole('checkbox', { name: 'Needs action only' }).isChecked(),
      rowsPerPage: await selectedText(target, 'Rows per page'),
      pager: await pagerText(target),
      nameSort: await target.getByRole('table', { name: 'Campaigns' }).locator('th').first().getAttribute('aria-sort'),
    });
    const original = await controls(page);
    expect(original).toMatchObject({ search: 'café', status: 'Ready', createdFrom: '2025-01-01', nameSort: 'descending' });

    const other = await signedInTab(stack, browser, { path: link.slice(stack.appUrl.length) });
    await expectUrl(other.page, path);
    await expectTableToShow(other.page, answer);
    expect(await controls(other.page)).toEqual(original);
    expect(other.errors.unexpected()).toEqual([]);
  });
});

describe('need action', () => {
  it('"N need action" counts every matching campaign that needs action; clicking it shows just those', async () => {
    const filters: ViewState = { status: 'running', dialing_mode: 'preview' };
    await page.goto(`${stack.appUrl}/?status=running&dialing_mode=preview`);
    await expectView('/?status=running&dialing_mode=preview', filters);
    const needing = await api.list({ ...filters, action_required: true });
    expect(needing.total).toBeGreaterThan(0);
    // Across all pages, not only the rows on this one.
    const onThisPage = (await campaignRows(page).locator('td:nth-child(6)').allTextContents()).filter((text) => text.includes('Needs action'));
    expect(onThisPage.length).toBeLessThan(needing.total);

    const toggle = page.getByRole('button', { name: `${formatCount(needing.total)} need action` });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');

    await toggle.click();
    await expectView('/?status=running&dialing_mode=preview&action_required=true', { ...filters, action_required: true });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('checkbox', { name: 'Needs action only' }).isChecked()).toBe(true);
    const cells = await campaignRows(page).locator('td:nth-child(6)').allTextContents();
    expect(cells).toHaveLength(needing.campaigns.length);
    expect(cells.every((cell) => cell.trim() === 'Needs action')).toBe(true);

    await toggle.click();
    await expectView('/?status=running&dialing_mode=preview', filters);
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('the count follows the filters', async () => {
    await page.goto(`${stack.appUrl}/`);
    await expectView('/', {});
    const all = await api.list({ action_required: true, per_page: 1 });
    await page.getByRole('button', { name: `${formatCount(all.total)} need action` }).waitFor();

    await page.getByLabel('Priority', { exact: true }).selectOption('9');
    await expectView('/?priority=9', { priority: 9 });
    const nine = await api.list({ priority: 9, action_required: true, per_page: 1 });
    expect(nine.total).not.toBe(all.total);
    await page.getByRole('button', { name: `${formatCount(nine.total)} need action` }).waitFor();
  });

  it('leaves no console errors behind', () => {
    expect(errors.unexpected()).toEqual([]);
  });
});
