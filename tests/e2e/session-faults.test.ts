/*
 * Session faults with short-lived tokens (renewal due half-way through a 10 s life): the identity host down while a
 * renewal is due, a refresh token refused (a duplicated tab reusing it after rotation, or revoked), and sign-out in
 * another tab. Each page must end in a clear state: renewed on the same URL, or at a sign-in that returns to it;
 * never a blank page or a loop (token requests are counted).
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { campaignRows } from './campaigns-helpers.ts';
import { e2eFile, signedInTab } from './fixtures.ts';
import { collectErrors, pathAndQuery, signIn, startStack, storedUser, SUPERVISOR, type Stack, type Tab } from './harness.ts';
import { waitUntil } from './reliability-helpers.ts';

const ACCESS_TOKEN_TTL_SECONDS = 10;
const VIEW = '/?status=running&order_by=name:asc&page=2';
/** A renewal loop would make hundreds; a few renewals and one fresh sign-in make a handful. */
const MAX_TOKEN_REQUESTS = 12;
// Failed token calls and refused renewals show on the console as failed resources; those are the fault itself.
const EXPECTED_FAILURES = [/Failed to load resource: the server responded with a status of (400|401|503)/];

let stack: Stack;
let browser: Browser;
e2eFile(() => startStack({ accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS }), (file) => ({ stack, browser } = file));

type ClearState = { kind: 'renewed'; expiresAt: number } | { kind: 'login' };

const onLoginPage = async (page: Page) =>
  page.url().startsWith(`${stack.sandboxUrl}/interaction/`) && (await page.getByLabel('Username').count()) > 0;

/**
 * Where a page has come to rest: signed in on `path` with rows and a token newer than `after`, or on the identity
 * host's login page. Anything else (a blank page, a spinner, an error card) is not a clear state yet.
 */
async function clearState(page: Page, path: string, after: number): Promise<ClearState | null> {
  if (await onLoginPage(page)) return { kind: 'login' };
  if (!page.url().startsWith(stack.appUrl) || pathAndQuery(page) !== path) return null;
  const user = await storedUser(page).catch(() => null);
  if (!user || user.expires_at <= after || user.expires_at * 1000 <= Date.now()) return null;
  if ((await campaignRows(page).count()) === 0) return null;
  return { kind: 'renewed', expiresAt: user.expires_at };
}

/** Waits for a clear state that holds for a second (not a page passing through on its way elsewhere). */
async function settleInClearState(page: Page, path: string, after: number, timeoutMs = 40_000): Promise<ClearState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await clearState(page, path, after);
    if (state) {
      await page.waitForTimeout(1_000);
      const again = await clearState(page, path, after);
      if (again?.kind === state.kind) return again;
    }
    if (Date.now() > deadline) throw new Error(`no clear state within ${timeoutMs} ms: ${page.url()} shows “${((await page.locator('body').textContent()) ?? '').slice(0, 200)}”`);
    await page.waitForTimeout(250);
  }
}

/** From the login page: sign in, and the app must come back to `path` with rows. */
async function signInReturnsTo(page: Page, path: string): Promise<void> {
  await signIn(page, SUPERVISOR);
  await page.waitForURL((url) => url.href.startsWith(stack.appUrl) && !url.pathname.startsWith('/auth/'));
  await waitUntil(async () => pathAndQuery(page), (current) => current === path, 'the URL after signing in again', 15_000);
  await campaignRows(page).first().waitFor();
}

/** Counts full navigations of the top frame, to tell one fresh sign-in from a redirect loop. */
function countNavigations(page: Page): { count: number } {
  const counter = { count: 0 };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) counter.count += 1;
  });
  return counter;
}

/** A tab of the test's own, signed in on VIEW with its rows. */
async function signedInOnView(): Promise<Tab> {
  const tab = await signedInTab(stack, browser, { path: VIEW });
  await campaignRows(tab.page).first().waitFor();
  return tab;
}

describe('the identity host down while a renewal is due', () => {
  it('back before the token runs out: the page ends renewed on the same URL', async () => {
    const { page, errors } = await signedInOnView();
    const first = (await storedUser(page))!;
    const tokensBefore = (await stack.requestCounts()).token;

    await stack.setFaults({ rules: [{ kind: 'token-down' }] });
    // The renewal due half-way through the token's life is refused...
    await waitUntil(() => stack.requestCounts(), (counts) => counts.token > tokensBefore, 'a renewal attempt while the identity host is down', 20_000, 200);
    await stack.setFaults({});
    // ...and a later attempt (the retry, or the 401 path) gets through.
    const state = await settleInClearState(page, VIEW, first.expires_at);
    const tokenRequests = (await stack.requestCounts()).token - tokensBefore;
    console.info(`session-faults: identity host down for one renewal → ${state.kind}, ${tokenRequests} token requests`);
    expect(state.kind).toBe('renewed');
    expect(tokenRequests).toBeLessThanOrEqual(MAX_TOKEN_REQUESTS);
    expect(errors.unexpected(EXPECTED_FAILURES)).toEqual([]);
  });

  it('down past the token’s life: a fresh sign-in that returns to the same URL, no loop', async () => {
    const { page, errors } = await signedInOnView();
    const navigations = countNavigations(page);
    const first = (await storedUser(page))!;
    const tokensBefore = (await stack.requestCounts()).token;

    await stack.setFaults({ rules: [{ kind: 'token-down' }] });
    // Down until the token has expired and the app has given up on renewing it.
    await page.waitForFunction((expiredAt) => Date.now() > expiredAt, (first.expires_at + 1) * 1000, { timeout: 30_000, polling: 250 });
    await waitUntil(
      async () => ({ url: page.url(), user: await storedUser(page).catch(() => null) }),
      ({ url, user }) => !url.startsWith(stack.appUrl) || user === null || user.expires_at > first.expires_at,
      'the app to leave the expired session',
      30_000,
      250,
    );
    const whileDown = (await stack.requestCounts()).token - tokensBefore;
    await stack.setFaults({});

    const state = await settleInClearState(page, VIEW, first.expires_at);
    if (state.kind === 'login') await signInReturnsTo(page, VIEW);
    else expect(pathAndQuery(page)).toBe(VIEW);
    const tokenRequests = (await stack.requestCounts()).token - tokensBefore;
    console.info(`session-faults: identity host down past expiry → ${state.kind}, ${whileDown} token requests while down, ${tokenRequests} in all, ${navigations.count} navigations`);
    expect(tokenRequests).toBeLessThanOrEqual(MAX_TOKEN_REQUESTS);
    expect(navigations.count).toBeLessThanOrEqual(8);
    expect(errors.unexpected([...EXPECTED_FAILURES, /sign-in|signin|token/i])).toEqual([]);
  });
});

