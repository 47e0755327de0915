/*
 * The production server and its proxy under 200 concurrent API requests on loopback, in rounds of 1,500: every
 * request of a round is answered, every answer is right for its query, and the heap after a forced GC does not grow
 * from one round to the next. The proxy's added
 * latency over calling the sandbox directly is printed, never asserted: it depends on the machine and on whatever
 * else runs beside the test. `npm run load` runs the same thing with more requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from 'node:http';
import { describeLatency, keepAliveAgent, memoryAfterGc, percentile, runLoad, startLoadStack, type LoadResult, type LoadStack } from './load-run.ts';

const CONCURRENCY = 200;
const REQUESTS_PER_ROUND = 1_500;
const WARM_UP_REQUESTS = 400;
// Heap after GC may move by a few MB between rounds (JIT code, lazily built caches); a per-request leak of even
// 4 kB over 1,500 requests would exceed this.
const HEAP_GROWTH_LIMIT_MB = 6;

let stack: LoadStack;
const agents = { proxy: keepAliveAgent(CONCURRENCY), direct: keepAliveAgent(CONCURRENCY) };

beforeAll(async () => {
  stack = await startLoadStack();
}, 60_000);

afterAll(async () => {
  agents.proxy.destroy();
  agents.direct.destroy();
  await stack?.stop();
});

interface Target {
  origin: string;
  path: string;
  agent: Agent;
}
const viaProxy = (): Target => ({ origin: stack.appUrl, path: '/api/campaigns', agent: agents.proxy });
const direct = (): Target => ({ origin: stack.sandboxUrl, path: '/campaigns', agent: agents.direct });

/** One round of `requests`, all sent and all answered however long it takes: the test's timeout is the bound. */
async function round(target: Target, requests = REQUESTS_PER_ROUND): Promise<LoadResult> {
  const result = await runLoad({ ...target, accessToken: stack.accessToken, expected: stack.expected, concurrency: CONCURRENCY, requests });
  expect(result.errorSamples, `${result.errors} of ${result.requests} requests were wrong`).toEqual([]);
  expect(result.errors).toBe(0);
  expect(result.requests).toBe(requests);
  expect(result.latencies).toHaveLength(requests);
  return result;
}

describe('the production server under load', () => {
  it(`answers all ${REQUESTS_PER_ROUND} requests of a round, ${CONCURRENCY} at a time, correctly, round after round, without heap growth`, async () => {
    // A first round warms the JIT and opens the sockets, client -> app and app -> sandbox (idle ones close after
    // 5 s, so each measured round follows its warm-up directly).
    await round(viaProxy(), WARM_UP_REQUESTS);
    const before = memoryAfterGc();
    const first = await round(viaProxy());
    const afterFirst = memoryAfterGc();
    const second = await round(viaProxy());
    const afterSecond = memoryAfterGc();

    await round(direct(), WARM_UP_REQUESTS);
    const sandboxDirect = await round(direct());

    const mb = (value: number) => `${value.toFixed(1)} MB`;
    console.info(
      [
        `Load, ${CONCURRENCY} concurrent, ${stack.expected.size} queries, one process (client, proxy, sandbox):`,
        `  via proxy, round 1: ${describeLatency(first)}`,
        `  via proxy, round 2: ${describeLatency(second)}`,
        `  sandbox directly:   ${describeLatency(sandboxDirect)}`,
        `  proxy adds p50 ${(percentile(second.latencies, 50) - percentile(sandboxDirect.latencies, 50)).toFixed(1)} ms, ` +
          `p99 ${(percentile(second.latencies, 99) - percentile(sandboxDirect.latencies, 99)).toFixed(1)} ms`,
        `  heap + buffers after GC: ${mb(before.heapUsedMb)} -> ${mb(afterFirst.heapUsedMb)} -> ${mb(afterSecond.heapUsedMb)}; ` +
          `RSS ${mb(before.rssMb)} -> ${mb(afterFirst.rssMb)} -> ${mb(afterSecond.rssMb)}`,
      ].join('\n'),
    );

    // Round-over-round: the first measured round still settles pools and JIT code (2-3 MB seen).
    expect(afterSecond.heapUsedMb - afterFirst.heapUsedMb).toBeLessThan(HEAP_GROWTH_LIMIT_MB);
  }, 120_000);
});
