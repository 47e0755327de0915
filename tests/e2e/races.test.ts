/*
 * Races: with the sandbox answering after a random 0-800 ms, random sequences of quick interactions (filters,
 * sort, paging, rows per page, Back and Forward, typing) never leave the table showing another view's rows. Each
 * sequence comes from a printed seed; RACE_SEED=<seed> replays one, RACE_SEQUENCES=<n> sets how many run.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CampaignsApi } from './campaigns-helpers.ts';
import { e2eFile, signedInTab } from './fixtures.ts';
import { startStack, type PageErrors, type Stack } from './harness.ts';
import { checkAgainstOracle, seeded, type OracleCheck, type Random } from './reliability-helpers.ts';

const REPLAY_SEED = process.env.RACE_SEED ? Number(process.env.RACE_SEED) : null;
// 80 a run keeps `npm test` within its time on 2 cores; each run draws new seeds, so the runs add up.
const SEQUENCES = Number(process.env.RACE_SEQUENCES ?? (REPLAY_SEED === null ? 80 : 1));
const BASE_SEED = REPLAY_SEED ?? Math.floor(Math.random() * 2 ** 31);
/** Pages driven in parallel, each with its own session (RACE_PAGES). */
const PAGES = Math.max(1, Math.min(Number(process.env.RACE_PAGES ?? 3), SEQUENCES));

// Words that match some generated names, some none (an empty result is a view too), some with accents.
const SEARCH_WORDS = ['paris', 'Müller', 'renew', 'café', 'Q2', 'pilot', 'zzq', 'sao', 'Nørgaard', 'winback', 'VIP', 'Chicago 2026'];
const STATUSES = ['', 'incomplete', 'ready', 'running', 'paused'];
const MODES = ['', 'PREDICTIVE', 'PREVIEW'];
const PRIORITIES = ['', '1', '2', '3', '5', '7', '10'];
const PAGE_SIZES = ['10', '25', '50', '100'];
const SORT_HEADERS = ['Name', 'Dialing mode', 'Priority', 'Created'];
const PAGER_BUTTONS = ['Next page', 'Next page', 'Previous page', 'First page', 'Last page'];

interface Interaction {
  label: string;
  run(page: Page): Promise<void>;
}

const table = (page: Page) => page.getByRole('table', { name: 'Campaigns' });

/** The pager (and its Rows per page) is not shown for an empty result: then there is nothing to choose. */
async function selectIfShown(locator: Locator, value: string): Promise<void> {
  if ((await locator.count()) === 0) return;
  await locator.selectOption(value, { timeout: 2_000 }).catch(async (error: unknown) => {
    if ((await locator.count()) > 0) throw error;
  });
}

/**
 * Clicks like a user who does not wait: forced, so a disabled button just ignores it; a control that is not on
 * screen (the pager hides for an empty result) is not clicked at all.
 */
async function clickIfShown(locator: Locator): Promise<void> {
  if ((await locator.count()) === 0) return;
  await locator.click({ force: true, timeout: 2_000 }).catch(async (error: unknown) => {
    if ((await locator.count()) === 0) return;
    // The target moved (the view changed height) between Playwright's scroll and its click: click it again where
    // it is now, as a user would. Any other failure, or a second miss, fails the sequence.
    if (!String(error).includes('outside of the viewport')) throw error;
    await locator.click({ force: true, timeout: 2_000 });
  });
}

/** Moves in history only within the sequence's own entries (the Navigation API knows the index). */
const historyStep = (direction: 'back' | 'forward'): Interaction => ({
  label: direction === 'back' ? 'Back' : 'Forward',
  run: async (page) => {
    await page.evaluate(`(() => {
      const nav = window.navigation;
      if (${direction === 'back'} ? nav.currentEntry.index > window.__raceBase : nav.canGoForward) history.${direction}();
    })()`);
  },
});

function randomInteraction(random: Random): Interaction {
  const kind = random.int(0, 11);
  switch (kind) {
    case 0: {
      const value = random.pick(STATUSES);
      return { label: `Status=${value || 'All'}`, run: (page) => page.getByLabel('Status', { exact: true }).selectOption(value).then(() => undefined) };
    }
    case 1: {
      const value = random.pick(MODES);
      return { label: `Dialing mode=${value || 'All'}`, run: (page) => page.getByLabel('Dialing mode', { exact: true }).selectOption(value).then(() => undefined) };
    }
    case 2: {
      const value = random.pick(PRIORITIES);
      return { label: `Priority=${value || 'Any'}`, run: (page) => page.getByLabel('Priority', { exact: true }).selectOption(value).then(() => undefined) };
    }
    case 3:
      return { label: 'toggle Needs action only', run: (page) => clickIfShown(page.getByLabel('Needs action only')) };
    case 4:
    case 5: {
      const name = random.pick(SORT_HEADERS);
      return { label: `sort by ${name}`, run: (page) => clickIfShown(table(page).getByRole('button', { name, exact: true })) };
    }
    case 6:
    case 7: {
      const name = random.pick(PAGER_BUTTONS);
      return { label: name, run: (page) => clickIfShown(page.getByRole('button', { name, exact: true })) };
    }
    case 8: {
      const value = random.pick(PAGE_SIZES);
      return { label: `Rows per page=${value}`, run: (page) => selectIfShown(page.getByLabel('Rows per page'), value) };
    }
    case 9:
      return random.next() < 0.6 ? historyStep('back') : historyStep('forward');
    case 10: {
      const roll = random.next();
      if (roll < 0.2) return { label: 'clear search box', run: (page) => page.getByLabel('Search campaigns').fill('') };
      const word = random.pick(SEARCH_WORDS);
      const keyDelay = random.int(0, 80);
      const enter = roll > 0.8;
      return {
        label: `type “${word}” (${keyDelay} ms a key${enter ? ', Enter' : ''})`,
        run: async (page) => {
          const box = page.getByLabel('Search campaigns');
          await box.fill('');
          await box.pressSequentially(word, { delay: keyDelay });
          if (enter) await box.press('Enter');
        },
      };
    }
    default:
      return { label: 'Clear filters', run: (page) => clickIfShown(page.getByRole('button', { name: 'Clear filters' }).first()) };
  }
}