describe('a refresh token refused', () => {
  it('a duplicated tab: both renew with one refresh token (rotation reuse), each ends renewed or at a sign-in back to its URL', async () => {
    const { context, page: original, errors: originalErrors } = await signedInOnView();
    const first = (await storedUser(original))!;
    const entries = (await original.evaluate('JSON.stringify(Object.entries(sessionStorage))')) as string;

    // A duplicated tab starts with a copy of the original's sessionStorage.
    const duplicate = await context.newPage();
    await duplicate.addInitScript(
      ({ origin, saved }) => {
        if (window.location.origin !== origin || sessionStorage.getItem('__duplicated')) return;
        for (const [key, value] of JSON.parse(saved) as [string, string][]) sessionStorage.setItem(key, value);
        sessionStorage.setItem('__duplicated', '1');
      },
      { origin: new URL(stack.appUrl).origin, saved: entries },
    );
    const errors = [originalErrors, collectErrors(duplicate)];
    const tokensBefore = (await stack.requestCounts()).token;
    await duplicate.goto(`${stack.appUrl}${VIEW}`);
    await campaignRows(duplicate).first().waitFor();
    expect((await storedUser(duplicate))?.refresh_token).toBe(first.refresh_token);

    const states = await Promise.all([original, duplicate].map((page) => settleInClearState(page, VIEW, first.expires_at, 60_000)));
    for (const [index, page] of [original, duplicate].entries()) {
      if (states[index]?.kind === 'login') await signInReturnsTo(page, VIEW);
    }
    const tokenRequests = (await stack.requestCounts()).token - tokensBefore;
    console.info(`session-faults: duplicated tab → ${states.map((state) => state.kind).join(' + ')}, ${tokenRequests} token requests`);
    expect(tokenRequests).toBeLessThanOrEqual(2 * MAX_TOKEN_REQUESTS);
    expect(errors.flatMap((pageErrors) => pageErrors.unexpected([...EXPECTED_FAILURES, /sign-in|signin|token/i]))).toEqual([]);
  });

  it('revoked: the next renewal is refused and the page ends at a sign-in back to its URL (or renewed through it)', async () => {
    const { page, errors } = await signedInOnView();
    const navigations = countNavigations(page);
    const first = (await storedUser(page))!;
    const tokensBefore = (await stack.requestCounts()).token;

    // Revoked elsewhere (an administrator, another device): through the dashboard's own revoke endpoint.
    const revoke = await fetch(`${stack.appUrl}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: first.refresh_token!, token_type_hint: 'refresh_token' }),
    });
    expect(revoke.ok).toBe(true);

    const state = await settleInClearState(page, VIEW, first.expires_at);
    if (state.kind === 'login') await signInReturnsTo(page, VIEW);
    const tokenRequests = (await stack.requestCounts()).token - tokensBefore;
    console.info(`session-faults: revoked refresh token → ${state.kind}, ${tokenRequests} token requests, ${navigations.count} navigations`);
    expect(tokenRequests).toBeLessThanOrEqual(MAX_TOKEN_REQUESTS);
    expect(navigations.count).toBeLessThanOrEqual(8);
    expect(errors.unexpected([...EXPECTED_FAILURES, /sign-in|signin|token/i])).toEqual([]);
  });
});

describe('sign-out in one tab while another is open', () => {
  it('the other tab ends signed out or at the login page, showing no campaign data', async () => {
    const { context, page: first } = await signedInOnView();
    const second = await context.newPage();
    await second.goto(`${stack.appUrl}${VIEW}`);
    // The identity host remembers this browser: the second tab may sign in without the form.
    await waitUntil(async () => (await onLoginPage(second)) || (await campaignRows(second).count()) > 0, Boolean, 'the second tab to open', 20_000, 200);
    if (await onLoginPage(second)) await signInReturnsTo(second, VIEW);
    await campaignRows(second).first().waitFor();

    await first.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await first.getByRole('heading', { name: 'You are signed out' }).waitFor();

    const outcome = await waitUntil(
      async () => {
        if (await onLoginPage(second)) return 'login';
        if ((await second.getByRole('heading', { name: 'You are signed out' }).count()) > 0) return 'signed out';
        return null;
      },
      (value) => value !== null,
      'the second tab to sign out',
      20_000,
      200,
    );
    console.info(`session-faults: sign-out in another tab → ${outcome}`);
    expect(await second.getByRole('table', { name: 'Campaigns' }).count()).toBe(0);
    expect(await storedUser(second).catch(() => null)).toBeNull();
  });
});
