/*
 * The view's states: a link it can only partly use (notice, corrected URL, a page past the end clamped), and
 * screenshots of the main states kept under test-results/e2e/ for a person to look at (light, dark, detail,
 * empty, error, phone).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, type PageErrors, type Stack } from './harness.ts';
import {
  CampaignsApi,
  campaignRows,
  expectTableToShow,
  expectUrl,
  pagerText,
} from './campaigns-helpers.ts';
import { signedInFile } from './fixtures.ts';

let stack: Stack, page: Page, api: CampaignsApi, errors: PageErrors;
signedInFile((file) => ({ stack, page, api, errors } = file));

const notice = () => page.getByRole('status').filter({ hasText: 'Some of this link could not be used' });

describe('a link the view cannot fully use', () => {
  it('says what it ignored, corrects the URL to / and can be dismissed', async () => {
    await page.goto(`${stack.appUrl}/?status=ready`);
    await expectTableToShow(page, await api.list({ status: 'ready' }));
    await page.goto(`${stack.appUrl}/?priority=abc&per_page=1000&page=-3&status=bogus&foo=1`);
    await notice().waitFor();
    await expectUrl(page, '/');
    await expectTableToShow(page, await api.list({}));

    const reasons = (await notice().getByRole('listitem').allTextContents()).map((reason) => reason.trim());
    expect(reasons).toHaveLength(5);
    expect(reasons.every((reason) => reason.startsWith('Ignored'))).toBe(true);
    for (const part of ['priority=“abc”', 'per_page=“1000”', 'page=“-3”', 'status=“bogus”', '“foo”']) {
      expect(reasons.some((reason) => reason.includes(part)), `a reason naming ${part} in ${JSON.stringify(reasons)}`).toBe(true);
    }
    await notice().getByRole('button', { name: 'Dismiss notice' }).click();
    await notice().waitFor({ state: 'detached' });
    await expectUrl(page, '/');

    // The bad link was replaced, not kept behind the corrected one: Back leaves it.
    await page.goBack();
    await expectUrl(page, '/?status=ready');
  });

  it('clamps a page past the end to the last page', async () => {
    const first = await api.list({});
    const last = first.totalPages;
    await page.goto(`${stack.appUrl}/?page=999`);
    await expectUrl(page, `/?page=${last}`);
    await expectTableToShow(page, await api.list({ page: last }));
    await expect.poll(() => pagerText(page).then((text) => text.position)).toBe(`Page ${last} of ${last}`);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
  });
});

describe('screenshots of the main states (test-results/e2e/campaigns-*.png)', () => {
  it('list, light theme', async () => {
    await page.goto(`${stack.appUrl}/`);
    await expectTableToShow(page, await api.list({}));
    await screenshot(page, 'campaigns-list-light');
  });

  it('detail panel', async () => {
    await page.goto(`${stack.appUrl}/?status=running`);
    const answer = await api.list({ status: 'running' });
    await expectTableToShow(page, answer);
    await campaignRows(page).first().getByRole('link').click();
    const dialog = page.getByRole('dialog', { name: answer.campaigns[0]!.name });
    await dialog.getByRole('heading', { name: 'Dispositions' }).waitFor();
    await screenshot(page, 'campaigns-detail');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('empty state: a search that matches nothing', async () => {
    await page.goto(`${stack.appUrl}/`);
    await expectTableToShow(page, await api.list({}));
    await page.getByRole('searchbox', { name: 'Search campaigns' }).fill('zzqx nothing here');
    await expectUrl(page, '/?search=zzqx%20nothing%20here');
    await page.getByText('No campaigns match these filters').waitFor();
    expect(await campaignRows(page).count()).toBe(0);
    expect(await page.locator('#campaigns-summary').textContent()).toBe('0 campaigns');
    await screenshot(page, 'campaigns-empty');

    await page.getByRole('button', { name: 'Clear filters' }).last().click();
    await expectUrl(page, '/');
    await expectTableToShow(page, await api.list({}));
  });

  it('error state: the list keeps the last rows that loaded and offers Retry', async () => {
    await page.goto(`${stack.appUrl}/`);
    const previous = await api.list({});
    await expectTableToShow(page, previous);
    // More failures than the app's retries (1 + 4 per query, list and need-action count) can use up.
    await stack.setFaults({ rules: [{ kind: '500', times: 100, path: 'list' }] });
    try {
      await page.getByLabel('Status', { exact: true }).selectOption('paused');
      await expectUrl(page, '/?status=paused');
      // Waits out the app's backoff (about 1 + 2 + 4 + 8 s at most): a wait on the alert, not a sleep.
      const alert = page.getByRole('alert').filter({ hasText: 'Campaigns could not be loaded.' });
      await alert.waitFor({ timeout: 40_000 });
      expect(await alert.textContent()).toContain('The dimmed rows are the last that loaded; they may not match these filters.');
      expect(await alert.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
      expect(await campaignRows(page).count()).toBe(previous.campaigns.length);
      await screenshot(page, 'campaigns-error');
    } finally {
      await stack.clearFaults();
    }
    await page.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
    await expectTableToShow(page, await api.list({ status: 'paused' }));
    await page.getByRole('alert').filter({ hasText: 'Campaigns could not be loaded.' }).waitFor({ state: 'detached' });
  });

  it('list, dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await page.goto(`${stack.appUrl}/`);
      await expectTableToShow(page, await api.list({}));
      await screenshot(page, 'campaigns-list-dark');
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('phone, 375 × 812: the page does not scroll sideways (the table does)', async () => {
    const desktop = page.viewportSize()!;
    await page.setViewportSize({ width: 375, height: 812 });
    try {
      await page.goto(`${stack.appUrl}/`);
      await expectTableToShow(page, await api.list({}));
      await screenshot(page, 'campaigns-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

      // The filters fold behind one button, so the rows start on the first screen; search stays at hand.
      const status = page.getByLabel('Status', { exact: true });
      const toggle = page.getByRole('button', { name: 'Filters', exact: true });
      expect(await status.isVisible()).toBe(false);
      expect(await page.getByRole('searchbox', { name: 'Search campaigns' }).isVisible()).toBe(true);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await status.selectOption('running');
      await expectTableToShow(page, await api.list({ status: 'running' }));
      expect(await page.getByRole('button', { name: 'Filters (1)' }).isVisible()).toBe(true);
      await screenshot(page, 'campaigns-phone-filters');
    } finally {
      await page.setViewportSize(desktop);
    }
  });

  it('leaves no console errors behind but the failed loads of the error state', () => {
    // The error-state test asked for 500s; Chromium logs each failed request.
    expect(errors.unexpected([/status of 500/])).toEqual([]);
  });
});
