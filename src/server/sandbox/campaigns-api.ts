/*
 * The campaigns half of the sandbox: GET /campaigns and GET /campaigns/{id} as API-NOTES.md describes them (the
 * bodies in campaign-bodies.ts), Talkdesk's error body.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { importJWK, jwtVerify, type JWK } from 'jose';
import { EXPAND_VALUES, type QueryNames } from '../../config/talkdesk-api-contract.ts';
import { campaignDetailBody, campaignPageBody } from './campaign-bodies.ts';
import { runCampaignQuery, type CampaignIndex } from './campaign-index.ts';
import { parseCampaignQuery, parseExpand, type FieldError } from './campaign-query.ts';
import type { FaultRule, FaultState, FaultTarget } from './faults.ts';
import { CAMPAIGNS_READ_SCOPE } from './identity.ts';

export interface CampaignsApiOptions {
  origin: string;
  issuer: string;
  apiResource: string;
  publicJwk: JWK;
  index: CampaignIndex;
  faults: FaultState;
  /** The query parameter names this account's API uses. */
  queryNames: QueryNames;
  /** Aborted when the sandbox closes, so pending latency timers end with it. */
  signal: AbortSignal;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  description?: string;
  fields: FieldError[];
}

// Talkdesk does not document its `code` values: these are the sandbox's own.
const ERRORS = {
  badRequest: { code: 'INVALID_PARAMETERS', message: 'Invalid request parameters' },
  unauthorized: { code: 'UNAUTHORIZED', message: 'Unauthorized' },
  forbidden: { code: 'FORBIDDEN', message: 'Forbidden' },
  notFound: { code: 'NOT_FOUND', message: 'Campaign not found' },
  methodNotAllowed: { code: 'METHOD_NOT_ALLOWED', message: 'Method not allowed' },
  tooManyRequests: { code: 'TOO_MANY_REQUESTS', message: 'Too many requests' },
  serverError: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' },
  badGateway: { code: 'BAD_GATEWAY', message: 'Bad gateway' },
  unavailable: { code: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' },
} as const;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function sendError(
  req: IncomingMessage, res: ServerResponse, status: number,
  error: { code: string; message: string }, extra: { description?: string; fields?: FieldError[] } = {}, headers: Record<string, string> = {},
): void {
  const body: ApiErrorBody = { ...error, ...(extra.description ? { description: extra.description } : {}), fields: extra.fields ?? [] };
  sendJson(req, res, status, body, headers);
}

/** A strong ETag of a list answer: an unchanged page answers a conditional request with 304 and no body. */
function etagOf(body: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
}

/**
 * If-None-Match compares weakly (RFC 9110): the dashboard's proxy sends a compressed answer's ETag as W/"...", and the
 * browser asks again with that.
 */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === etag);
}

