/*
 * Whether the upstream hosts answer, for a load balancer's readiness check: probed in the background (at start, then
 * every `intervalMs`), so that no request to /readyz ever makes a call to Talkdesk. Any HTTP answer counts as
 * reachable (a 404 or 401 at the origin's root still proves the host is up); no answer within the time limit does not.
 */
import type { ServerConfig } from './config.ts';

export const READINESS_PATH = '/readyz';
const PROBE_INTERVAL_MS = 30_000;
const PROBE_TIMEOUT_MS = 5_000;

type Reachability = 'reachable' | 'unreachable' | 'unknown';

export interface UpstreamReadiness {
  /** The last probe's outcome per host. */
  readonly identity: Reachability;
  readonly api: Reachability;
  /** Stops the background probes. */
  stop(): void;
}

export function watchUpstreams(config: ServerConfig, intervalMs = PROBE_INTERVAL_MS): UpstreamReadiness {
  const state: { identity: Reachability; api: Reachability } = { identity: 'unknown', api: 'unknown' };
  const probeAll = () => {
    void probe(config.identityUrl).then((result) => (state.identity = result));
    void probe(config.apiUrl).then((result) => (state.api = result));
  };
  probeAll();
  const timer = setInterval(probeAll, intervalMs);
  timer.unref();
  return {
    get identity() {
      return state.identity;
    },
    get api() {
      return state.api;
    },
    stop: () => clearInterval(timer),
  };
}

async function probe(origin: string): Promise<Reachability> {
  try {
    const response = await fetch(`${origin}/`, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return 'reachable';
  } catch {
    return 'unreachable';
  }
}

/** The /readyz answer: 200 only while both hosts answered their last probe and the server is not shutting down. */
export function readinessReply(readiness: UpstreamReadiness, stopping: boolean): { status: number; body: string } {
  const ready = !stopping && readiness.identity === 'reachable' && readiness.api === 'reachable';
  const status = stopping ? 'stopping' : ready ? 'ready' : 'not ready';
  return { status: ready ? 200 : 503, body: JSON.stringify({ status, identity: readiness.identity, api: readiness.api }) };
}
