/*
 * `npm run load`: the load test's run, longer (20,000 requests through the proxy in five rounds, then the sandbox
 * directly), printing its figures. Exits 1 when any answer was wrong or the heap kept growing;
 * latency is only reported. `npm test` runs a shorter version (tests/server/load.test.ts).
 */
import { describeLatency, keepAliveAgent, memoryAfterGc, percentile, runLoad, startLoadStack, type LoadResult } from '../../tests/server/load-run.ts';

const CONCURRENCY = 200;
const ROUNDS = 5;
const REQUESTS_PER_ROUND = 4_000;
const MAX_ROUND_MS = 30_000;
const HEAP_GROWTH_LIMIT_MB = 6;

const stack = await startLoadStack();
const agents = { proxy: keepAliveAgent(CONCURRENCY), direct: keepAliveAgent(CONCURRENCY) };
const common = { accessToken: stack.accessToken, expected: stack.expected, concurrency: CONCURRENCY, maxMs: MAX_ROUND_MS };
const viaProxy = (requests: number) => runLoad({ ...common, origin: stack.appUrl, path: '/api/campaigns', agent: agents.proxy, requests });
const direct = (requests: number) => runLoad({ ...common, origin: stack.sandboxUrl, path: '/campaigns', agent: agents.direct, requests });
const mb = (value: number) => `${value.toFixed(1)} MB`;

let failed = false;
const check = (label: string, result: LoadResult) => {
  console.log(`${label}: ${describeLatency(result)}`);
  for (const sample of result.errorSamples) console.log(`  wrong: ${sample}`);
  if (result.errors > 0) failed = true;
};

try {
  console.log(`Load: ${CONCURRENCY} concurrent GET /api/campaigns, ${stack.expected.size} queries, client, proxy and sandbox in one process`);
  check('warm-up via proxy', await viaProxy(1_000));
  const heaps = [memoryAfterGc()];
  const proxyRounds: LoadResult[] = [];
  for (let index = 1; index <= ROUNDS; index += 1) {
    const result = await viaProxy(REQUESTS_PER_ROUND);
    check(`via proxy, round ${index}`, result);
    proxyRounds.push(result);
    heaps.push(memoryAfterGc());
  }
  check('warm-up direct', await direct(1_000));
  const sandboxDirect = await direct(REQUESTS_PER_ROUND);
  check('sandbox directly', sandboxDirect);

  const proxied = proxyRounds.flatMap((result) => result.latencies).sort((a, b) => a - b);
  const total = proxyRounds.reduce((sum, result) => sum + result.requests, 0);
  const errors = proxyRounds.reduce((sum, result) => sum + result.errors, 0);
  const at = (sorted: number[], p: number) => `${percentile(sorted, p).toFixed(1)} ms`;
  console.log(`\nThrough the proxy: ${total} requests, ${errors} wrong or failed.`);
  console.log(`p50 direct ${at(sandboxDirect.latencies, 50)}, via proxy ${at(proxied, 50)}; p99 direct ${at(sandboxDirect.latencies, 99)}, via proxy ${at(proxied, 99)}`);
  console.log(`Heap + buffers after GC, per round: ${heaps.map((heap) => mb(heap.heapUsedMb)).join(' -> ')}`);
  console.log(`RSS after GC, per round:  ${heaps.map((heap) => mb(heap.rssMb)).join(' -> ')}`);
  const growth = (heaps.at(-1)?.heapUsedMb ?? 0) - (heaps[0]?.heapUsedMb ?? 0);
  if (growth >= HEAP_GROWTH_LIMIT_MB) {
    console.log(`The heap grew by ${mb(growth)} over ${ROUNDS} rounds (limit ${mb(HEAP_GROWTH_LIMIT_MB)}).`);
    failed = true;
  }
} finally {
  agents.proxy.destroy();
  agents.direct.destroy();
  await stack.stop();
}
process.exitCode = failed ? 1 : 0;
