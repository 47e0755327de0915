/*
 * End-to-end harness: the real servers in child processes (the way `npm start` and `npm run serve` run them),
 * the system Chromium driven by playwright-core, and the few steps every test repeats. global-setup.ts has built
 * dist/ once, so the servers start here without another `vite build`. fixtures.ts puts these together for a file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { beforeEach } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'e2e');
/** The end-to-end build (global-setup.ts), apart from dist/ so a developer's running server is never disturbed. */
export const E2E_DIST_DIR = join(ROOT, 'test-results', 'dist');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export const SUPERVISOR = { username: 'supervisor', password: 'supervisor', name: 'Sam Supervisor' } as const;
export const AGENT = { username: 'agent', password: 'agent', name: 'Alex Agent' } as const;

/** Every context's time zone and locale, so that dates and counts on screen are testable. */
export const TIME_ZONE = 'America/New_York';
export const LOCALE = 'en-US';

export interface ServerProcess {
  /** Everything the process printed so far (stdout and stderr, interleaved). */
  output(): string;
  /** SIGTERM to the whole process group, SIGKILL if it lingers; resolves once the process has exited. */
  stop(): Promise<void>;
}

// Stacks started side by side must not be handed the same free port twice (a port is released before it is used).
const portsHandedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await unusedPort();
    if (!portsHandedOut.has(port)) {
      portsHandedOut.add(port);
      return port;
    }
  }
}

function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The environment without TALKDESK_* and port variables of the shell running the tests. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(TALKDESK_|SANDBOX_|PORT$|HOST$|UPSTREAM_TIMEOUT_MS$|DIST_DIR$)/.test(name)) env[name] = value;
  }
  return { ...env, DIST_DIR: E2E_DIST_DIR, ...extra, NO_COLOR: '1' };
}

/**
 * Starts `tsx <entry>` in its own process group and resolves with the matches of `ready` once its output shows it.
 * A process that exits or stays silent fails with its output in the message.
 */
