/*
 * `npm run bench`: the built app against its floor, the plain page (bench/plain-page/: the same first screen as plain
 * HTML, fetch and DOM, every script inline), served from the same origin with the same signed-in user, in headless
 * Chromium against the sandbox. Prints one table, checks the targets (timings as ratios to the plain page, which a
 * slower machine does not fail the way it fails absolute times) and writes bench-results/latest.json. See
 * bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchBrowser, ROOT, signIn, startStack, SUPERVISOR, type Stack } from '../tests/e2e/harness.ts';
import { gzipBytes, inlineGzipBytes } from '../tests/server/first-screen-bundle.ts';
import { plainPageHtml } from './plain-page-html.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/**
 * Cold loads per page for the two first-rows figures (the first RUNS are the measured runs' own). Single cold loads
 * on two cores spread over 40 ms or more, so a median of five moves a ratio near its target by about ±0.06; three
 * times as many loads make the median a steadier figure of the same thing.
 */
const COLD_RUNS = Math.max(RUNS, Number(process.env.BENCH_COLD_RUNS ?? 15));
// The benchmark's own build, so no other build (a developer's, the end-to-end tests') can change it mid-run.
const DIST = join(ROOT, 'bench-results', 'dist');
const PLAIN_PATH = '/__plain/index.html';
const FLOOR_PATH = '/__floor/index.html';
const PROBE = join(ROOT, 'bench', 'page-probe.js');
const SEARCH_WORD = 'upsell';
const TYPING_DELAY_MS = 100;
/** A view has settled when no API request has been in flight for this long. */
const QUIET_MS = 250;
/** The browser reports tasks longer than this only. */
const LONG_TASK_MS = 50;
const WAIT_MS = 15_000;

type Target = 'app' | 'plain';
const TARGET_PATHS: Record<Target, string> = { app: '/', plain: PLAIN_PATH };
interface Combo {
  name: string;
  latencyMs: number;
  perPage: 50 | 100;
}
const COMBOS: Combo[] = [
  { name: '0 ms, 50 rows', latencyMs: 0, perPage: 50 },
  { name: '100 ms, 50 rows', latencyMs: 100, perPage: 50 },
  { name: '0 ms, 100 rows', latencyMs: 0, perPage: 100 },
];

type Interaction = 'next' | 'previous' | 'back' | 'sort' | 'filter' | 'revisit' | 'search';

interface ApiRequest {
  url: string;
  kind: 'list' | 'count';
}
interface InteractionResult {
  ms: number;
  requests: ApiRequest[];
}
interface RunResult {
  coldMs: number;
  /** Same-origin resources the cold load fetched: path, start and end (ms since navigation start). */
  coldWaterfall: Array<{ path: string; start: number; end: number }>;
  coldRequests: ApiRequest[];
  coldLongestTaskMs: number;
  /**
   * The script files and stylesheets the cold load fetched before the page was usable (the app: before it replaced
   * the server's first screen, since its chunks download after the rows; the plain page: before its rows), and the
   * page's inline scripts that ran and inline styles.
   */
  firstScreen: { js: string[]; css: string[]; inlineJs: string[]; inlineCss: string[] };
  interactions: Record<Interaction, InteractionResult>;
  longestTaskMs: number;
  totalBlockingMs: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Build, plain page and servers

function build(): void {
  // NODE_ENV=production whatever the caller's shell says: another value makes Vite bundle React's development build.
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  const floor = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', join(ROOT, 'bench', 'react-floor', 'vite.config.ts'), '--logLevel', 'warn', '--outDir', join(DIST, '__floor'), '--emptyOutDir'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (floor.status !== 0) throw new Error(`vite build of the React floor failed:\n${floor.stdout}\n${floor.stderr}`);
}

function writePlainPage(): void {
  rmSync(join(DIST, '__plain'), { recursive: true, force: true });
  mkdirSync(join(DIST, '__plain'), { recursive: true });
  writeFileSync(join(DIST, '__plain', 'index.html'), plainPageHtml());
}

async function startBenchStack(): Promise<{ stack: Stack; gzipSizes: Map<string, number> }> {
  build();
  writePlainPage();
  const gzipSizes = measureGzipSizes();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { stack: await startStack({ distDir: DIST }), gzipSizes };
    } catch (error) {
      // A free port taken by someone else between the check and the listen: try again.
      if (attempt === 3) throw error;
    }
  }
}

