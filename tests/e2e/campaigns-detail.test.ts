/*
 * The campaign detail panel (its own URL over the list, the full campaign from the API, Escape/Close/Back back to
 * the same list view), keyboard-only use of the view, and axe-core on the list and the open panel.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { seriousViolations } from './axe.ts';
import { screenshot, type PageErrors, type Stack } from './harness.ts';
import {
  CampaignsApi,
  campaignRows,
  expectTableToShow,
  expectUrl,
  selectedText,
  type ApiPage,
  type ViewState,
} from './campaigns-helpers.ts';
import { signedInFile } from './fixtures.ts';

let stack: Stack, page: Page, api: CampaignsApi, errors: PageErrors;
signedInFile((file) => ({ stack, page, api, errors } = file));

interface CampaignDetail {
  id: string;
  name: string;
  priority: number;
  dialing_mode: string;
  user_id: string;
  record_list_id: string;
  dialing_mode_configuration: { max_ring_time_in_secs: number };
  dialing_strategy: { max_attempts: number; calling_hours: Array<{ from: string; to: string }>; dispositions: Record<string, unknown> };
}

const LIST_PATH = '/?status=paused&order_by=name:asc&per_page=25';
const LIST_VIEW: ViewState = { status: 'paused', order_by: 'name:asc', per_page: 25 };

async function openList(): Promise<ApiPage> {
  await page.goto(`${stack.appUrl}${LIST_PATH}`);
  const answer = await api.list(LIST_VIEW);
  await expectUrl(page, LIST_PATH);
  await expectTableToShow(page, answer);
  return answer;
}

/** The value shown beside a label in the panel's description lists. */
function item(dialog: ReturnType<Page['getByRole']>, label: string) {
  return dialog.locator(`xpath=.//dt[normalize-space()="${label}"]/following-sibling::dd[1]`);
}

describe('campaign detail panel', () => {
  it('opens over the list with its own URL and shows the campaign as GET /campaigns/{id}?expand=… has it', async () => {
    const answer = await openList();
    const campaign = answer.campaigns[2]!;
    // The panel's code loads while the app is idle, before any campaign is opened: opening one does not wait for it
    // (React holds the first reveal of code loaded on demand back by up to 300 ms).
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/assets/campaign-detail-panel-')));
    // By position: campaign names are not unique.
    await campaignRows(page).nth(2).getByRole('link').click();

    const dialog = page.getByRole('dialog', { name: campaign.name });
    await dialog.waitFor();
    await expectUrl(page, `/campaigns/${campaign.id}${LIST_PATH.slice(1)}`);
    const detail = (await api.get(
      `/campaigns/${campaign.id}`,
      new URLSearchParams({ expand: 'dialing_mode_configuration,dialing_strategy' }),
    )) as CampaignDetail;

    await item(dialog, 'Campaign ID').waitFor();
    expect(await item(dialog, 'Campaign ID').textContent()).toBe(detail.id);
    expect(await item(dialog, 'Priority').textContent()).toBe(String(detail.priority));
    expect((await item(dialog, 'Dialing mode').textContent())?.toUpperCase()).toBe(detail.dialing_mode);
    expect(await item(dialog, 'User ID').textContent()).toBe(detail.user_id);
    expect(await item(dialog, 'Record list ID').textContent()).toBe(detail.record_list_id);
    expect(await item(dialog, 'Max ring time').textContent()).toBe(`${detail.dialing_mode_configuration.max_ring_time_in_secs} s`);
    expect(await item(dialog, 'Max attempts').textContent()).toBe(String(detail.dialing_strategy.max_attempts));
    const headings = await dialog.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['Overview', 'Dialing limits', 'Dialing strategy', 'Calling hours', 'Dispositions']));
    const hours = dialog.locator('section', { has: page.getByRole('heading', { name: 'Calling hours' }) }).getByRole('listitem');
    expect(await hours.count()).toBe(detail.dialing_strategy.calling_hours.length);
    expect(await hours.first().textContent()).toContain(`${detail.dialing_strategy.calling_hours[0]!.from}–${detail.dialing_strategy.calling_hours[0]!.to}`);
    const dispositions = dialog.locator('section', { has: page.getByRole('heading', { name: 'Dispositions' }) }).locator('tbody tr');
    expect(await dispositions.count()).toBe(Object.keys(detail.dialing_strategy.dispositions).length);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectUrl(page, LIST_PATH);
    await expectTableToShow(page, answer);
  });

  it('Back from the detail returns to the same list view; Close does too', async () => {
    const answer = await openList();
    const campaign = answer.campaigns[0]!;
    await campaignRows(page).first().getByRole('link').click();
    await page.getByRole('dialog', { name: campaign.name }).waitFor();
    await expectUrl(page, `/campaigns/${campaign.id}${LIST_PATH.slice(1)}`);
    await page.goBack();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectUrl(page, LIST_PATH);
    await expectTableToShow(page, answer);

    await campaignRows(page).first().getByRole('link').click();
    const dialog = page.getByRole('dialog', { name: campaign.name });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectUrl(page, LIST_PATH);
  });

  it('opened from a link, Close lands on the list view the link carried', async () => {
    const answer = await api.list(LIST_VIEW);
    const campaign = answer.campaigns[1]!;
    await page.goto(`${stack.appUrl}/campaigns/${campaign.id}${LIST_PATH.slice(1)}`);
    const dialog = page.getByRole('dialog', { name: campaign.name });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectUrl(page, LIST_PATH);
    await expectTableToShow(page, answer);
  });
});

