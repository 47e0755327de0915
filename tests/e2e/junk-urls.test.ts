/*
 * The production server's drawn pages under a burst of junk links (src/server/static.ts with the first screen of the
 * end-to-end build): 10,000 distinct URLs of five views, with unknown, repeated, defaulted and reordered parameters.
 * Each view is drawn once, every answer is its view's page, and memory stays flat.
 */
import { Agent, createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRuntimeConfig, toServerConfig } from '../../src/server/config.ts';
import { EARLY_REQUEST_ELEMENT_ID } from '../../src/first-screen/contract.ts';
import { loadFirstScreen, type FirstScreens } from '../../src/first-screen/node/load-first-screen.ts';
import { closeServer, listen } from '../../src/server/lifecycle.ts';
import { createStaticSite } from '../../src/server/static.ts';
import { memoryAfterGc } from '../server/load-run.ts';
import { UPSTREAMLESS_ENV } from '../server/upstreamless-env.ts';
import { E2E_DIST_DIR } from './harness.ts';

const URLS = 10_000;
const CONCURRENCY = 16;
/** Each view with its parameters in canonical order; junk is added around them. */
const VIEWS = [
  { path: '/', params: [] },
  { path: '/', params: ['status=running'] },
  { path: '/', params: ['search=caf%C3%A9', 'order_by=name:asc', 'page=2'] },
  { path: '/', params: ['status=paused', 'priority=3', 'per_page=25'] },
  { path: '/campaigns/c-42', params: ['dialing_mode=preview'] },
];
// A drawn page and its compressed forms are tens of kB: were junk URLs kept apart, 200 of them would exceed this.
const HEAP_GROWTH_LIMIT_MB = 4;

let server: Server;
let base: string;
const drawn: string[] = [];
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

beforeAll(async () => {
  const config = toServerConfig(UPSTREAMLESS_ENV);
  const counted = loadFirstScreen(E2E_DIST_DIR, toRuntimeConfig(config)).then(
    (screens): FirstScreens => ({ viewUrl: screens.viewUrl, draw: (url) => (drawn.push(url), screens.draw(url)) }),
  );
  const site = createStaticSite(E2E_DIST_DIR, { firstScreen: counted });
  server = createServer((req, res) => void site.handle(req, res));
  base = await listen(server, 0, '127.0.0.1', 'PORT');
});

afterAll(async () => {
  agent.destroy();
  await closeServer(server);
});

/** Its URL number `n`: the view's parameters shuffled among junk: unknown names, one repeated, an empty value. */
function junkUrl(n: number): { view: number; url: string } {
  const view = n % VIEWS.length;
  const { path, params } = VIEWS[view]!;
  const junk = [`utm_${n}=${'x'.repeat(n % 7)}`, 'action_required=', `ref=${n}`, `ref=${n + 1}`];
  const all = [...params, ...junk.slice(0, 1 + (n % junk.length))];
  const shift = n % all.length;
  return { view, url: `${path}?${[...all.slice(shift), ...all.slice(0, shift)].join('&')}` };
}

function getPage(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${url}`, { agent, headers: { Accept: 'text/html' } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const earlyBlock = new RegExp(`<script type="application/json" id="${EARLY_REQUEST_ELEMENT_ID}">([^<]*)</script>`);
const earlyRequests = (html: string) => earlyBlock.exec(html)?.[1];

describe('a burst of junk links', () => {
  it(`draws each view once for ${URLS} distinct URLs, answers each with its view, and keeps memory flat`, async () => {
    const clean = await Promise.all(VIEWS.map(({ path, params }) => getPage(params.length ? `${path}?${params.join('&')}` : path)));
    const expected = clean.map((page) => earlyRequests(page.body));
    expect(expected.every((block) => block !== undefined)).toBe(true);
    expect(new Set(expected).size).toBe(VIEWS.length);
    expect(drawn).toHaveLength(VIEWS.length);
    const before = memoryAfterGc();

    const wrong: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < URLS) {
        const { view, url } = junkUrl(next);
        next += 1;
        const page = await getPage(url);
        if (page.status !== 200 || earlyRequests(page.body) !== expected[view]) wrong.push(`${url}: ${page.status}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const after = memoryAfterGc();

    expect(new Set(Array.from({ length: URLS }, (_, n) => junkUrl(n).url)).size).toBe(URLS);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(drawn).toHaveLength(VIEWS.length);
    expect(after.heapUsedMb - before.heapUsedMb).toBeLessThan(HEAP_GROWTH_LIMIT_MB);
    expect((await getPage('/?status=running')).status).toBe(200);
  }, 120_000);
});