export function createCampaignsApi(options: CampaignsApiOptions) {
  const { origin, index, faults, signal, queryNames } = options;
  const keyPromise = importJWK(options.publicJwk, 'RS256');

  /** Answers 401/403 itself and returns false; true when the token may read campaigns. */
  async function authenticate(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const header = req.headers.authorization;
    const match = header ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim()) : null;
    if (!match) {
      sendError(req, res, 401, ERRORS.unauthorized, { description: 'A bearer access token is required' }, { 'www-authenticate': 'Bearer' });
      return false;
    }
    let scope: string;
    try {
      const { payload } = await jwtVerify(match[1] as string, await keyPromise, {
        issuer: options.issuer,
        audience: options.apiResource,
        typ: 'at+jwt',
        algorithms: ['RS256'],
      });
      scope = typeof payload.scope === 'string' ? payload.scope : '';
    } catch {
      sendError(req, res, 401, ERRORS.unauthorized, { description: 'The access token is invalid or expired' },
        { 'www-authenticate': 'Bearer error="invalid_token"' });
      return false;
    }
    if (!scope.split(' ').includes(CAMPAIGNS_READ_SCOPE)) {
      sendError(req, res, 403, ERRORS.forbidden, { description: `The access token lacks the ${CAMPAIGNS_READ_SCOPE} scope` },
        { 'www-authenticate': `Bearer error="insufficient_scope", scope="${CAMPAIGNS_READ_SCOPE}"` });
      return false;
    }
    return true;
  }

  // A 429 or 503 may say when to come back (RFC 9110); a rule without retryAfterSeconds answers without it.
  const retryAfter = (rule: FaultRule): Record<string, string> => (rule.retryAfterSeconds === undefined ? {} : { 'retry-after': String(rule.retryAfterSeconds) });

  /** Applies an injected fault; true when the fault has answered (or swallowed) the request. */
  function applyFault(req: IncomingMessage, res: ServerResponse, rule: FaultRule, target: FaultTarget): boolean {
    switch (rule.kind) {
      case '429':
        sendError(req, res, 429, ERRORS.tooManyRequests, {}, retryAfter(rule));
        return true;
      case '500':
        sendError(req, res, 500, ERRORS.serverError);
        return true;
      case '502':
        sendError(req, res, 502, ERRORS.badGateway);
        return true;
      case '503':
        sendError(req, res, 503, ERRORS.unavailable, {}, retryAfter(rule));
        return true;
      case 'hang':
        // Never answered: the socket is destroyed by the client giving up or by close().
        return true;
      case 'drop':
        req.socket.destroy();
        return true;
      case 'malformed-json':
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"total": 12, "count": 1, "page": 1, "_embedded": {"campaigns": [{"id": "');
        return true;
      case 'bad-schema':
        sendJson(req, res, 200, target === 'list'
          ? { total: '12', count: 1, page: 1, per_page: 50, total_pages: 1, _embedded: { campaigns: [{ id: 42, name: null, status: 'DELETED', priority: 'high' }] }, _links: {} }
          : { id: 42, name: null, status: 'DELETED' });
        return true;
      default:
        return false;
    }
  }

  function list(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const parsed = parseCampaignQuery(url.searchParams, queryNames);
    if (!parsed.ok) {
      sendError(req, res, 400, ERRORS.badRequest, { fields: parsed.fields });
      return;
    }
    const body = campaignPageBody(origin, url, parsed.query, runCampaignQuery(index, parsed.query), queryNames.page);
    const etag = etagOf(body);
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.writeHead(304, { etag, 'cache-control': 'no-store' });
      res.end();
      return;
    }
    sendJson(req, res, 200, body, { etag });
  }

  function detail(req: IncomingMessage, res: ServerResponse, url: URL, id: string): void {
    const name = queryNames.expand;
    const expandValues = url.searchParams.getAll(name);
    if (expandValues.length > 1) {
      sendError(req, res, 400, ERRORS.badRequest, { fields: [{ name, description: `${name} must not be repeated` }] });
      return;
    }
    const requested = parseExpand(expandValues[0] ?? '');
    if (requested === undefined) {
      sendError(req, res, 400, ERRORS.badRequest, { fields: [{ name, description: `${name} accepts ${EXPAND_VALUES.join(', ')}` }] });
      return;
    }
    const campaign = UUID_PATTERN.test(id) ? index.byId.get(id.toLowerCase()) : undefined;
    if (!campaign) {
      sendError(req, res, 404, ERRORS.notFound, { description: `No campaign with id ${id}` });
      return;
    }
    sendJson(req, res, 200, campaignDetailBody(origin, campaign, requested));
  }

  /** Handles /campaigns and /campaigns/{id}; false when the path is not the API's. */
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const match = /^\/campaigns(?:\/([^/]+))?\/?$/.exec(url.pathname);
    if (!match) return false;
    const id = match[1];
    const target: FaultTarget = id === undefined ? 'list' : 'detail';
    faults.count(target);

    const latency = faults.latencyFor(target);
    if (latency > 0) {
      try {
        await sleep(latency, undefined, { signal });
      } catch {
        return true;
      }
    }
    const rule = faults.take(target);
    if (rule && applyFault(req, res, rule, target)) return true;

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(req, res, 405, ERRORS.methodNotAllowed, { description: 'The campaigns API here is read-only' }, { allow: 'GET, HEAD' });
      return true;
    }
    if (!(await authenticate(req, res))) return true;
    if (id === undefined) list(req, res, url);
    else detail(req, res, url, id);
    return true;
  }

  return { handle };
}
