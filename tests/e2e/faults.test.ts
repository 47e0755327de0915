/*
 * Faults: for every failure Talkdesk (or the network to it) can throw at the list, the supervisor reads a specific
 * message, keeps the rows that last loaded, the app retries with backoff (honouring Retry-After) instead of
 * storming, and it recovers by itself once the fault stops. The sandbox's fault state is global, so each fault gets
 * its own stack and all run side by side from beforeAll (each test then checks its own observation); the proxy's upstream timeout is 2 s so a hung request ends in the test's
 * time. The count query (per_page=1) is kept out of the picture by failing a "Needs action only" view, which
 * needs no separate count.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignsApi, tableNames } from './campaigns-helpers.ts';
import { launchBrowser, openSignedIn, openTab, reportFailures, startStack, type FaultRule, type Stack } from './harness.ts';
import { waitForTable } from './reliability-helpers.ts';

reportFailures();

const UPSTREAM_TIMEOUT_MS = 2_000;
const GOOD_VIEW = '/?status=paused';
/** 1 request + 4 retries for transient errors (src/lib/query-client.ts); none for answers that cannot be read. */
const TRANSIENT_ATTEMPTS = 5;
/** Event timestamps are taken in this process, a little after the browser sent the request. */
const CLOCK_SLACK_MS = 150;
// The browser logs every failed response on its console; those are the expected trace of a fault.
const FAILED_LOAD = /Failed to load resource: the server responded with a status of (429|500|502|503|504)/;

interface FaultCase {
  name: string;
  rule: FaultRule;
  message: string;
  transient: boolean;
  /** Also run the fault for a few requests only: the retries must get through it without an error on screen. */
  briefTimes?: number;
}

const CASES: FaultCase[] = [
  { name: '429 with Retry-After: 2', rule: { kind: '429', retryAfterSeconds: 2, path: 'list' }, message: 'Too many requests to Talkdesk right now.', transient: true, briefTimes: 2 },
  { name: '429 without Retry-After', rule: { kind: '429', path: 'list' }, message: 'Too many requests to Talkdesk right now.', transient: true },
  { name: '500', rule: { kind: '500', path: 'list' }, message: 'Internal server error', transient: true, briefTimes: 2 },
  { name: '502', rule: { kind: '502', path: 'list' }, message: 'Talkdesk is unavailable (502). Bad gateway', transient: true },
  { name: '503', rule: { kind: '503', path: 'list' }, message: 'Talkdesk is unavailable (503). Service unavailable', transient: true },
  // The proxy gives up after UPSTREAM_TIMEOUT_MS and answers 504.
  { name: 'a hung request', rule: { kind: 'hang', path: 'list' }, message: 'Talkdesk took too long to answer.', transient: true },
  // The proxy sees the dropped connection and answers 502.
  { name: 'a dropped connection', rule: { kind: 'drop', path: 'list' }, message: 'Talkdesk is unavailable (502). The upstream service could not be reached.', transient: true },
  { name: 'malformed JSON', rule: { kind: 'malformed-json', path: 'list' }, message: 'Talkdesk sent an answer the dashboard could not read.', transient: false },
  { name: 'a body that breaks the schema', rule: { kind: 'bad-schema', path: 'list' }, message: 'Talkdesk sent campaigns in a shape the dashboard does not know.', transient: false },
];

let browser: Browser;
const stacks: Stack[] = [];

interface Observation {
  goodNames: string[];
  brief?: { requests: number[]; alertShown: boolean };
  alertText: string;
  retryButton: boolean;
  namesDuringError: string[];
  staleDuringError: string | null;
  /** List requests the sandbox saw from setting the fault to the error on screen. */
  attempts: number;
  requests: number[];
  alertAfterRecovery: number;
  /** List requests from the fault's end until the view was back (poll, prefetch, count). */
  toRecover: number;
  unexpectedErrors: string[];
}

const observations = new Map<string, Promise<Observation>>();
let spellings: Promise<{ rewritten: number; pager: string; totalPages: number; unexpectedErrors: string[] }>;

beforeAll(async () => {
  browser = await launchBrowser();
  // Every fault at once, each on its own stack: the slow part is waiting for backoff and the 15 s recovery poll.
  for (const fault of CASES) observations.set(fault.name, settledLater(observe(fault)));
  spellings = settledLater(observeSpellings());
});