/**
 * gzip bytes of every JS and CSS file the server was started with, and of the plain page (its scripts and stylesheet
 * are inline), by URL path (dist/ may change later).
 */
function measureGzipSizes(): Map<string, number> {
  const sizes = new Map<string, number>([[PLAIN_PATH, gzipBytes(join(DIST, PLAIN_PATH))]]);
  for (const file of readdirSync(join(DIST, 'assets'))) {
    if (/\.(js|css)$/.test(file)) sizes.set(`/assets/${file}`, gzipBytes(join(DIST, 'assets', file)));
  }
  return sizes;
}

async function storedSession(browser: Browser, stack: Stack): Promise<Record<string, string>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(stack.appUrl);
  await page.waitForURL((url) => url.href.startsWith(`${stack.sandboxUrl}/`));
  await signIn(page, SUPERVISOR);
  await page.locator('tbody tr:not([aria-hidden="true"]) a').first().waitFor({ timeout: WAIT_MS });
  const entries = (await page.evaluate('JSON.stringify(Object.entries(sessionStorage))')) as string;
  await context.close();
  const session = Object.fromEntries(JSON.parse(entries) as Array<[string, string]>);
  if (!Object.keys(session).some((key) => key.startsWith('oidc.user:'))) throw new Error('Signing in stored no session');
  return session;
}

// ---------------------------------------------------------------------------------------------------------------
// One measured run: a fresh context (cold cache) with the stored sign-in, a cold load, then the interactions