export async function spawnServer(
  name: string,
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ server: ServerProcess; match: RegExpMatchArray }> {
  const child: ChildProcess = spawn(TSX, [entry], { cwd: ROOT, env: cleanEnv(env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitedAlready = false;
  void exited.then(() => {
    exitedAlready = true;
  });

  const server: ServerProcess = {
    output: () => output,
    async stop() {
      liveServers.delete(server);
      if (exitedAlready || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      const killer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(killer);
    },
  };

  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not print ${ready} within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    function fail(reason: string) {
      clearTimeout(timer);
      void server.stop().then(() => reject(new Error(`${name} ${reason}. Its output:\n${output}`)));
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = ready.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
  });
  return { server, match };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export interface FaultRule {
  kind: '429' | '500' | '502' | '503' | 'hang' | 'drop' | 'malformed-json' | 'bad-schema' | 'token-down';
  retryAfterSeconds?: number;
  times?: number;
  path?: 'list' | 'detail' | 'any';
}
export interface Faults {
  latencyMs?: number;
  latencyJitterMs?: number;
  tokenLatencyMs?: number;
  rules?: FaultRule[];
}
export interface RequestCounts {
  list: number;
  detail: number;
  token: number;
}

export interface Stack {
  appUrl: string;
  sandboxUrl: string;
  output(): string;
  setFaults(faults: Faults): Promise<void>;
  clearFaults(): Promise<void>;
  requestCounts(): Promise<RequestCounts>;
  /** Changes a campaign in the sandbox, as Talkdesk would under the dashboard. */
  editCampaign(id: string, edit: CampaignEdit): Promise<void>;
  stop(): Promise<void>;
}

export interface CampaignEdit {
  name?: string;
  status?: 'INCOMPLETE' | 'READY' | 'RUNNING' | 'PAUSED';
  priority?: number;
  action_required?: boolean;
}

/** Sandbox fault control, counters and campaign edits; only ever on the sandbox's own origin. */
function sandboxControl(sandboxUrl: string): Pick<Stack, 'setFaults' | 'clearFaults' | 'requestCounts' | 'editCampaign'> {
  const control = async (method: string, body?: Faults) => {
    const response = await fetch(`${sandboxUrl}/__sandbox/faults`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} /__sandbox/faults: ${response.status} ${await response.text()}`);
    return (await response.json()) as { requests: RequestCounts };
  };
  return {
    setFaults: async (faults) => void (await control('PUT', faults)),
    clearFaults: async () => void (await control('DELETE')),
    requestCounts: async () => (await control('GET')).requests,
    editCampaign: async (id, edit) => {
      const response = await fetch(`${sandboxUrl}/__sandbox/campaigns/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(edit),
      });
      if (!response.ok) throw new Error(`PATCH /__sandbox/campaigns/${id}: ${response.status} ${await response.text()}`);
    },
  };
}

async function waitForOk(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${START_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `npm start` without its build: the embedded sandbox and the production server, on two free ports; `env` adds to
 * their environment (UPSTREAM_TIMEOUT_MS, say).
 */
export async function startStack(options: { accessTokenTtlSeconds?: number; distDir?: string; env?: Record<string, string> } = {}): Promise<Stack> {
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const env: Record<string, string> = { ...options.env, PORT: String(port), SANDBOX_PORT: String(sandboxPort) };
  if (options.accessTokenTtlSeconds !== undefined) env.SANDBOX_ACCESS_TOKEN_TTL = String(options.accessTokenTtlSeconds);
  if (options.distDir !== undefined) env.DIST_DIR = options.distDir;
  const { server, match } = await spawnServer(
    'npm start (tsx src/server/start.ts)',
    'src/server/start.ts',
    env,
    /Campaigns dashboard: (\S+)\s+Talkdesk sandbox: +(\S+)/,
  );
  const [, appUrl = '', sandboxUrl = ''] = match;
  try {
    await Promise.all([waitForOk(`${appUrl}/healthz`), waitForOk(`${sandboxUrl}/__sandbox/health`)]);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}. Server output:\n${server.output()}`, { cause: error });
  }
  attachOutputOnFailure(server);
  return { appUrl, sandboxUrl, output: server.output, stop: server.stop, ...sandboxControl(sandboxUrl) };
}

/** `npm run sandbox` and `npm run serve` as two processes, configured only through their environment. */
export async function startSeparateServers(): Promise<Stack & { secret: string }> {
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const secret = randomBytes(24).toString('base64url');
  const appOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const sandbox = await spawnServer(
    'sandbox (tsx src/server/sandbox/main.ts)',
    'src/server/sandbox/main.ts',
    {
      TALKDESK_CLIENT_SECRET: secret,
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_REDIRECT_URIS: appOrigins.map((origin) => `${origin}/auth/callback`).join(','),
    },
    /Talkdesk sandbox listening on (\S+)/,
  );
  const sandboxUrl = sandbox.match[1] ?? '';
  let app: Awaited<ReturnType<typeof spawnServer>>;
  try {
    app = await spawnServer(
      'npm run serve (tsx src/server/serve.ts)',
      'src/server/serve.ts',
      {
        TALKDESK_REGION: 'sandbox',
        TALKDESK_API_URL: sandboxUrl,
        TALKDESK_IDENTITY_URL: sandboxUrl,
        TALKDESK_CLIENT_ID: 'campaigns-dashboard',
        TALKDESK_CLIENT_SECRET: secret,
        PORT: String(port),
      },
      /Campaigns dashboard \(.*\) on (\S+)/,
    );
  } catch (error) {
    await sandbox.server.stop();
    throw error;
  }
  const appUrl = app.match[1] ?? '';
  attachOutputOnFailure(sandbox.server);
  attachOutputOnFailure(app.server);
  return {
    appUrl,
    sandboxUrl,
    secret,
    output: () => `--- sandbox ---\n${sandbox.server.output()}\n--- serve ---\n${app.server.output()}`,
    stop: async () => {
      await Promise.all([app.server.stop(), sandbox.server.stop()]);
    },
    ...sandboxControl(sandboxUrl),
  };
}

const liveServers = new Set<ServerProcess>();

function attachOutputOnFailure(server: ServerProcess): void {
  liveServers.add(server);
}

const openContexts = new Set<BrowserContext>();

/**
 * Call once at the top of a test file: a failing test prints what the servers logged meanwhile (only that part:
 * earlier tests are not the story) and leaves a screenshot of every page still open, named after the test.
 */
export function reportFailures(): void {
  beforeEach(({ onTestFailed, task }) => {
    const marks = [...liveServers].map((server) => ({ server, from: server.output().length }));
    onTestFailed(async () => {
      for (const { server, from } of marks) {
        console.error(`Server output during "${task.name}":\n${server.output().slice(from).slice(-8_000) || '(nothing)'}`);
      }
      const pages = [...openContexts].flatMap((context) => context.pages());
      const slug = task.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
      for (const [index, page] of pages.entries()) {
        const path = await screenshot(page, `FAILED-${slug}-${index}`).catch(() => null);
        if (path) console.error(`Screenshot of ${page.url()}: ${path}`);
      }
    });
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface ContextOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

export async function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    permissions: ['clipboard-read', 'clipboard-write'],
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    timezoneId: TIME_ZONE,
    locale: LOCALE,
  });
  openContexts.add(context);
  context.once('close', () => openContexts.delete(context));
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/** A browser tab with a session of its own: a new context and its page, whose console errors are collected. */
export interface Tab {
  context: BrowserContext;
  page: Page;
  errors: PageErrors;
}

export async function openTab(browser: Browser, options: ContextOptions = {}): Promise<Tab> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  return { context, page, errors: collectErrors(page) };
}

/** Fills the identity host's login form, which the page must be on (or be navigating to). */
export async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `path` signed out, signs in as the supervisor and waits until the app is back on `path`, showing the list. */
export async function openSignedIn(page: Page, stack: Pick<Stack, 'appUrl' | 'sandboxUrl'>, path = '/'): Promise<void> {
  await page.goto(`${stack.appUrl}${path}`);
  await page.waitForURL((url) => url.href.startsWith(`${stack.sandboxUrl}/`));
  await signIn(page, SUPERVISOR);
  await page.waitForURL((url) => url.origin === new URL(stack.appUrl).origin && !url.pathname.startsWith('/auth/'));
  await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
}

/** Console errors and uncaught exceptions of one page, for tests to assert there were none they did not expect. */
export interface PageErrors {
  readonly messages: string[];
  /** The messages not matching any of `expected`. */
  unexpected(expected?: RegExp[]): string[];
}

export function collectErrors(page: Page): PageErrors {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url } = message.location();
      messages.push(`console: ${message.text()}${url ? ` (${url})` : ''}`);
    }
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return {
    messages,
    unexpected: (expected = []) => messages.filter((message) => !expected.some((pattern) => pattern.test(message))),
  };
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

/** The oidc-client-ts user entry the app keeps in sessionStorage, parsed; null when signed out. */
export async function storedUser(page: Page): Promise<{ access_token: string; refresh_token?: string; expires_at: number } | null> {
  const raw = await page.evaluate(
    `(() => { const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:')); return key ? sessionStorage.getItem(key) : null; })()`,
  );
  return typeof raw === 'string' ? (JSON.parse(raw) as { access_token: string; refresh_token?: string; expires_at: number }) : null;
}

/** The path and query of the page's current URL. */
export function pathAndQuery(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/** The data rows of the campaigns table (skeleton rows are aria-hidden while loading). */
export function campaignRows(page: Page) {
  return page.getByRole('table', { name: 'Campaigns' }).locator('tbody tr:not([aria-hidden="true"])');
}

/**
 * Waits until the table shows rows and every row's Status reads `status` (the previous page's rows may stay on
 * screen while the new ones load), and returns those statuses.
 */
export async function waitForRowsWithStatus(page: Page, status: string, timeoutMs = 15_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = await page.getByRole('table', { name: 'Campaigns' }).getAttribute('aria-busy');
    const statuses = (await campaignRows(page).locator('td:nth-child(2)').allInnerTexts()).map((text) => text.replace(/[^\p{L} ]/gu, '').trim());
    if (busy !== 'true' && statuses.length > 0 && statuses.every((text) => text === status)) return statuses;
    if (Date.now() > deadline) throw new Error(`The table did not settle on ${status} rows; it shows: ${statuses.join(', ') || 'no rows'}`);
    await page.waitForTimeout(100);
  }
}
