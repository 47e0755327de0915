/*
 * The same-origin proxy between the browser and Talkdesk, used by `vite dev`, `vite preview` and the production
 * server. Talkdesk's token endpoint requires a client secret and neither host documents CORS, so the browser talks
 * only to its own origin and this module forwards an allow-list of requests: read-only campaigns calls, and the
 * user-bound OAuth grants (never client_credentials, which would turn the secret into account-wide tokens).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_BASE_PATH, REVOKE_PATH, TOKEN_PATH, toRuntimeConfig, type ServerConfig } from './config.ts';
import { RUNTIME_CONFIG_PATH } from '../config/runtime-config.ts';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface ProxyOptions {
  /** One line per proxied request; defaults to stdout. */
  log?: (line: string) => void;
}

export const MAX_URL_LENGTH = 8 * 1024;
export const MAX_FORM_BODY_BYTES = 16 * 1024;

const API_PATH = /^\/api\/campaigns(?:\/[A-Za-z0-9-]{1,64})?$/;
const FORWARDED_API_REQUEST_HEADERS = ['authorization', 'accept', 'accept-language', 'if-none-match'] as const;
const RETURNED_API_RESPONSE_HEADERS = ['content-type', 'cache-control', 'etag', 'retry-after', 'www-authenticate'] as const;
const RETURNED_OAUTH_RESPONSE_HEADERS = ['content-type', 'www-authenticate'] as const;
const ALLOWED_GRANT_TYPES = new Set(['authorization_code', 'refresh_token']);
// Client authentication is the proxy's job: a browser that sends its own is misconfigured or probing.
const REFUSED_FORM_PARAMS = ['client_secret', 'client_assertion', 'client_assertion_type'];
/* eslint-disable no-control-regex -- matching control characters is the point: they must never be forwarded */
// Raw control characters, backslashes and encoded dots, slashes or backslashes in a path: never a campaigns URL.
const SUSPICIOUS_PATH = /[\x00-\x20\x7f\\]|%(?:2e|2f|5c|00)|\/\.{1,2}(?:\/|$)|\/\//i;
const CONTROL_CHARS = /[\x00-\x1f\x7f]/;
/* eslint-enable no-control-regex */
/** Logged when the browser went away before the answer (nginx's convention). */
const CLIENT_CLOSED = 499;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

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
  try {
    if (target.length > MAX_URL_LENGTH) throw new HttpError(414, 'The URL is too long.');
    if (SUSPICIOUS_PATH.test(path) || CONTROL_CHARS.test(query) || query.includes(' ')) {
      throw new HttpError(400, 'The request path is not allowed.');
    }
    if (!API_PATH.test(path)) throw new HttpError(404, 'Only /api/campaigns and /api/campaigns/{id} are available.');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'The campaigns API is read-only here.', { Allow: 'GET, HEAD' });
    }
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendJson(res, error.status, apiError(codeFor(error.status), error.message), error.headers);
    return error.status;
  }

  const headers = pickHeaders(req, FORWARDED_API_REQUEST_HEADERS);
  if (!headers) {
    sendJson(res, 400, apiError('bad_request', 'A request header contains control characters.'));
    return 400;
  }
  const upstreamUrl = `${config.apiUrl}${path.slice(API_BASE_PATH.length)}${query}`;
  const outcome = await callUpstream(config, res, upstreamUrl, { method: req.method ?? 'GET', headers });
  if (res.destroyed) return CLIENT_CLOSED;
  if (outcome.kind === 'failed') {
    sendJson(res, outcome.status, apiError(codeFor(outcome.status), outcome.message));
    return outcome.status;
  }
  return relay(req, res, outcome.response, outcome.body, RETURNED_API_RESPONSE_HEADERS, {});
}

