/*
 * The probe's only way to the API: GET requests with the token, each with a time limit, at most `maxRequests` of
 * them, waiting as a 429 asks (Retry-After, else backing off) before asking again. Errors never carry the token.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface ProbeAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  body: unknown;
}

/** The probe cannot go on: configuration, network or sign-in. Exit status 2. */
export class ProbeStopped extends Error {
  override name = 'ProbeStopped';
}

/** The request budget is spent: checks not yet made are "not testable". */
export class BudgetSpent extends Error {
  override name = 'BudgetSpent';
}

export interface ProbeHttpOptions {
  apiUrl: string;
  token: string;
  maxRequests: number;
  timeoutMs: number;
  /** Longest single wait a 429 may ask for before the probe gives up. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
}

const RETRIES_AFTER_429 = 3;

export function createProbeHttp(options: ProbeHttpOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const maxWait = options.maxRetryAfterMs ?? 60_000;
  let sent = 0;

  async function send(url: string, headers: Record<string, string>): Promise<ProbeAnswer> {
    if (sent >= options.maxRequests) throw new BudgetSpent(`the budget of ${options.maxRequests} requests is spent`);
    sent += 1;
    let response: Response;
    try {
      response = await fetchImpl(url, { method: 'GET', headers, redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : describeNetworkError(error);
      throw new ProbeStopped(`${new URL(url).origin} did not answer: ${reason}`);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, body };
  }

  /** GETs `url` as is, following 429s; `withToken` adds the bearer token (only ever for the API origin). */
  async function get(url: string, withToken: boolean, extraHeaders: Record<string, string> = {}): Promise<ProbeAnswer> {
    const headers = { accept: 'application/json', ...extraHeaders, ...(withToken ? { authorization: `Bearer ${options.token}` } : {}) };
    for (let attempt = 0; ; attempt += 1) {
      const answer = await send(url, headers);
      if (answer.status !== 429 || attempt === RETRIES_AFTER_429) return answer;
      const waitMs = retryAfterMs(answer.headers.get('retry-after')) ?? 1000 * 2 ** attempt;
      if (waitMs > maxWait) throw new ProbeStopped(`the API asks to wait ${Math.ceil(waitMs / 1000)} s (429 Retry-After): run the probe again later`);
      await sleep(waitMs);
    }
  }

  return {
    /** GET {apiUrl}{path}?{query} with the token. */
    api(path: string, query: URLSearchParams = new URLSearchParams(), extraHeaders?: Record<string, string>): Promise<ProbeAnswer> {
      const search = query.toString();
      return get(`${options.apiUrl}${path}${search ? `?${search}` : ''}`, true, extraHeaders);
    },
    /** GET a URL on another host, without the token. */
    plain: (url: string) => get(url, false),
    requests: () => sent,
    remaining: () => options.maxRequests - sent,
  };
}

export type ProbeHttp = ReturnType<typeof createProbeHttp>;

/** Seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
