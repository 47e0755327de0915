/*
 * The edges of a session: signing out, an account without campaigns:read, and a sign-in the user cancels.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eFile, signedInTab, testTab } from './fixtures.ts';
import { AGENT, campaignRows, pathAndQuery, screenshot, signIn, startStack, storedUser, SUPERVISOR, type Stack, waitForRowsWithStatus } from './harness.ts';

let stack: Stack;
let browser: Browser;
e2eFile(() => startStack(), (file) => ({ stack, browser } = file));

async function onLoginPage(page: Page): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(`${stack.sandboxUrl}/interaction/`));
  await page.getByLabel('Username').waitFor();
}

// The browser reports a failed response on its console; for the 403 user that is the expected answer.
const FORBIDDEN_RESPONSE = /Failed to load resource: the server responded with a status of 403/;

describe('signing out', () => {
  it('lands on the signed-out page, forgets the tokens, Back asks for the password again, and so does Sign in there', async () => {
    const { page, errors } = await signedInTab(stack, browser);

    await campaignRows(page).first().getByRole('link').waitFor();
    // A second history entry inside the app, for Back to return to.
    await page.getByLabel('Status').selectOption({ label: 'Paused' });
    await page.waitForURL((url) => url.search.includes('status=paused'));
    await waitForRowsWithStatus(page, 'Paused');
    expect(await storedUser(page)).not.toBeNull();

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signed-out');
    expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await storedUser(page)).toBeNull();
    expect(await page.evaluate('Object.keys(sessionStorage).filter((key) => key.startsWith("oidc.")).length')).toBe(0);
    await screenshot(page, 'signed-out');

    await page.goBack();
    // Whatever Back lands on, campaign data needs the password first.
    await onLoginPage(page);
    expect(await page.getByRole('table', { name: 'Campaigns' }).count()).toBe(0);
    await signIn(page, SUPERVISOR);
    await campaignRows(page).first().getByRole('link').waitFor();
    expect(pathAndQuery(page)).toBe('/');

    // Sign in on the signed-out page asks for credentials (not the session the identity host remembers), so another
    // user can sign in.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await onLoginPage(page);
    expect(errors.unexpected()).toEqual([]);
  });
});

describe('an account without campaigns:read', () => {
  it('sees "No access to campaigns" and can sign out and sign in as someone else', async () => {
    const { page, errors } = await testTab(browser);

    await page.goto(stack.appUrl);
    await signIn(page, AGENT);
    await page.getByRole('heading', { name: 'No access to campaigns' }).waitFor();
    expect(await page.getByText('campaigns:read').first().isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Campaigns' }).count()).toBe(0);
    await screenshot(page, 'forbidden-agent');

    // The page's own Sign out (the header has one too), next to the explanation.
    await page.getByRole('heading', { name: 'No access to campaigns' }).locator('..').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    expect(await storedUser(page)).toBeNull();

    await page.getByRole('button', { name: 'Sign in' }).click();
    await onLoginPage(page);
    await signIn(page, SUPERVISOR);
    await campaignRows(page).first().getByRole('link').waitFor();
    expect(await page.getByRole('banner').textContent()).toContain(SUPERVISOR.name);

    expect(errors.unexpected([FORBIDDEN_RESPONSE])).toEqual([]);
  });
});

describe('an error from the identity host', () => {
  it('shows a readable message after Cancel, and Try again returns to the login page', async () => {
    const { page, errors } = await testTab(browser);

    await page.goto(`${stack.appUrl}/?status=ready`);
    await onLoginPage(page);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('heading', { name: 'Sign-in was cancelled' }).waitFor();
    expect(page.url().startsWith(stack.appUrl)).toBe(true);
    const card = await page.getByRole('main').textContent();
    expect(card).not.toMatch(/undefined|\[object|Error:/);
    await screenshot(page, 'sign-in-cancelled');

    await page.getByRole('button', { name: 'Try again' }).click();
    await onLoginPage(page);
    await signIn(page, SUPERVISOR);
    await campaignRows(page).first().getByRole('link').waitFor();
    // Try again keeps the link that was opened.
    expect(pathAndQuery(page)).toBe('/?status=ready');

    expect(errors.unexpected()).toEqual([]);
  });
});