async function proxyOAuth(
  config: ServerConfig,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  hasQuery: boolean,
): Promise<number> {
  const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
  const refuse = (status: number, error: string, description: string, headers: Record<string, string> = {}) => {
    sendJson(res, status, JSON.stringify({ error, error_description: description }), { ...noStore, ...headers });
    return status;
  };

  if (req.method !== 'POST') return refuse(405, 'invalid_request', 'Use POST.', { Allow: 'POST' });
  // Credentials in a query string end up in logs; the spec wants them in the body.
  if (hasQuery) return refuse(400, 'invalid_request', 'Parameters belong in the request body.');
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    return refuse(415, 'invalid_request', 'The body must be application/x-www-form-urlencoded.');
  }

  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_FORM_BODY_BYTES);
  } catch (error) {
    if (error instanceof HttpError) return refuse(error.status, 'invalid_request', error.message);
    throw error;
  }
  const text = raw.toString('utf8');
  if (CONTROL_CHARS.test(text)) return refuse(400, 'invalid_request', 'The body contains control characters.');
  const form = new URLSearchParams(text);
  const names = [...form.keys()];
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) return refuse(400, 'invalid_request', `The parameter ${repeated} is repeated.`);
  const refused = REFUSED_FORM_PARAMS.find((name) => form.has(name));
  if (refused) return refuse(400, 'invalid_request', `The proxy authenticates the client: do not send ${refused}.`);
  const clientId = form.get('client_id');
  if (clientId !== null && clientId !== config.clientId) {
    return refuse(400, 'invalid_client', 'The client_id is not the one this dashboard is registered with.');
  }

  if (path === TOKEN_PATH) {
    const grantType = form.get('grant_type');
    if (grantType === null || !ALLOWED_GRANT_TYPES.has(grantType)) {
      return refuse(400, 'unsupported_grant_type', 'Only authorization_code and refresh_token grants are allowed.');
    }
  } else if (!form.get('token')) {
    return refuse(400, 'invalid_request', 'The token parameter is required.');
  }

  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (config.clientSecret !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${formEncode(config.clientId)}:${formEncode(config.clientSecret)}`).toString('base64')}`;
  }
  const outcome = await callUpstream(config, res, `${config.identityUrl}${path}`, { method: 'POST', headers, body: raw });
  if (res.destroyed) return CLIENT_CLOSED;
  if (outcome.kind === 'failed') {
    return refuse(outcome.status, 'temporarily_unavailable', outcome.message);
  }
  return relay(req, res, outcome.response, outcome.body, RETURNED_OAUTH_RESPONSE_HEADERS, noStore);
}

type UpstreamOutcome =
  | { kind: 'answered'; response: Response; body: Buffer }
  | { kind: 'failed'; status: 502 | 504; message: string };

async function callUpstream(
  config: ServerConfig,
  res: ServerResponse,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: Buffer },
): Promise<UpstreamOutcome> {
  const clientGone = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) clientGone.abort();
  };
  res.on('close', onClose);
  const timeout = AbortSignal.timeout(config.upstreamTimeoutMs);
  try {
    const response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      redirect: 'manual',
      signal: AbortSignal.any([timeout, clientGone.signal]),
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      return { kind: 'failed', status: 502, message: 'The upstream service answered with a redirect, which the proxy does not follow.' };
    }
    return { kind: 'answered', response, body };
  } catch {
    if (timeout.aborted) {
      return { kind: 'failed', status: 504, message: 'The upstream service did not answer in time.' };
    }
    return { kind: 'failed', status: 502, message: 'The upstream service could not be reached.' };
  } finally {
    res.off('close', onClose);
  }
}

function relay(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response,
  body: Buffer,
  returned: readonly string[],
  extra: Record<string, string>,
): number {
  for (const name of returned) {
    const value = response.headers.get(name);
    if (value !== null) res.setHeader(name, value);
  }
  for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
  // fetch decompresses, so the upstream Content-Length may not match: describe the body actually sent.
  const bodyless = req.method === 'HEAD' || response.status === 204 || response.status === 304;
  if (!bodyless) res.setHeader('Content-Length', body.length);
  res.statusCode = response.status;
  res.end(bodyless ? undefined : body);
  return response.status;
}

/** Copies the allowed request headers; null when one carries control characters (header injection). */
function pickHeaders(req: IncomingMessage, names: readonly string[]): Record<string, string> | null {
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = req.headers[name];
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(', ') : value;
    if (CONTROL_CHARS.test(joined)) return null;
    headers[name] = joined;
  }
  return headers;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.reject(new HttpError(413, `The body exceeds ${limit} bytes.`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, `The body exceeds ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** application/x-www-form-urlencoded, as RFC 6749 section 2.3.1 requires before Basic-encoding client credentials. */
function formEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

function apiError(code: string, message: string): string {
  return JSON.stringify({ code, message, fields: [] });
}

function codeFor(status: number): string {
  switch (status) {
    case 400: return 'bad_request';
    case 404: return 'not_found';
    case 405: return 'method_not_allowed';
    case 414: return 'uri_too_long';
    case 502: return 'bad_gateway';
    case 504: return 'gateway_timeout';
    default: return 'error';
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
  headOnly = false,
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(headOnly ? undefined : body);
}
