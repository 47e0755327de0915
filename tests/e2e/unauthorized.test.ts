/*
 * An API 401 (a token the API no longer accepts, though the app thought it valid): the app renews once with the
 * refresh token and retries, so the supervisor sees the view they asked for; when the refresh token is refused too,
 * a fresh sign-in brings them back to exactly the same URL.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eFile, signedInTab } from './fixtures.ts';
import { pathAndQuery, signIn, startStack, storedUser, SUPERVISOR, type Stack, waitForRowsWithStatus } from './harness.ts';

const VIEW = '/?status=paused&order_by=name:asc';
// The 401 itself and a refused refresh show on the console as failed resources: that is the fault under test.
const EXPECTED_FAILURES = [/Failed to load resource: the server responded with a status of (400|401)/];

let stack: Stack;
let browser: Browser;
e2eFile(() => startStack(), (file) => ({ stack, browser } = file));

/** Replaces fields of the stored session, as if the identity host had revoked what the tab still holds. */
async function spoilStoredTokens(page: Page, fields: Record<string, string>): Promise<void> {
  await page.evaluate((patch) => {
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'))!;
    sessionStorage.setItem(key, JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key)!), ...patch }));
  }, fields);
}

describe('an API 401', () => {
  it('is answered by one renewal with the refresh token and a retry: the view appears, no login page', async () => {
    const { page, errors } = await signedInTab(stack, browser, { path: VIEW });
    await waitForRowsWithStatus(page, 'Paused');
    const before = await storedUser(page);
    await spoilStoredTokens(page, { access_token: 'not-a-token-the-api-accepts' });
    const tokenRequests = (await stack.requestCounts()).token;
    const leftTheApp: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && !frame.url().startsWith(stack.appUrl)) leftTheApp.push(frame.url());
    });

    await page.reload();
    await waitForRowsWithStatus(page, 'Paused');

    expect(pathAndQuery(page)).toBe(VIEW);
    expect(leftTheApp).toEqual([]);
    const after = await storedUser(page);
    expect(after?.access_token).not.toBe('not-a-token-the-api-accepts');
    expect(after?.refresh_token).not.toBe(before?.refresh_token);
    // One renewal: a single refresh_token grant, not one per failed request.
    expect((await stack.requestCounts()).token - tokenRequests).toBe(1);
    expect(errors.unexpected(EXPECTED_FAILURES)).toEqual([]);
  });

  it('with the refresh token refused too, ends in a fresh sign-in that returns to the same URL', async () => {
    const { page, errors } = await signedInTab(stack, browser, { path: VIEW });
    await waitForRowsWithStatus(page, 'Paused');
    await spoilStoredTokens(page, { access_token: 'not-a-token-the-api-accepts', refresh_token: 'not-a-refresh-token' });
    // A redirect commits no page, so the trip to the identity host is seen in the navigation requests.
    let wentToIdentityHost = false;
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.url().startsWith(`${stack.sandboxUrl}/oauth/authorize`)) wentToIdentityHost = true;
    });

    await page.reload();
    // The identity host may still hold a login session (then it answers at once) or ask for the password.
    const landed = await Promise.race([
      page.getByLabel('Username').waitFor().then(() => 'login' as const),
      page.waitForURL((url) => url.href === `${stack.appUrl}${VIEW}` && wentToIdentityHost).then(() => 'back' as const),
    ]);
    if (landed === 'login') await signIn(page, SUPERVISOR);
    await waitForRowsWithStatus(page, 'Paused');

    expect(wentToIdentityHost).toBe(true);
    expect(pathAndQuery(page)).toBe(VIEW);
    const after = await storedUser(page);
    expect(after?.refresh_token).toBeTruthy();
    expect(after?.refresh_token).not.toBe('not-a-refresh-token');
    expect(errors.unexpected(EXPECTED_FAILURES)).toEqual([]);
  });
});
