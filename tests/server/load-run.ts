/*
 * Load on the production server and its proxy, all in this one process: the sandbox (the 5000 generated campaigns),
 * createAppServer in front of it, and a client that keeps `concurrency` GET /api/campaigns requests in flight over
 * its own keep-alive sockets. In-process so the test can read this process's heap after a forced GC; the client
 * uses node:http rather than fetch so that it shares no connection pool with the proxy's own upstream fetches.
 * Every answer is checked against what the sandbox itself said for that query before the load started.
 */
import { Agent, request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startAppWithSandbox } from './app-with-sandbox.ts';
import { authorizeAs } from './sandbox/oidc-flow.ts';

const CLIENT_ID = 'campaigns-dashboard';
const CLIENT_SECRET = 'load-test-secret';
const REDIRECT_URI = 'http://localhost:5173/auth/callback';

/** A few views a supervisor opens, as the app sends them (query string of GET /campaigns). */
export const LOAD_QUERIES = [
  'page=1&per_page=50&order_by=created_at:desc',
  'page=1&per_page=20&order_by=name:asc&status=running',
  'page=2&per_page=25&order_by=priority:desc&priority=3',
  'page=1&per_page=10&order_by=created_at:desc&search=promo',
  'page=1&per_page=50&order_by=dialing_mode:asc&action_required=true&dialing_mode=PREVIEW',
] as const;

/** What a correct answer to one query holds: its total and the ids of its rows, in order. */
export interface ExpectedPage {
  total: number;
  ids: string[];
}

export interface LoadStack {
  /** Origin of the production server (the proxy is its /api). */
  appUrl: string;
  /** Origin of the sandbox (the upstream the proxy calls). */
  sandboxUrl: string;
  accessToken: string;
  expected: Map<string, ExpectedPage>;
  stop(): Promise<void>;
}