function trackApiRequests(page: Page) {
  const seen: ApiRequest[] = [];
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/api/campaigns');
  page.on('request', (request) => {
    if (!isApi(request)) return;
    inFlight.add(request);
    lastActivity = Date.now();
    const perPage = new URL(request.url()).searchParams.get('per_page');
    seen.push({ url: request.url().replace(/^https?:\/\/[^/]+/, ''), kind: perPage === '1' ? 'count' : 'list' });
  });
  const done = (request: Request) => {
    if (inFlight.delete(request)) lastActivity = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    seen,
    async quiet(): Promise<void> {
      const deadline = Date.now() + WAIT_MS;
      while (inFlight.size > 0 || Date.now() - lastActivity < QUIET_MS) {
        if (Date.now() > deadline) throw new Error('API requests did not settle');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

interface ProbeResult {
  ms: number;
}
interface PerfEntry {
  name: string;
  startTime: number;
  responseEnd: number;
}
interface LongTask {
  start: number;
  duration: number;
}

/**
 * A fresh context (cold cache) with the probe and the restored session, there before the page's own scripts run.
 * The production server's CSP allows only the app's own inline script (by its hash); the plain page and the React
 * floor, whose first script is inline too, are loaded with CSP off.
 */
async function measuredContext(browser: Browser, stack: Stack, session: Record<string, string>, path: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'America/New_York',
    bypassCSP: path !== TARGET_PATHS.app,
  });
  const origin = new URL(stack.appUrl).origin;
  await context.addInitScript(
    `if (location.origin === ${JSON.stringify(origin)}) for (const [k, v] of ${JSON.stringify(Object.entries(session))}) sessionStorage.setItem(k, v);`,
  );
  await context.addInitScript({ path: PROBE });
  context.setDefaultTimeout(WAIT_MS);
  return context;
}

/**
 * Each fresh context opens a new browser window, and Chromium then loads its own window UI (the omnibox popup's
 * WebUI pages, hundreds of chrome:// requests) for about half a second, on the same two cores. A supervisor's
 * browser did that long before they opened the dashboard, so the page is loaded only once that has passed: it adds
 * 60 to 80 ms of noise to every cold load otherwise, app and plain page alike.
 */
const WINDOW_SETTLE_MS = 1_000;

async function settledPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.waitForTimeout(WINDOW_SETTLE_MS);
  return page;
}

const perPageQuery = (combo: Combo) => (combo.perPage === 50 ? '' : `?per_page=${combo.perPage}`);

/** A cold load of `path` alone: milliseconds to its rows painted. */
async function measureCold(browser: Browser, stack: Stack, session: Record<string, string>, path: string, combo: Combo): Promise<number> {
  const context = await measuredContext(browser, stack, session, path);
  try {
    const page = await settledPage(context);
    await page.goto(`${stack.appUrl}${path}${perPageQuery(combo)}`);
    return (await page.evaluate('window.__bench.firstRows')) as number;
  } finally {
    await context.close();
  }
}

async function measureRun(browser: Browser, stack: Stack, session: Record<string, string>, target: Target, combo: Combo): Promise<RunResult> {
  const context = await measuredContext(browser, stack, session, TARGET_PATHS[target]);
  const page = await settledPage(context);
  const api = trackApiRequests(page);
  try {
    await page.goto(`${stack.appUrl}${TARGET_PATHS[target]}${perPageQuery(combo)}`);
    const coldMs = (await page.evaluate('window.__bench.firstRows')) as number;
    const usableMs = (await page.evaluate('window.__bench.usable')) as number;
    const resources = JSON.parse(
      (await page.evaluate(`JSON.stringify(performance.getEntriesByType('resource').map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd })))`)) as string,
    ) as PerfEntry[];
    const inlineJs = JSON.parse(
      (await page.evaluate(`JSON.stringify([...document.scripts].filter((s) => !s.src && s.type !== 'application/json').map((s) => s.textContent))`)) as string,
    ) as string[];
    const inlineCss = JSON.parse((await page.evaluate(`JSON.stringify([...document.querySelectorAll('style')].map((s) => s.textContent))`)) as string) as string[];
    const firstScreen = { js: [] as string[], css: [] as string[], inlineJs, inlineCss };
    for (const entry of resources) {
      if (entry.startTime > usableMs) continue;
      const path = new URL(entry.name).pathname;
      if (path.endsWith('.js')) firstScreen.js.push(path);
      if (path.endsWith('.css')) firstScreen.css.push(path);
    }
    await api.quiet();
    const coldRequests = api.seen.slice();
    const settledAt = (await page.evaluate('performance.now()')) as number;

    const interact = async (types: string[], act: () => Promise<unknown>): Promise<InteractionResult> => {
      await page.evaluate('window.__bench.arm()');
      const from = api.seen.length;
      await act();
      const result = (await page.evaluate(`window.__bench.result(${JSON.stringify(types)})`)) as ProbeResult;
      await api.quiet();
      return { ms: result.ms, requests: api.seen.slice(from) };
    };
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const status = page.getByLabel('Status', { exact: true });

    const interactions = {} as Record<Interaction, InteractionResult>;
    interactions.next = await interact(['click'], () => button('Next page').click());
    interactions.previous = await interact(['click'], () => button('Previous page').click());
    interactions.back = await interact(['popstate'], () => page.evaluate('history.back()'));
    interactions.sort = await interact(['click'], () => button('Name').click());
    interactions.filter = await interact(['change'], () => status.selectOption('running'));
    interactions.revisit = await interact(['change'], () => status.selectOption(''));
    interactions.search = await interact(['input'], () =>
      page.getByLabel('Search campaigns').pressSequentially(SEARCH_WORD, { delay: TYPING_DELAY_MS }),
    );

    const longTasks = (await page.evaluate('window.__bench.longTasks')) as LongTask[];
    const during = longTasks.filter((task) => task.start >= settledAt);
    return {
      coldMs,
      coldWaterfall: resources
        .filter((entry) => entry.startTime <= coldMs)
        .map((entry) => ({ path: entry.name.replace(/^https?:\/\/[^/]+/, ''), start: Math.round(entry.startTime), end: Math.round(entry.responseEnd) })),
      coldRequests,
      coldLongestTaskMs: Math.max(0, ...longTasks.filter((task) => task.start < settledAt).map((task) => task.duration)),
      firstScreen,
      interactions,
      longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
      totalBlockingMs: during.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics, table, targets

interface Stat {
  median: number;
  min: number;
  max: number;
  values: number[];
}
function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, values };
}

interface Row {
  measure: string;
  unit: 'ms' | 'kB' | 'req' | '';
  app: Stat;
  plain: Stat;
}

const fmt = (value: number, unit: Row['unit']) =>
  unit === 'kB' ? (value / 1000).toFixed(1) : unit === 'ms' ? (value < 10 ? value.toFixed(1) : value.toFixed(0)) : String(Math.round(value * 10) / 10);
const cellOf = (s: Stat, unit: Row['unit']) =>
  s.min === s.max ? fmt(s.median, unit) : `${fmt(s.median, unit)} (${fmt(s.min, unit)}–${fmt(s.max, unit)})`;
const ratio = (row: Row) =>
  row.plain.median === 0 ? (row.app.median === 0 ? '1.00' : '∞') : (row.app.median / row.plain.median).toFixed(2);

function printTable(rows: Row[]): string {
  const header = ['Measure', 'App: median (min–max)', 'Plain page: median (min–max)', 'App / plain page'];
  const body = rows.map((row) => [`${row.measure}${row.unit ? ` [${row.unit}]` : ''}`, cellOf(row.app, row.unit), cellOf(row.plain, row.unit), ratio(row)]);
  const lines = [header, header.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  process.stdout.write('Building and starting the stack...\n');
  const { stack, gzipSizes } = await startBenchStack();
  const browser = await launchBrowser();
  const chromium = browser.version();
  const results: Record<string, Record<Target, RunResult[]>> = {};
  const floorColdMs: Record<string, number[]> = {};
  /** Cold loads beyond the measured runs' own, for the first-rows figures of the 50-row combos. */
  const extraColdMs: Record<string, Record<Target, number[]>> = {};
  try {
    const session = await storedSession(browser, stack);
    // One unmeasured run each first: the server compresses in the background and the JITs warm up.
    for (const target of ['app', 'plain'] as const) await measureRun(browser, stack, session, target, COMBOS[0]!);
    for (const combo of COMBOS) {
      await stack.setFaults({ latencyMs: combo.latencyMs });
      results[combo.name] = { app: [], plain: [] };
      for (let run = 0; run < RUNS; run += 1) {
        const order: Target[] = run % 2 === 0 ? ['app', 'plain'] : ['plain', 'app'];
        for (const target of order) results[combo.name]![target].push(await measureRun(browser, stack, session, target, combo));
        (floorColdMs[combo.name] ??= []).push(await measureCold(browser, stack, session, FLOOR_PATH, combo));
        process.stdout.write(`  ${combo.name}: run ${run + 1}/${RUNS}\n`);
      }
      if (combo.perPage !== 50) continue;
      extraColdMs[combo.name] = { app: [], plain: [] };
      for (let run = RUNS; run < COLD_RUNS; run += 1) {
        const order: Target[] = run % 2 === 0 ? ['app', 'plain'] : ['plain', 'app'];
        for (const target of order) extraColdMs[combo.name]![target].push(await measureCold(browser, stack, session, TARGET_PATHS[target], combo));
      }
      process.stdout.write(`  ${combo.name}: ${COLD_RUNS} cold loads each\n`);
    }
    await stack.clearFaults();
  } finally {
    await browser.close();
    await stack.stop();
  }

  const [fast, slow, wide] = COMBOS.map((combo) => results[combo.name]!) as [Record<Target, RunResult[]>, Record<Target, RunResult[]>, Record<Target, RunResult[]>];
  /** Every cold load of `target` in `combo`: the measured runs' and the extra ones. */
  const coldLoads = (combo: Combo, target: Target) => [...results[combo.name]![target].map((run) => run.coldMs), ...(extraColdMs[combo.name]?.[target] ?? [])];
  const both = (pick: (target: Target) => number[]) => ({ app: stat(pick('app')), plain: stat(pick('plain')) });

  // Bundle: what the cold loads fetched before the page was usable, gzipped from dist/, and the page's inline scripts and styles.
  const sizeOf = (path: string) => {
    const size = gzipSizes.get(path);
    if (size === undefined) throw new Error(`${path} was not in the build the server started with`);
    return size;
  };
  const gzipOf = (paths: string[]) => paths.reduce((sum, path) => sum + sizeOf(path), 0);
  const firstScreenBytes = (target: Target, kind: 'js' | 'css') =>
    fast[target].map((run) => gzipOf(run.firstScreen[kind]) + inlineGzipBytes(kind === 'js' ? run.firstScreen.inlineJs : run.firstScreen.inlineCss));
  const inFolder = (folder: string) => [...gzipSizes.keys()].filter((path) => path.startsWith(folder));
  const wholeApp = gzipOf(inFolder('/assets/'));
  const wholePlain = sizeOf(PLAIN_PATH);

  const timing = (data: Record<Target, RunResult[]>, interaction: Interaction) =>
    both((target) => data[target].map((run) => run.interactions[interaction].ms));
  const requests = (data: Record<Target, RunResult[]>, ...interactions: Interaction[]) =>
    both((target) => data[target].map((run) => interactions.reduce((sum, name) => sum + run.interactions[name].requests.length, 0)));

  const rows: Row[] = [
    { measure: 'First-screen JS, gzip', unit: 'kB', ...both((target) => firstScreenBytes(target, 'js')) },
    { measure: 'First-screen CSS, gzip', unit: 'kB', ...both((target) => firstScreenBytes(target, 'css')) },
    { measure: 'Whole app JS+CSS, gzip (plain page: the whole page)', unit: 'kB', app: stat([wholeApp]), plain: stat([wholePlain]) },
    { measure: `Cold load → first rows painted (${COLD_RUNS} loads), 0 ms`, unit: 'ms', ...both((target) => coldLoads(COMBOS[0]!, target)) },
    { measure: `Cold load → first rows painted (${COLD_RUNS} loads), 100 ms`, unit: 'ms', ...both((target) => coldLoads(COMBOS[1]!, target)) },
  ];
  const timed: Array<[Interaction, string]> = [
    ['next', '"Next page" (prefetched) → rows'],
    ['sort', 'Sort by Name → rows'],
    ['filter', 'Status filter → rows'],
    ['search', `Type "${SEARCH_WORD}" → rows (last key; 300 ms debounce)`],
    ['back', 'Back button → rows'],
    ['revisit', 'Revisit a view (< 30 s) → rows'],
  ];
  for (const [interaction, label] of timed) {
    rows.push({ measure: `${label}, 0 ms`, unit: 'ms', ...timing(fast, interaction) });
    rows.push({ measure: `${label}, 100 ms`, unit: 'ms', ...timing(slow, interaction) });
  }
  rows.push(
    { measure: 'Requests: cold load', unit: 'req', ...both((target) => fast[target].map((run) => run.coldRequests.length)) },
    { measure: `Requests: typing "${SEARCH_WORD}"`, unit: 'req', ...requests(fast, 'search') },
    { measure: 'Requests: next page then previous page', unit: 'req', ...requests(fast, 'next', 'previous') },
    { measure: 'Requests: Back button', unit: 'req', ...requests(fast, 'back') },
    { measure: 'Requests: revisit a view within 30 s', unit: 'req', ...requests(fast, 'revisit') },
    { measure: 'Longest task in interactions, 50 rows', unit: 'ms', ...both((target) => fast[target].map((run) => run.longestTaskMs)) },
    { measure: 'Total blocking time of interactions, 50 rows', unit: 'ms', ...both((target) => fast[target].map((run) => run.totalBlockingMs)) },
    { measure: 'Longest task in interactions, 100 rows', unit: 'ms', ...both((target) => wide[target].map((run) => run.longestTaskMs)) },
    { measure: 'Total blocking time of interactions, 100 rows', unit: 'ms', ...both((target) => wide[target].map((run) => run.totalBlockingMs)) },
    { measure: 'Longest task in cold load, 50 rows', unit: 'ms', ...both((target) => fast[target].map((run) => run.coldLongestTaskMs)) },
  );

  // The targets. Timings are ratios to the plain page, measured the same way at the same time, so they hold on a
  // slower or busier machine as well; counts and bytes are absolute.
  const row = (measure: string) => rows.find((candidate) => candidate.measure.startsWith(measure))!;
  const searchRequests = fast.app.flatMap((run) => run.interactions.search.requests);
  const pageOf = (r: ApiRequest) => new URL(r.url, 'http://x').searchParams.get('page');
  const perRun = (keep: (r: ApiRequest) => boolean) => stat(fast.app.map((run) => run.interactions.search.requests.filter(keep).length)).median;
  const partialWordRequests = searchRequests.filter((r) => {
    const search = new URL(r.url, 'http://x').searchParams.get('search');
    return search !== null && search !== SEARCH_WORD;
  }).length;
  const wordViewRequests = stat(
    fast.app.map((run) => run.interactions.search.requests.filter((r) => r.kind === 'list' && new URL(r.url, 'http://x').searchParams.get('page') === '1').length),
  );
  const coldRow = (latency: string) =>
    rows.find((candidate) => candidate.measure.startsWith('Cold load → first rows painted') && candidate.measure.endsWith(`, ${latency}`))!;
  const cold0 = coldRow('0 ms');
  const cold100 = coldRow('100 ms');
  const next0 = row('"Next page" (prefetched) → rows, 0 ms');
  const next100 = row('"Next page" (prefetched) → rows, 100 ms');
  // The browser reports only tasks over 50 ms, so a page with none counts as 50 ms.
  const longest100 = row('Longest task in interactions, 100 rows');
  const [appLongest, plainLongest] = [longest100.app.max, longest100.plain.max].map((ms) => Math.max(ms, LONG_TASK_MS)) as [number, number];
  const jsKb = row('First-screen JS').app.median;
  const within = (data: Row, limit: number) => data.app.median <= limit * data.plain.median;
  const targets = [
    { target: 'First-screen JS ≤ 125 kB gzip', pass: jsKb <= 125_000, evidence: `${(jsKb / 1000).toFixed(1)} kB` },
    {
      target: 'First rows ≤ 1.3 × plain page, 0 and 100 ms',
      pass: within(cold0, 1.3) && within(cold100, 1.3),
      evidence: `0 ms: ${ratio(cold0)}×, 100 ms: ${ratio(cold100)}× (medians of ${COLD_RUNS} loads each)`,
    },
    {
      target: 'Prefetched next page ≤ 1.1 × plain page at 0 ms, ≤ 0.6 × at 100 ms',
      pass: within(next0, 1.1) && within(next100, 0.6),
      evidence: `0 ms: ${ratio(next0)}× (${fmt(next0.app.median, 'ms')} / ${fmt(next0.plain.median, 'ms')} ms), 100 ms: ${ratio(next100)}× (${fmt(next100.app.median, 'ms')} / ${fmt(next100.plain.median, 'ms')} ms)`,
    },
    {
      target: 'One request for a typed word',
      pass: partialWordRequests === 0 && wordViewRequests.max === 1,
      evidence:
        `median per typed word: ${perRun((r) => r.kind === 'list' && pageOf(r) === '1')} for its rows, ` +
        `${perRun((r) => r.kind === 'list' && pageOf(r) !== '1')} prefetch of page 2, ${perRun((r) => r.kind === 'count')} need-action count; ` +
        `${partialWordRequests} for partial words`,
    },
    {
      target: 'No request for a view revisited within 30 s',
      pass: row('Requests: revisit').app.max === 0,
      evidence: `max ${row('Requests: revisit').app.max} over ${RUNS} runs`,
    },
    {
      target: 'Longest task with 100 rows ≤ 1.2 × plain page',
      pass: appLongest <= 1.2 * plainLongest,
      evidence: `longest over ${RUNS} runs: ${fmt(longest100.app.max, 'ms')} ms, plain page ${fmt(longest100.plain.max, 'ms')} ms (0: none over ${LONG_TASK_MS} ms)`,
    },
  ];

  const table = printTable(rows);
  const targetLines = targets.map((t) => `${t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${t.evidence}`).join('\n');
  // What React alone costs: the plain page with its rows rendered by React 19 and nothing else.
  const floorLines = COMBOS.map((combo) => {
    const floor = stat(floorColdMs[combo.name] ?? []);
    const plain = stat(coldLoads(combo, 'plain'));
    return `React floor (bench/react-floor), cold load → first rows, ${combo.name}: ${cellOf(floor, 'ms')} ms, ${(floor.median / plain.median).toFixed(2)} × plain page`;
  }).join('\n');
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
  process.stdout.write(
    `\nCampaigns dashboard vs the plain page: ${RUNS} runs each (${COLD_RUNS} cold loads for first rows), ${cpus().length} CPUs, Chromium ${chromium}, sandbox latency as stated, ${seconds} s\n\n${table}\n\n${targetLines}\n\n${floorLines}\n`,
  );

  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  const json = {
    date: new Date().toISOString(),
    runs: RUNS,
    coldRuns: COLD_RUNS,
    cpus: cpus().length,
    chromium,
    node: process.version,
    searchWord: SEARCH_WORD,
    rows: rows.map((r) => ({ ...r, ratio: Number(ratio(r)) })),
    targets,
    floorColdMs,
    extraColdMs,
    measuredRuns: results,
  };
  writeFileSync(join(ROOT, 'bench-results', 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`\nWrote bench-results/latest.json\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
