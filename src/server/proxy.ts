/*
 * The same-origin proxy between the browser and Talkdesk, used by `vite dev`, `vite preview` and the production
 * server. Talkdesk's token endpoint requires a client secret and neither host documents CORS, so the browser talks
 * only to its own origin and this module forwards an allow-list of requests: read-only campaigns calls with the
 * query parameters of the API contract, and the user-bound OAuth grants (proxy-oauth.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_BASE_PATH, REVOKE_PATH, TOKEN_PATH, toRuntimeConfig, type ServerConfig } from './config.ts';
import { RUNTIME_CONFIG_PATH } from '../config/runtime-config.ts';
import { proxyOAuth } from './proxy-oauth.ts';
import { apiError, CLIENT_CLOSED, codeFor, HttpError, sendApiError, sendJson } from './proxy-replies.ts';
import { callUpstream, relay } from './upstream.ts';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface ProxyOptions {
  /** One line per proxied request; defaults to stdout. */
  log?: (line: string) => void;
}

export const MAX_URL_LENGTH = 8 * 1024;
/** A forwarded header longer than this is refused (431): a Talkdesk access token is a few hundred bytes. */
export const MAX_FORWARDED_HEADER_BYTES = 8 * 1024;

const API_PATH = /^\/api\/campaigns(?:\/[A-Za-z0-9-]{1,64})?$/;
const FORWARDED_API_REQUEST_HEADERS = ['authorization', 'accept', 'accept-language', 'if-none-match'] as const;
const RETURNED_API_RESPONSE_HEADERS = ['content-type', 'etag', 'retry-after', 'www-authenticate'] as const;
/** Per-user data: never kept by a shared cache, nor by the browser's. */
const API_CACHE_CONTROL = { 'Cache-Control': 'private, no-store' };
/* eslint-disable no-control-regex -- matching control characters is the point: they must never be forwarded */
// Raw control characters, backslashes and encoded dots, slashes or backslashes in a path: never a campaigns URL.
const SUSPICIOUS_PATH = /[\x00-\x20\x7f\\]|%(?:2e|2f|5c|00)|\/\.{1,2}(?:\/|$)|\/\//i;
const CONTROL_CHARS = /[\x00-\x1f\x7f]/;
// In a header value: C0 controls (a tab too), DEL, and C1 controls such as NEL (\x85), which some parsers take for a
// line break. Node's parser lets tabs and bytes over 0x7f through.
const HEADER_CONTROL_CHARS = /[\x00-\x1f\x7f-\x9f]/;
/* eslint-enable no-control-regex */

/** Connect-style middleware: answers `/app-config.json`, `/api/...`, `/oauth/token`, `/oauth/revoke`; calls next() otherwise. */
export function createProxy(config: ServerConfig, options: ProxyOptions = {}): Middleware {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const runtimeConfigBody = JSON.stringify(toRuntimeConfig(config));

  return (req, res, next) => {
    const target = req.url ?? '';
    // Absolute-form targets (`GET http://evil/...`) would let the request line pick a host.
    if (!target.startsWith('/') || target.startsWith('//')) {
      sendJson(res, 400, apiError('bad_request', 'The request target must be a path on this origin.'));
      return;
    }
    const queryStart = target.indexOf('?');
    const path = queryStart === -1 ? target : target.slice(0, queryStart);

    if (path === RUNTIME_CONFIG_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, apiError('method_not_allowed', 'Use GET.'), { Allow: 'GET, HEAD' });
        return;
      }
      sendJson(res, 200, runtimeConfigBody, { 'Cache-Control': 'no-store' }, req.method === 'HEAD');
      return;
    }

    let handler: (() => Promise<number>) | undefined;
    if (path === API_BASE_PATH || path.startsWith(`${API_BASE_PATH}/`)) {
      handler = () => proxyApi(config, req, res, target, path, queryStart === -1 ? '' : target.slice(queryStart));
    } else if (path === TOKEN_PATH || path === REVOKE_PATH) {
      handler = () => proxyOAuth(config, req, res, path, queryStart !== -1);
    }
    if (!handler) {
      next();
      return;
    }

    const started = performance.now();
    handler().then(
      (status) => log(`${req.method} ${path} ${status} ${Math.round(performance.now() - started)}ms`),
      (error: unknown) => {
        log(`${req.method} ${path} 500 ${Math.round(performance.now() - started)}ms`);
        if (!res.headersSent) sendJson(res, 500, apiError('internal_error', 'The proxy failed.'));
        else res.destroy();
        process.stderr.write(`proxy error on ${req.method} ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  };
}

async function proxyApi(
  config: ServerConfig,
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  path: string,
  query: string,
): Promise<number> {
  for (const [name, value] of Object.entries(API_CACHE_CONTROL)) res.setHeader(name, value);
  let headers: Record<string, string>;
  try {
    if (target.length > MAX_URL_LENGTH) throw new HttpError(414, 'The URL is too long.');
    if (SUSPICIOUS_PATH.test(path) || CONTROL_CHARS.test(query) || query.includes(' ')) {
      throw new HttpError(400, 'The request path is not allowed.');
    }
    if (!API_PATH.test(path)) throw new HttpError(404, 'Only /api/campaigns and /api/campaigns/{id} are available.');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'The campaigns API is read-only here.', { Allow: 'GET, HEAD' });
    }
    const unknown = [...new URLSearchParams(query).keys()].find((name) => !config.apiQueryNames.has(name));
    if (unknown !== undefined) throw new HttpError(400, `The query parameter "${unknown.slice(0, 64)}" is not part of the campaigns API.`);
    headers = forwardedHeaders(req, FORWARDED_API_REQUEST_HEADERS);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return sendApiError(res, error);
  }

  const upstreamUrl = `${config.apiUrl}${path.slice(API_BASE_PATH.length)}${query}`;
  const outcome = await callUpstream(config, res, upstreamUrl, { method: req.method ?? 'GET', headers });
  if (res.destroyed) return CLIENT_CLOSED;
  if (outcome.kind === 'failed') {
    sendJson(res, outcome.status, apiError(codeFor(outcome.status), outcome.message));
    return outcome.status;
  }
  return relay(req, res, outcome.response, outcome.body, { returned: RETURNED_API_RESPONSE_HEADERS, extra: API_CACHE_CONTROL, compress: true });
}

/** Copies the allowed request headers; refuses one that carries control characters (header injection) or is too long. */
function forwardedHeaders(req: IncomingMessage, names: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = req.headers[name];
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(', ') : value;
    if (HEADER_CONTROL_CHARS.test(joined)) throw new HttpError(400, `The ${name} header contains control characters.`);
    if (joined.length > MAX_FORWARDED_HEADER_BYTES) {
      throw new HttpError(431, `The ${name} header exceeds ${MAX_FORWARDED_HEADER_BYTES} bytes.`);
    }
    headers[name] = joined;
  }
  return headers;
}
