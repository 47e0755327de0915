/*
 * Live monitoring against the sandbox: with auto-refresh on, a campaign changed under the dashboard shows up
 * highlighted and announced after the next tick, and the title's need-action count follows, while the scroll
 * position, the focus and the open detail panel stay as they were; an unchanged view costs a 304; a hidden tab
 * asks for nothing and refreshes once when it is back. Time is Playwright's clock, fast-forwarded a tick at a time.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CampaignsApi, campaignRows, expectTableToShow } from './campaigns-helpers.ts';
import { signedInFile } from './fixtures.ts';
import { screenshot, type Stack } from './harness.ts';

let stack: Stack;
let page: Page;
let api: CampaignsApi;
signedInFile((file) => ({ stack, page, api } = file));

beforeAll(async () => {
  // The app's timers on Playwright's clock: a tick is a fast-forward, not a wait.
  await page.clock.install();
});

const TICK_MS = 15_000;
const TITLE = 'Campaigns · Talkdesk';

/** The answers to the app's list requests (the page and the need-action count), as they arrive. */
function watchListAnswers(): number[] {
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/campaigns') statuses.push(response.status());
  });
  return statuses;
}

/** One tick of the timer, then until both of its answers are in. */
async function tick(statuses: number[]): Promise<number[]> {
  const before = statuses.length;
  await page.clock.fastForward(TICK_MS);
  await expect.poll(() => statuses.length).toBe(before + 2);
  return statuses.slice(before);
}

