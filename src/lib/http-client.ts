/*
 * The browser talks only to its own origin: `/api/...` is a thin proxy to the Talkdesk region, so the access
 * token never travels to another host (HAL hrefs in responses point at the regional host and are never fetched).
 */
import { ApiError, apiErrorBodySchema, parseRetryAfter } from './api-error';

export interface HttpClientOptions {
  /** Same-origin path prefix, e.g. `/api`. */
  basePath: string;
  getAccessToken: () => string | null;
  /** Renews the session after a 401; resolves to the new token, or null when the user must sign in again. */
  renewAccessToken: () => Promise<string | null>;
  fetch?: typeof fetch;
}

export interface HttpClient {
  /** `fetch` sends this one call instead of the client's own transport (a conditional request adds its header). */
  getJson(path: string, options?: { query?: URLSearchParams; signal?: AbortSignal; fetch?: typeof fetch }): Promise<unknown>;
}

/** The same-origin URL of an API call: `basePath` (e.g. `/api`), the API path, and the query when it has any. */
export function apiUrl(basePath: string, path: string, query?: URLSearchParams): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`Not an API path: ${path}`);
  const search = query?.toString() ? `?${query}` : '';
  return `${basePath}${path}${search}`;
}

/** How every API call is sent, before its token is added: JSON only, no cookies, no redirects, no referrer. */
export function apiRequestInit(): { headers: Record<string, string>; credentials: RequestCredentials; redirect: RequestRedirect; referrerPolicy: ReferrerPolicy } {
  return { headers: { Accept: 'application/json' }, credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer' };
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request(url: string, token: string | null, signal?: AbortSignal, send = doFetch): Promise<Response> {
    const init = apiRequestInit();
    if (token) init.headers.Authorization = `Bearer ${token}`;
    try {
      return await send(url, { ...init, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError({ kind: 'network', message: 'Could not reach Talkdesk.' });
    }
  }

  return {
    async getJson(path, { query, signal, fetch: send } = {}) {
      const url = apiUrl(options.basePath, path, query);
      let response = await request(url, options.getAccessToken(), signal, send);
      if (response.status === 401) {
        const renewed = await options.renewAccessToken();
        if (renewed) response = await request(url, renewed, signal, send);
      }
      if (!response.ok) throw await toApiError(response);
      try {
        return await response.json();
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new ApiError({ kind: 'invalid-response', status: response.status, message: 'Talkdesk sent an answer the dashboard could not read.' });
      }
    },
  };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A gateway's HTML error page or an empty body: fall back to the status text below.
  }
  const parsed = apiErrorBodySchema.safeParse(body);
  const message = (parsed.success && (parsed.data.message || parsed.data.description)) || defaultMessage(response.status);
  return new ApiError({
    kind: response.status === 504 ? 'timeout' : 'http',
    status: response.status,
    message,
    fields: parsed.success ? (parsed.data.fields ?? []) : [],
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Your session has expired.';
  if (status === 403) return 'Your account may not read campaigns.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests.';
  if (status >= 500) return `Talkdesk answered with an error (${status}).`;
  return `The request failed (${status}).`;
}
