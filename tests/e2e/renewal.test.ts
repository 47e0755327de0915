/*
 * Renewal with short-lived access tokens: the app renews with the refresh token ahead of expiry (30 s before, or
 * half-way through a shorter life), so a supervisor who keeps the page open past the first token's lifetime keeps
 * working without seeing a login page, and without the app hammering the token endpoint.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eFile, signedInTab } from './fixtures.ts';
import { campaignRows, startStack, storedUser, SUPERVISOR, type Stack, waitForRowsWithStatus } from './harness.ts';

// Shorter than the 30 s renewal margin on purpose: renewal must still happen once per half-life, not in a loop.
const ACCESS_TOKEN_TTL_SECONDS = 12;

let stack: Stack;
let browser: Browser;
e2eFile(() => startStack({ accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS }), (file) => ({ stack, browser } = file));

describe('short-lived access tokens', () => {
  it('are renewed with the refresh token, so the page keeps working past the first token’s lifetime', async () => {
    const { page, errors } = await signedInTab(stack, browser);
    await campaignRows(page).first().getByRole('link').waitFor();
    const first = await storedUser(page);
    expect(first?.refresh_token).toBeTruthy();
    expect(first!.expires_at - Date.now() / 1000).toBeLessThanOrEqual(ACCESS_TOKEN_TTL_SECONDS + 1);
    const tokenRequestsAfterSignIn = (await stack.requestCounts()).token;

    const leftTheApp: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && !frame.url().startsWith(stack.appUrl)) leftTheApp.push(frame.url());
    });

    // Wait (in the page's clock) until the first access token has expired.
    await page.waitForFunction((expiredAt) => Date.now() > expiredAt, (first!.expires_at + 1) * 1000, {
      timeout: (ACCESS_TOKEN_TTL_SECONDS + 15) * 1000,
      polling: 500,
    });

    await page.getByLabel('Status').selectOption({ label: 'Running' });
    await page.waitForURL((url) => url.search.includes('status=running'));
    await waitForRowsWithStatus(page, 'Running');
    expect(await page.getByRole('banner').textContent()).toContain(SUPERVISOR.name);
    expect(leftTheApp).toEqual([]);

    const renewed = await storedUser(page);
    expect(renewed?.access_token).toBeTruthy();
    expect(renewed!.access_token).not.toBe(first!.access_token);
    // Rotation: every refresh_token grant answers with a new refresh token.
    expect(renewed!.refresh_token).not.toBe(first!.refresh_token);
    expect(renewed!.expires_at).toBeGreaterThan(first!.expires_at);
    const refreshes = (await stack.requestCounts()).token - tokenRequestsAfterSignIn;
    expect(refreshes).toBeGreaterThan(0);
    // Half-way renewal gives about two in one lifetime; a renewal loop would give hundreds.
    expect(refreshes).toBeLessThanOrEqual(6);
    expect(stack.output()).not.toMatch(/GET \/api\/campaigns 401/);

    expect(errors.unexpected()).toEqual([]);
  });
});