export async function startLoadStack(): Promise<LoadStack> {
  const { appUrl, sandboxUrl, stop } = await startAppWithSandbox({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] }, 15_000);
  try {
    // The browser's half of sign-in goes to the identity host; the code exchange goes through the proxy.
    const authorized = await authorizeAs({ origin: sandboxUrl, redirectUri: REDIRECT_URI, clientId: CLIENT_ID, clientSecret: '' }, 'supervisor');
    const tokenResponse = await fetch(`${appUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: authorized.code,
        redirect_uri: REDIRECT_URI,
        code_verifier: authorized.verifier,
        client_id: CLIENT_ID,
      }),
    });
    const tokens = (await tokenResponse.json()) as { access_token?: string };
    if (tokenResponse.status !== 200 || !tokens.access_token) throw new Error(`token exchange through the proxy failed: ${tokenResponse.status}`);
    const accessToken = tokens.access_token;

    const expected = new Map<string, ExpectedPage>();
    for (const query of LOAD_QUERIES) {
      const response = await fetch(`${sandboxUrl}/campaigns?${query}`, { headers: { authorization: `Bearer ${accessToken}` } });
      if (response.status !== 200) throw new Error(`the sandbox answered ${response.status} to ${query}`);
      const page = readPage(await response.text());
      if (!page || page.ids.length === 0) throw new Error(`the sandbox's answer to ${query} has no rows: pick a query with results`);
      expected.set(query, page);
    }
    return { appUrl: toLoopback(appUrl), sandboxUrl: toLoopback(sandboxUrl), accessToken, expected, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `localhost` may resolve to ::1 first while the servers listen on 127.0.0.1. */
function toLoopback(url: string): string {
  return url.replace('//localhost:', '//127.0.0.1:');
}

function readPage(body: string): ExpectedPage | null {
  try {
    const parsed = JSON.parse(body) as { total?: unknown; _embedded?: { campaigns?: Array<{ id?: unknown }> } };
    const campaigns = parsed._embedded?.campaigns;
    if (typeof parsed.total !== 'number' || !Array.isArray(campaigns)) return null;
    return { total: parsed.total, ids: campaigns.map((campaign) => String(campaign.id)) };
  } catch {
    return null;
  }
}

export interface LoadOptions {
  /** Origin to call, and the path in front of the query: `/api/campaigns` on the app, `/campaigns` on the sandbox. */
  origin: string;
  path: string;
  accessToken: string;
  expected: Map<string, ExpectedPage>;
  concurrency: number;
  /**
   * Keep-alive sockets to `origin`, shared by the rounds of one target: a saturated Node server keeps serving its
   * open connections and leaves a brand-new one waiting for seconds, so cold sockets would measure that, not the proxy.
   */
  agent: Agent;
  /** The run stops at whichever comes first: this many requests sent, or maxMs elapsed (when given). */
  requests: number;
  maxMs?: number;
}

export interface LoadResult {
  requests: number;
  /** Requests whose status, body or rows were wrong, or that failed at the socket; the first few described. */
  errors: number;
  errorSamples: string[];
  durationMs: number;
  /** Per-request latency in ms, sorted ascending. */
  latencies: number[];
}

/** Keeps `concurrency` requests in flight, cycling through the expected queries, and checks every answer. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { hostname, port } = new URL(options.origin);
  const { agent } = options;
  const queries = [...options.expected.keys()];
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + (options.maxMs ?? Number.POSITIVE_INFINITY);

  const fail = (description: string) => {
    errors += 1;
    if (errorSamples.length < 5) errorSamples.push(description);
  };

  const one = (query: string) =>
    new Promise<void>((resolve) => {
      const begun = performance.now();
      const req = request(
        { agent, host: hostname, port, path: `${options.path}?${query}`, headers: { authorization: `Bearer ${options.accessToken}`, accept: 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            latencies.push(performance.now() - begun);
            const page = res.statusCode === 200 ? readPage(Buffer.concat(chunks).toString('utf8')) : null;
            const want = options.expected.get(query);
            if (res.statusCode !== 200) fail(`${query}: status ${res.statusCode}`);
            else if (!page) fail(`${query}: the body is not a campaigns page`);
            else if (page.total !== want?.total || page.ids.join() !== want.ids.join()) {
              fail(`${query}: total ${page.total} (expected ${want?.total}), or other rows`);
            }
            resolve();
          });
          res.on('error', (error) => {
            fail(`${query}: ${error.message}`);
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        fail(`${query}: ${error.message}`);
        resolve();
      });
      req.end();
    });

  const worker = async () => {
    while (sent < options.requests && performance.now() < deadline) {
      const query = queries[sent % queries.length] as string;
      sent += 1;
      await one(query);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const durationMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { requests: sent, errors, errorSamples, durationMs, latencies };
}

/** One client's sockets to one origin; destroy() it when done. */
export function keepAliveAgent(concurrency: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: concurrency });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

let exposedGc: (() => void) | undefined;

/**
 * This process's memory after a full GC (exposed at run time: vitest's workers do not start with --expose-gc).
 * heapUsedMb counts the JS heap and the Buffers outside it (the proxy holds each upstream body as one).
 */
export function memoryAfterGc(): { heapUsedMb: number; rssMb: number } {
  if (!exposedGc) {
    setFlagsFromString('--expose-gc');
    exposedGc = runInNewContext('gc') as () => void;
  }
  exposedGc();
  exposedGc();
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heapUsedMb: (heapUsed + external) / 2 ** 20, rssMb: rss / 2 ** 20 };
}

export function describeLatency(result: LoadResult): string {
  const rate = Math.round((result.requests / result.durationMs) * 1000);
  return `${result.requests} requests in ${(result.durationMs / 1000).toFixed(1)} s (${rate}/s), ${result.errors} errors, ` +
    `p50 ${percentile(result.latencies, 50).toFixed(1)} ms, p99 ${percentile(result.latencies, 99).toFixed(1)} ms`;
}