describe('keyboard only', () => {
  /** Presses Tab until `matches` holds for the focused element; fails after `limit` presses. */
  async function tabUntil(description: string, matches: string, limit = 60) {
    for (let presses = 0; presses < limit; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(matches)) return;
    }
    throw new Error(`${description} was not reached in ${limit} presses of Tab`);
  }

  it('Tab to Status, change it with the keyboard, Tab to a campaign, Enter opens it, Escape closes and focus returns', async () => {
    await page.goto(`${stack.appUrl}/`);
    await expectTableToShow(page, await api.list({}));

    await tabUntil('the Status select', `document.activeElement?.labels?.[0]?.textContent === 'Status'`);
    await page.keyboard.press('ArrowDown');
    await expectUrl(page, '/?status=incomplete');
    const answer = await api.list({ status: 'incomplete' });
    await expectTableToShow(page, answer);
    expect(await selectedText(page, 'Status')).toBe('Incomplete');

    await tabUntil('a campaign link', `document.activeElement?.closest('tbody') !== null && document.activeElement?.tagName === 'A'`);
    const focusedName = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focusedName).toBe(answer.campaigns[0]!.name);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: focusedName });
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectUrl(page, '/?status=incomplete');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement?.tagName === 'A' ? document.activeElement.textContent : null)))
      .toBe(focusedName);
  });
});

describe('accessibility (axe-core, WCAG 2 A and AA)', () => {
  it('after a page or order change, the rows are those a fresh load of the URL shows, and each opens its own campaign', async () => {
    // The rows on screen are updated in place by such a change (they are keyed by their place on the page): nothing
    // of the rows they were before may remain, not a link, a status, a highlight.
    const rowsMarkup = () => page.locator('table tbody').innerHTML();
    await openList();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expectTableToShow(page, await api.list({ ...LIST_VIEW, page: 2 }));
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('order_by')).toBe('name:desc');
    await expect.poll(() => page.getByRole('table', { name: 'Campaigns' }).getAttribute('aria-busy')).toBe('false');
    const clicked = await rowsMarkup();
    const names = await campaignRows(page).getByRole('link').allTextContents();

    for (const index of [0, 7, names.length - 1]) {
      await campaignRows(page).nth(index).getByRole('link').click();
      const dialog = page.getByRole('dialog', { name: names[index]!.trim() });
      await item(dialog, 'Campaign ID').waitFor();
      expect(page.url()).toContain(`/campaigns/${(await item(dialog, 'Campaign ID').textContent())!.trim()}?`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }

    await page.reload();
    await page.waitForFunction(() => document.querySelector('#root > [data-first-screen]') === null);
    await expect.poll(() => campaignRows(page).getByRole('link').allTextContents()).toEqual(names);
    expect(await rowsMarkup()).toBe(clicked);
  });

  it('the list has no serious or critical violations in either theme, with the need-action toggle at rest, hovered and pressed', async () => {
    await openList();
    const toggle = page.getByRole('button', { name: /\d need action$/ });
    // The app follows the system's colour scheme; the file's other tests use the light one.
    onTestFinished(() => page.emulateMedia({ colorScheme: 'light' }));
    const states = [
      ['light', false],
      ['light', true],
      ['dark', true],
      ['dark', false],
    ] as const;
    for (const [colorScheme, pressed] of states) {
      await page.emulateMedia({ colorScheme });
      if ((await toggle.getAttribute('aria-pressed')) !== String(pressed)) await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe(String(pressed));
      await expect.poll(() => page.getByRole('table', { name: 'Campaigns' }).getAttribute('aria-busy')).toBe('false');
      const state = `${colorScheme}, need action ${pressed ? 'pressed' : 'not pressed'}`;
      await page.mouse.move(0, 0);
      await screenshot(page, `need-action-${colorScheme}-${pressed ? 'pressed' : 'unpressed'}`);
      expect(await seriousViolations(page, `list, ${state}`)).toEqual([]);
      await toggle.hover();
      expect(await seriousViolations(page, `list, ${state}, hovered`)).toEqual([]);
    }
  });

  it('the open detail panel has no serious or critical violations', async () => {
    const answer = await openList();
    const campaign = answer.campaigns[0]!;
    await campaignRows(page).first().getByRole('link').click();
    const dialog = page.getByRole('dialog', { name: campaign.name });
    await item(dialog, 'Campaign ID').waitFor();
    expect(await seriousViolations(page, 'detail')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('leaves no console errors behind', () => {
    expect(errors.unexpected()).toEqual([]);
  });
});
