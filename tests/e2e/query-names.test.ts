/*
 * One build serves an account whose API names a filter differently: the sandbox plays an account whose priority
 * filter is `campaign_priority` (SANDBOX_QUERY_NAMES), and the server is told so (TALKDESK_QUERY_NAMES). The
 * server's first screen, the page's early request and the app's own requests all use the account's name.
 */
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { startStack, type Stack } from './harness.ts';
import { CampaignsApi, campaignRows, expectTableToShow, type ApiPage } from './campaigns-helpers.ts';
import { e2eFile, signedInTab } from './fixtures.ts';

const RENAMED = 'priority=campaign_priority';

let stack: Stack;
let browser: Browser;
e2eFile(
  () => startStack({ env: { SANDBOX_QUERY_NAMES: RENAMED, TALKDESK_QUERY_NAMES: RENAMED } }),
  (file) => ({ stack, browser } = file),
);

/** The sandbox's own answer for the dashboard's first page of campaigns with `priority`, asked by the account's name. */
async function answerFor(api: CampaignsApi, priority: number): Promise<ApiPage> {
  const body = (await api.get('/campaigns', new URLSearchParams({ campaign_priority: String(priority), per_page: '50' }))) as {
    total: number; total_pages: number; _embedded: { campaigns: ApiPage['campaigns'] };
  };
  return { total: body.total, totalPages: body.total_pages, campaigns: body._embedded.campaigns };
}

async function shownPriorities(page: Page): Promise<Set<string>> {
  return new Set((await campaignRows(page).locator('td:nth-child(4)').allTextContents()).map((text) => text.trim()));
}

it('filters by priority under the account\'s name, from the first screen on and after a change', async () => {
  const { page } = await signedInTab(stack, browser);
  const api = await CampaignsApi.fromPage(stack, page);
  const listRequests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/campaigns') listRequests.push(url.search);
  });

  // A cold load of a shared link: the server draws it, and the page's inline script sends its request.
  const drawn = await (await fetch(`${stack.appUrl}/?priority=3`)).text();
  expect(drawn).toContain('campaign_priority=3');
  await page.goto(`${stack.appUrl}/?priority=3`);
  await expectTableToShow(page, await answerFor(api, 3));
  expect(await shownPriorities(page)).toEqual(new Set(['3']));

  await page.getByLabel('Priority', { exact: true }).selectOption('7');
  await expectTableToShow(page, await answerFor(api, 7));
  expect(await shownPriorities(page)).toEqual(new Set(['7']));

  const filtered = listRequests.filter((search) => /[?&]campaign_priority=/.test(search));
  expect(filtered.length).toBeGreaterThan(0);
  expect(listRequests.filter((search) => /[?&]priority=/.test(search))).toEqual([]);
});