async function setHidden(hidden: boolean): Promise<void> {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

async function seriousViolations(name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  for (const violation of serious) {
    console.error(`axe (${name}): ${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(' ')}`).join('\n')}`);
  }
  return serious.map((violation) => `${violation.id} (${violation.nodes.length} nodes)`);
}

describe('auto-refresh', () => {
  it('shows a campaign changed in the sandbox after the next tick, touching nothing the supervisor holds', async () => {
    const statuses = watchListAnswers();
    await page.goto(`${stack.appUrl}/`);
    const answer = await api.list({});
    await expectTableToShow(page, answer);
    const needingAction = (await api.list({ action_required: true })).total;
    await expect.poll(() => page.title()).toBe(`(${needingAction}) ${TITLE}`);

    const refresh = page.getByLabel('Auto-refresh');
    await refresh.selectOption({ label: 'Every 15 seconds' });
    await expect.poll(() => page.getByText(/^Updated \d+ s ago$/).count()).toBe(1);

    // The first tick learns the answers' ETags; the view has not changed, so the next one costs two 304s.
    expect(await tick(statuses)).toEqual([200, 200]);
    expect(await tick(statuses)).toEqual([304, 304]);

    // What the supervisor holds: the table scrolled, a campaign's panel open, the focus in it.
    const target = answer.campaigns.find((campaign, index) => index > 0 && !campaign.action_required)!;
    const scroller = page.locator('[class*="scroller"]').first();
    await campaignRows(page).first().getByRole('link').click();
    const panel = page.getByRole('dialog');
    await panel.waitFor();
    await scroller.evaluate((element) => element.scrollTo(0, 240));
    await page.keyboard.press('Tab');
    const held = async () => ({
      url: page.url(),
      scrollTop: await scroller.evaluate((element) => element.scrollTop),
      windowScroll: await page.evaluate(() => window.scrollY),
      focus: await page.evaluate(() => (document.activeElement?.closest('[role="dialog"]') ? document.activeElement.outerHTML : null)),
      panel: await panel.isVisible(),
    });
    const before = await held();
    expect(before.focus).not.toBeNull();
    expect(before.scrollTop).toBe(240);

    await stack.editCampaign(target.id, { status: 'PAUSED', action_required: true });
    expect(await tick(statuses)).toEqual([200, 200]);

    const row = campaignRows(page).filter({ has: page.locator(`a[href^="/campaigns/${target.id}"]`) });
    await expect.poll(() => row.locator('td[data-col="status"]').textContent()).toMatch(/Paused/);
    const nameCell = row.locator('td[data-col="name"]');
    expect(await nameCell.evaluate((cell) => getComputedStyle(cell, '::after').content)).toBe('"Now needs action"');
    expect(await nameCell.evaluate((cell) => getComputedStyle(cell).animationName)).toMatch(/^changed-/);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'changed' }).textContent())
      .toBe(`1 campaign changed. ${target.name} now needs action.`);
    await expect.poll(() => page.title()).toBe(`(${needingAction + 1}) ${TITLE}`);
    expect(await held()).toEqual(before);
    await screenshot(page, 'auto-refresh-changed-row-panel-open');

    // The choice is the browser's: a reload keeps it.
    await page.reload();
    await expect.poll(() => refresh.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).toBe('Every 15 seconds');
    await page.keyboard.press('Escape');
  });

  it('asks for nothing while the view is loading or the tab is hidden, waits out a 429, and refreshes once when back', async () => {
    await page.goto(`${stack.appUrl}/`);
    await expectTableToShow(page, await api.list({}));
    await page.getByLabel('Auto-refresh').selectOption({ label: 'Every 15 seconds' });
    await page.waitForLoadState('networkidle');

    // A slow answer: the tick after the one that asked sends nothing more while it is on its way.
    await stack.setFaults({ latencyMs: 2_000 });
    const slowFrom = (await stack.requestCounts()).list;
    await page.clock.fastForward(TICK_MS);
    await expect.poll(async () => (await stack.requestCounts()).list).toBe(slowFrom + 2);
    await page.clock.fastForward(TICK_MS);
    const table = page.getByRole('table', { name: 'Campaigns' });
    await expect.poll(() => table.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    expect((await stack.requestCounts()).list).toBe(slowFrom + 2);
    await stack.clearFaults();

    // Too many requests: the refresh waits as long as Retry-After says, then asks once more, and nothing shows.
    await stack.setFaults({ rules: [{ kind: '429', retryAfterSeconds: 5, times: 1, path: 'list' }] });
    await page.clock.fastForward(TICK_MS);
    await expect.poll(async () => (await stack.requestCounts()).list).toBe(2);
    await page.clock.fastForward(4_000);
    await page.waitForTimeout(300);
    expect((await stack.requestCounts()).list).toBe(2);
    await page.clock.fastForward(1_500);
    await expect.poll(async () => (await stack.requestCounts()).list).toBe(3);
    await expect.poll(() => table.getAttribute('aria-busy')).toBe('false');
    expect(await page.getByRole('alert').count()).toBe(0);
    await stack.clearFaults();

    await setHidden(true);
    const hiddenFrom = (await stack.requestCounts()).list;
    for (let i = 0; i < 4; i += 1) await page.clock.fastForward(TICK_MS);
    // Long enough for a request that had left to be counted.
    await page.waitForTimeout(500);
    expect((await stack.requestCounts()).list).toBe(hiddenFrom);

    await setHidden(false);
    // The page and the need-action count, once.
    await expect.poll(async () => (await stack.requestCounts()).list).toBe(hiddenFrom + 2);
    await page.waitForTimeout(500);
    expect((await stack.requestCounts()).list).toBe(hiddenFrom + 2);
  });

  it('keeps a changed row highlighted through a column change, clean for axe in both themes', async () => {
    const statuses = watchListAnswers();
    await page.goto(`${stack.appUrl}/`);
    const answer = await api.list({});
    await expectTableToShow(page, answer);
    await page.getByLabel('Auto-refresh').selectOption({ label: 'Every 15 seconds' });
    await page.waitForLoadState('networkidle');
    await tick(statuses);
    await stack.editCampaign(answer.campaigns[0]!.id, { priority: answer.campaigns[0]!.priority === 10 ? 1 : 10, name: 'Renamed under the dashboard' });
    await tick(statuses);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'changed' }).textContent()).toBe('1 campaign changed.');
    // A column hidden meanwhile replaces the preferences' stylesheet, not the highlight's.
    const marker = () => campaignRows(page).first().locator('td[data-col="name"]').evaluate((cell) => getComputedStyle(cell, '::after').content);
    expect(await marker()).toBe('"Changed"');
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Run once', exact: true }).uncheck();
    await page.keyboard.press('Escape');
    expect(await page.locator('th[data-col="run_once"]').isVisible()).toBe(false);
    expect(await marker()).toBe('"Changed"');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `auto-refresh-${colorScheme}`);
      expect(await seriousViolations(`auto-refresh, ${colorScheme}`)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('button', { name: 'Reset columns and density' }).click();
    await page.keyboard.press('Escape');
  });
});