/** 5-15 interactions, sometimes with a short pause between them so responses land at every point of the sequence. */
function sequenceFor(seed: number): { steps: Interaction[]; pauses: number[] } {
  const random = seeded(seed);
  const length = random.int(5, 15);
  const steps = Array.from({ length }, () => randomInteraction(random));
  const pauses = steps.map(() => (random.next() < 0.25 ? random.int(0, 500) : 0));
  return { steps, pauses };
}

interface Outcome {
  seed: number;
  steps: string[];
  check: OracleCheck | null;
  error?: string;
}

let stack: Stack;
let browser: Browser;
e2eFile(() => startStack(), (file) => ({ stack, browser } = file));

async function runSequence(page: Page, api: CampaignsApi, seed: number): Promise<Outcome> {
  const { steps, pauses } = sequenceFor(seed);
  const labels = steps.map((step) => step.label);
  await page.goto(`${stack.appUrl}/`);
  await table(page).waitFor();
  // The sequences race the app's own state; the server's first screen, inert until the app renders in its place
  // (clicks on it are kept and replayed: tests/e2e/first-screen.test.ts), is not what they are about.
  await page.waitForFunction(() => document.querySelector('#root > [data-first-screen]') === null);
  await page.evaluate('window.__raceBase = window.navigation.currentEntry.index');
  try {
    for (const [index, step] of steps.entries()) {
      await step.run(page);
      if (pauses[index]) await page.waitForTimeout(pauses[index]);
    }
    return { seed, steps: labels, check: await checkAgainstOracle(page, api) };
  } catch (error) {
    return { seed, steps: labels, check: null, error: (error as Error).message.split('\n')[0] };
  }
}

function report(outcome: Outcome): string {
  const lines = [`seed ${outcome.seed} (replay: RACE_SEED=${outcome.seed} npx vitest run --project e2e tests/e2e/races.test.ts)`];
  lines.push(`  steps: ${outcome.steps.join(' → ')}`);
  if (outcome.error) lines.push(`  error: ${outcome.error}`);
  if (outcome.check) {
    lines.push(`  final URL: ${outcome.check.url}`);
    lines.push(`  expected: ${JSON.stringify(outcome.check.expected)}`);
    lines.push(`  shown:    ${JSON.stringify(outcome.check.shown)}`);
  }
  return lines.join('\n');
}

describe('random interaction sequences under random latency', () => {
  it(`show exactly the API's answer for the final URL (${SEQUENCES} sequences)`, async () => {
    await stack.setFaults({ latencyMs: 0, latencyJitterMs: 800 });
    const seeds = Array.from({ length: SEQUENCES }, (_, index) => (REPLAY_SEED !== null && index === 0 ? REPLAY_SEED : (BASE_SEED + index * 7919) >>> 0));
    console.info(`races: ${SEQUENCES} sequences on ${PAGES} pages, seeds ${seeds[0]}…, base seed ${BASE_SEED}`);

    const outcomes: Outcome[] = [];
    const errorsByPage: PageErrors[] = [];
    let next = 0;
    const worker = async () => {
      const { page, errors } = await signedInTab(stack, browser);
      errorsByPage.push(errors);
      const api = await CampaignsApi.fromPage(stack, page);
      while (next < seeds.length) {
        const seed = seeds[next++] as number;
        const outcome = await runSequence(page, api, seed);
        outcomes.push(outcome);
        if (!outcome.check?.ok) console.error(`races: MISMATCH\n${report(outcome)}`);
      }
    };
    await Promise.all(Array.from({ length: PAGES }, worker));
    await stack.clearFaults();

    const failed = outcomes.filter((outcome) => !outcome.check?.ok);
    const late = outcomes.filter((outcome) => outcome.check?.lateMatch).length;
    const interactions = outcomes.reduce((sum, outcome) => sum + outcome.steps.length, 0);
    console.info(`races: ${outcomes.length} sequences, ${interactions} interactions, ${failed.length} mismatches, ${late} painted after settling`);
    expect(outcomes).toHaveLength(SEQUENCES);
    expect(failed.map(report)).toEqual([]);
    expect(errorsByPage.flatMap((errors) => errors.unexpected())).toEqual([]);
  }, 600_000);
});
