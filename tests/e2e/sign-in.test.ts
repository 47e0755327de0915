/*
 * Signing in as the demo supervisor through the built app and the sandbox, as `npm start` runs them.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eFile, signedInTab, testTab } from './fixtures.ts';
import { campaignRows, pathAndQuery, screenshot, signIn, startStack, storedUser, SUPERVISOR, type Stack, waitForRowsWithStatus } from './harness.ts';

let stack: Stack;
let browser: Browser;
e2eFile(() => startStack(), (file) => ({ stack, browser } = file));

describe('signing in', () => {
  it('shows the supervisor their campaigns, their name and the region', async () => {
    const { page, errors } = await testTab(browser);

    await page.goto(stack.appUrl);
    await page.waitForURL((url) => url.href.startsWith(`${stack.sandboxUrl}/`));
    await signIn(page, SUPERVISOR);

    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await campaignRows(page).first().getByRole('link').waitFor();
    expect(await campaignRows(page).count()).toBeGreaterThan(0);
    const firstName = (await campaignRows(page).first().getByRole('link').innerText()).trim();
    expect(firstName.length).toBeGreaterThanOrEqual(3);

    const header = page.getByRole('banner');
    // textContent: the region label is upper-cased by CSS only.
    expect(await header.textContent()).toContain(`Signed in as ${SUPERVISOR.name}`);
    expect(await header.textContent()).toContain('Region: Sandbox');
    expect(await header.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(pathAndQuery(page)).toBe('/');

    await screenshot(page, 'smoke-campaigns-light');
    // A fresh context has no session: sign in again, then look at the same page in the dark theme.
    const { page: darkPage } = await signedInTab(stack, browser, { colorScheme: 'dark' });
    await campaignRows(darkPage).first().getByRole('link').waitFor();
    await screenshot(darkPage, 'smoke-campaigns-dark');

    expect(errors.unexpected()).toEqual([]);
  });

  it('returns to the exact filtered link that was opened signed out', async () => {
    const { page, errors } = await testTab(browser);
    const deepLink = '/?status=running&priority=3&order_by=name:asc';

    await page.goto(`${stack.appUrl}${deepLink}`);
    await page.waitForURL((url) => url.href.startsWith(`${stack.sandboxUrl}/`));
    await signIn(page, SUPERVISOR);
    await page.waitForURL((url) => url.pathname === '/' && url.origin === new URL(stack.appUrl).origin);
    await campaignRows(page).first().getByRole('link').waitFor();

    expect(pathAndQuery(page)).toBe(deepLink);
    expect(await page.getByLabel('Status').locator('option:checked').textContent()).toBe('Running');
    expect(await page.getByLabel('Priority').inputValue()).toBe('3');
    await waitForRowsWithStatus(page, 'Running');
    const priorities = await campaignRows(page).locator('td:nth-child(4)').allInnerTexts();
    expect(new Set(priorities.map((priority) => priority.trim()))).toEqual(new Set(['3']));
    const names = await campaignRows(page).getByRole('link').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));

    await screenshot(page, 'deep-link-running-priority-3');
    expect(errors.unexpected()).toEqual([]);
  });

  it('stays signed in across a reload', async () => {
    const { page, errors } = await signedInTab(stack, browser, { path: '/?status=paused' });
    await campaignRows(page).first().getByRole('link').waitFor();
    const tokenBefore = (await storedUser(page))?.access_token;
    expect(tokenBefore).toBeTruthy();
    const tokenRequestsBefore = (await stack.requestCounts()).token;

    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    await page.reload();
    await campaignRows(page).first().getByRole('link').waitFor();

    expect(navigations.every((url) => url.startsWith(stack.appUrl))).toBe(true);
    expect(pathAndQuery(page)).toBe('/?status=paused');
    expect(await page.getByRole('banner').textContent()).toContain(SUPERVISOR.name);
    expect((await storedUser(page))?.access_token).toBe(tokenBefore);
    expect((await stack.requestCounts()).token).toBe(tokenRequestsBefore);
    expect(errors.unexpected()).toEqual([]);
  });
});