afterAll(async () => {
  await Promise.allSettled([...observations.values(), spellings]);
  await browser?.close();
  await Promise.all(stacks.map((stack) => stack.stop()));
});

/** A promise the test awaits later: marked handled now so a failure is reported by its test, not as unhandled. */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function startFaultStack(): Promise<Stack> {
  // A short proxy timeout, so that a hung upstream becomes a 504 within the test's time.
  const stack = await startStack({ env: { UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS) } });
  stacks.push(stack);
  return stack;
}

/** Waits until the sandbox has seen no list request for a while (the next-page prefetch and the count included). */
async function listRequestsAtRest(stack: Stack): Promise<number> {
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const { list } = await stack.requestCounts();
    if (list !== last) {
      last = list;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 600) {
      return list;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Times (in this process) at which the page asked for the failing view's list. */
function recordListRequests(page: Page): number[] {
  const times: number[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/campaigns' && url.searchParams.get('action_required') === 'true' && url.searchParams.get('page') === '1') {
      times.push(Date.now());
    }
  });
  return times;
}

const gaps = (times: number[]) => times.slice(1).map((time, index) => time - (times[index] as number));
const alert = (page: Page) => page.getByRole('alert').filter({ hasText: 'Campaigns could not be loaded.' });
/** Stops injecting faults but keeps the sandbox's request counters (clearFaults resets them). */
const stopFaults = (stack: Stack) => stack.setFaults({});

async function observe(fault: FaultCase): Promise<Observation> {
  const stack = await startFaultStack();
  // Opened before the tests run, so closed here rather than with a test.
  const { context, page, errors } = await openTab(browser);
  try {
    await openSignedIn(page, stack, GOOD_VIEW);
    const api = await CampaignsApi.fromPage(stack, page);
    const good = await api.list({ status: 'paused' });
    const failing = await api.list({ status: 'paused', action_required: true });
    await waitForTable(page, good);
    const goodNames = good.campaigns.map((campaign) => campaign.name.trim());

    let brief: Observation['brief'];
    if (fault.briefTimes) {
      // A fault that lasts fewer requests than the retries: the supervisor sees the new view, never an error.
      const requests = recordListRequests(page);
      await listRequestsAtRest(stack);
      await stack.setFaults({ rules: [{ ...fault.rule, times: fault.briefTimes }] });
      await page.getByLabel('Needs action only').check();
      let alertShown = false;
      const watch = setInterval(() => void alert(page).count().then((count) => (alertShown ||= count > 0), () => undefined), 100);
      await waitForTable(page, failing, 30_000).finally(() => clearInterval(watch));
      brief = { requests: [...requests], alertShown };
      await stopFaults(stack);
      await page.goto(`${stack.appUrl}${GOOD_VIEW}`);
      await waitForTable(page, good);
    }

    // A fault that outlasts the retries.
    const requests = recordListRequests(page);
    const before = await listRequestsAtRest(stack);
    await stack.setFaults({ rules: [fault.rule] });
    await page.getByLabel('Needs action only').check();
    await alert(page).waitFor({ timeout: 45_000 });
    const alertText = (await alert(page).textContent()) ?? '';
    const retryButton = await alert(page).getByRole('button', { name: 'Retry' }).isVisible();
    const namesDuringError = await tableNames(page);
    const staleDuringError = await page.getByRole('table', { name: 'Campaigns' }).getAttribute('data-stale');
    const errorShownAt = (await stack.requestCounts()).list;
    const requestsUntilError = [...requests];

    // The fault stops: the recovery poll (every 15 s while failing) brings the view back with no click.
    await stopFaults(stack);
    await waitForTable(page, failing, 30_000);
    const alertAfterRecovery = await alert(page).count();
    const toRecover = (await listRequestsAtRest(stack)) - errorShownAt;
    return {
      goodNames,
      brief,
      alertText,
      retryButton,
      namesDuringError,
      staleDuringError,
      attempts: errorShownAt - before,
      requests: requestsUntilError,
      alertAfterRecovery,
      toRecover,
      unexpectedErrors: errors.unexpected([FAILED_LOAD]),
    };
  } finally {
    await context.close();
  }
}

