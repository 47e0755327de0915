/*
 * The set-up of an end-to-end file, in one place: one stack and one browser for the whole file (with the failure
 * report for each test), optionally one tab signed in as the supervisor that the file's tests share, and tabs a test
 * opens for itself (a fresh session: signing in or out, spoiling tokens, another theme), closed when it ends.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { CampaignsApi } from './campaigns-helpers.ts';
import { launchBrowser, openSignedIn, openTab, reportFailures, startStack, type ContextOptions, type Stack, type Tab } from './harness.ts';

export interface E2eFile<S extends Stack> {
  stack: S;
  browser: Browser;
}

export interface SignedInFile extends E2eFile<Stack>, Tab {
  /** The sandbox's GET /campaigns with the shared tab's token: the oracle for what the table shows. */
  api: CampaignsApi;
}

function setUpFile<S extends Stack, F>(start: () => Promise<S>, prepare: (stack: S, browser: Browser) => Promise<F>, assign: (file: F) => void): void {
  reportFailures();
  let stack: S | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([start(), launchBrowser()]);
    assign(await prepare(stack, browser));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
}

/** One stack (`start`) and one browser for the whole file; `assign` receives them before the first test. */
export function e2eFile<S extends Stack>(start: () => Promise<S>, assign: (file: E2eFile<S>) => void): void {
  setUpFile(start, async (stack, browser) => ({ stack, browser }), assign);
}

/** Like e2eFile, with `npm start`'s stack and one tab signed in on the list that the file's tests share. */
export function signedInFile(assign: (file: SignedInFile) => void): void {
  setUpFile(
    () => startStack(),
    async (stack, browser) => {
      const tab = await openTab(browser);
      await openSignedIn(tab.page, stack);
      // The list's own later requests (the next page's prefetch, after its first paint; the need-action count) are
      // done before a test starts counting requests: they would be counted as that test's.
      await tab.page.waitForLoadState('networkidle');
      return { stack, browser, ...tab, api: await CampaignsApi.fromPage(stack, tab.page) };
    },
    assign,
  );
}

/** A tab of the current test's own, signed out; closed when the test ends. */
export async function testTab(browser: Browser, options: ContextOptions = {}): Promise<Tab> {
  const tab = await openTab(browser, options);
  onTestFinished(() => tab.context.close());
  return tab;
}

/** A tab of the current test's own, signed in as the supervisor on `path` (the list by default). */
export async function signedInTab(stack: Stack, browser: Browser, options: ContextOptions & { path?: string } = {}): Promise<Tab> {
  const tab = await testTab(browser, options);
  await openSignedIn(tab.page, stack, options.path);
  return tab;
}
