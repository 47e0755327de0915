/*
 * The token and revocation endpoints: the browser's OAuth requests, checked and forwarded to the identity host with
 * the client's credentials. Only the dashboard's own pages may use them: the client secret is added here, so a
 * request from any other site would let that site redeem a stolen code or refresh token as this dashboard.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TOKEN_PATH, type ServerConfig } from './config.ts';
import { CLIENT_CLOSED, HttpError, sendJson } from './proxy-replies.ts';
import { callUpstream, relay } from './upstream.ts';

export const MAX_FORM_BODY_BYTES = 16 * 1024;

const RETURNED_OAUTH_RESPONSE_HEADERS = ['content-type', 'www-authenticate'] as const;
const ALLOWED_GRANT_TYPES = new Set(['authorization_code', 'refresh_token']);
// Client authentication is the proxy's job: a browser that sends its own is misconfigured or probing.
const REFUSED_FORM_PARAMS = ['client_secret', 'client_assertion', 'client_assertion_type'];
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they must never be forwarded
const CONTROL_CHARS = /[\x00-\x1f\x7f]/;
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

export async function proxyOAuth(
  config: ServerConfig,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  hasQuery: boolean,
): Promise<number> {
  const refuse = (status: number, error: string, description: string, headers: Record<string, string> = {}) => {
    sendJson(res, status, JSON.stringify({ error, error_description: description }), { ...NO_STORE, ...headers });
    return status;
  };

  const foreign = foreignOrigin(config, req);
  if (foreign) return refuse(403, 'invalid_request', foreign);
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
  // The form as checked, encoded afresh: the identity host never parses bytes the checks above did not.
  const body = form.toString();
  const outcome = await callUpstream(config, res, `${config.identityUrl}${path}`, { method: 'POST', headers, body });
  if (res.destroyed) return CLIENT_CLOSED;
  if (outcome.kind === 'failed') {
    return refuse(outcome.status, 'temporarily_unavailable', outcome.message);
  }
  return relay(req, res, outcome.response, outcome.body, { returned: RETURNED_OAUTH_RESPONSE_HEADERS, extra: NO_STORE, compress: false });
}

/**
 * Why a request does not come from the dashboard's own pages, or null when it may. Browsers mark a request sent by
 * another site (Sec-Fetch-Site) and name the page's origin on every POST (Origin); a request with neither is not a
 * browser's, and a stolen code is no easier to use from there than by calling the identity host directly.
 */
function foreignOrigin(config: ServerConfig, req: IncomingMessage): string | null {
  if (req.headers['sec-fetch-site'] === 'cross-site') return 'Token requests from other sites are refused.';
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  let sender: URL;
  try {
    sender = new URL(origin);
  } catch {
    return 'Token requests from other origins are refused.';
  }
  const own = config.publicUrl ? sender.origin === config.publicUrl : sender.host === req.headers.host;
  return own ? null : 'Token requests from other origins are refused.';
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