async function observeSpellings() {
  // The sandbox spells the fields correctly; the browser rewrites its real answers into Talkdesk's documented spelling.
  const stack = await startFaultStack();
  const { context, page, errors } = await openTab(browser);
  try {
    let rewritten = 0;
    await page.route(
      (url) => url.pathname === '/api/campaigns',
      async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { total_pages?: number; _embedded?: { campaigns?: unknown[] } };
        const { total_pages: totalPages, _embedded: embedded, ...rest } = body;
        rewritten += 1;
        await route.fulfill({ response, json: { ...rest, total_page: totalPages, _embedded: { campaings: embedded?.campaigns ?? [] } } });
      },
    );
    await openSignedIn(page, stack, '/?status=running&per_page=25&page=3');
    const api = await CampaignsApi.fromPage(stack, page);
    const answer = await api.list({ status: 'running', per_page: 25, page: 3 });
    await waitForTable(page, answer);
    const pager = (await page.getByRole('navigation', { name: 'Pagination' }).textContent()) ?? '';
    return { rewritten, pager, totalPages: answer.totalPages, unexpectedErrors: errors.unexpected() };
  } finally {
    await context.close();
  }
}

describe('each fault on GET /campaigns', () => {
  for (const fault of CASES) {
    it(`${fault.name}: a specific message, the last rows kept, bounded retries, recovery by itself`, async () => {
      const seen = await observations.get(fault.name)!;
      const spacing = gaps(seen.requests);
      console.info(
        `faults: ${fault.name}: ${seen.attempts} requests until the error (gaps ${spacing.join('/')} ms), ${seen.toRecover} to recover` +
          (seen.brief ? `; brief fault (times ${fault.briefTimes}): ${seen.brief.requests.length} requests (gaps ${gaps(seen.brief.requests).join('/')} ms)` : ''),
      );

      expect(seen.alertText).toContain(fault.message);
      expect(seen.retryButton).toBe(true);
      // The last good rows stay, dimmed.
      expect(seen.namesDuringError).toEqual(seen.goodNames);
      expect(seen.staleDuringError).toBe('true');

      // Bounded retries: 1 + 4 for a transient error, none for an answer that cannot be read.
      expect(seen.attempts).toBe(fault.transient ? TRANSIENT_ATTEMPTS : 1);
      expect(seen.requests).toHaveLength(seen.attempts);
      if (fault.rule.retryAfterSeconds) {
        for (const gap of spacing) expect(gap).toBeGreaterThanOrEqual(fault.rule.retryAfterSeconds * 1000 - CLOCK_SLACK_MS);
      } else if (fault.transient) {
        // Exponential backoff with jitter: retry n waits at least half of 1 s × 2^n (a hang adds the proxy's timeout).
        spacing.forEach((gap, n) => expect(gap).toBeGreaterThanOrEqual(500 * 2 ** n - CLOCK_SLACK_MS));
      }

      // Recovered by itself: the failing view's rows, no alert, a handful of requests (poll, prefetch, count).
      expect(seen.alertAfterRecovery).toBe(0);
      expect(seen.toRecover).toBeGreaterThanOrEqual(1);
      expect(seen.toRecover).toBeLessThanOrEqual(4);

      if (fault.briefTimes) {
        expect(seen.brief?.alertShown).toBe(false);
        expect(seen.brief?.requests).toHaveLength(fault.briefTimes + 1);
        if (fault.rule.retryAfterSeconds) {
          for (const gap of gaps(seen.brief!.requests)) expect(gap).toBeGreaterThanOrEqual(fault.rule.retryAfterSeconds * 1000 - CLOCK_SLACK_MS);
        }
      }
      expect(seen.unexpectedErrors).toEqual([]);
    }, 120_000);
  }

  it('reads the documented spellings `campaings` and `total_page`', async () => {
    const seen = await spellings;
    console.info(`faults: spellings: ${seen.rewritten} answers rewritten to campaings/total_page`);
    expect(seen.rewritten).toBeGreaterThan(0);
    expect(seen.pager).toContain(`Page 3 of ${seen.totalPages}`);
    expect(seen.unexpectedErrors).toEqual([]);
  }, 120_000);
});
