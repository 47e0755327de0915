/*
 * A local stand-in for one Talkdesk account: identity (/oauth/*, /interaction/*) and the campaigns API
 * (/campaigns) on one origin, over generated data, plus test-only fault injection and campaign edits under /__sandbox.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_CAMPAIGN_COUNT, DEFAULT_SEED, generateCampaignData } from './campaign-data.ts';
import { queryNamesInForce } from '../../config/query-name-overrides.ts';
import type { QueryNameOverrides } from '../../config/talkdesk-api-contract.ts';
import { createCampaignIndex } from './campaign-index.ts';
import { createCampaignsApi } from './campaigns-api.ts';
import { CAMPAIGN_EDIT_PATH, campaignEditSchema, editCampaign } from './campaign-edits.ts';
import { faultConfigSchema, FaultState } from './faults.ts';
import { createIdentity } from './identity.ts';

export interface SandboxOptions {
  port: number;               // 0 = ephemeral
  host?: string;              // default '127.0.0.1'
  clientId: string;
  clientSecret: string;       // never logged
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  accessTokenTtlSeconds?: number;  // default 3600
  refreshTokenTtlSeconds?: number; // default 14 days
  seed?: number;
  campaignCount?: number;     // default 5000
  /** Query parameter names this account's API uses instead of the contract's (SANDBOX_QUERY_NAMES). */
  queryNames?: QueryNameOverrides;
  /** Hears every request as it arrives (tests count them). */
  onRequest?: (request: { method: string; url: string }) => void;
}

export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
}

const DEFAULT_ACCESS_TOKEN_TTL = 3600;
const DEFAULT_REFRESH_TOKEN_TTL = 14 * 24 * 60 * 60;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::']);

function originFor(host: string, port: number): string {
  if (LOOPBACK_HOSTS.has(host)) return `http://localhost:${port}`;
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 65_536) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE'
        ? new Error(`Sandbox cannot start: port ${port} on ${host} is already in use`, { cause: error })
        : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const host = opts.host ?? '127.0.0.1';
  const data = generateCampaignData(opts.seed ?? DEFAULT_SEED, opts.campaignCount ?? DEFAULT_CAMPAIGN_COUNT);
  const index = createCampaignIndex(data.campaigns);
  const faults = new FaultState();
  const lifetime = new AbortController();

  // Filled in once the port (hence the issuer) is known.
  const router: { route?: (req: IncomingMessage, res: ServerResponse) => Promise<void> } = {};
  const server = createServer((req, res) => {
    opts.onRequest?.({ method: req.method ?? '', url: req.url ?? '' });
    const { route } = router;
    if (!route) {
      sendJson(res, 503, { error: 'starting' });
      return;
    }
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'INTERNAL_SERVER_ERROR', message: String(error), fields: [] });
      else res.destroy();
    });
  });
  await listen(server, opts.port, host);

  const url = originFor(host, (server.address() as AddressInfo).port);
  const apiResource = `${url}/campaigns`;
  const identity = await createIdentity({
    issuer: url,
    apiResource,
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    redirectUris: opts.redirectUris,
    postLogoutRedirectUris: opts.postLogoutRedirectUris ?? [],
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL,
    refreshTokenTtlSeconds: opts.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TOKEN_TTL,
  });
  const oidc = identity.provider.callback();
  const api = createCampaignsApi({
    origin: url, issuer: url, apiResource, publicJwk: identity.publicJwk, index, faults, signal: lifetime.signal,
    queryNames: queryNamesInForce(opts.queryNames),
  });

  async function controlFaults(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET') return sendJson(res, 200, faults.snapshot());
    if (req.method === 'DELETE') {
      faults.reset();
      return sendJson(res, 200, faults.snapshot());
    }
    if (req.method !== 'PUT') return sendJson(res, 405, { error: 'use GET, PUT or DELETE' });
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      return sendJson(res, 400, { error: 'body must be JSON' });
    }
    const parsed = faultConfigSchema.safeParse(body);
    if (!parsed.success) return sendJson(res, 400, { error: 'invalid fault configuration', issues: parsed.error.issues });
    faults.configure(parsed.data);
    return sendJson(res, 200, faults.snapshot());
  }

  async function controlCampaign(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    if (req.method !== 'PATCH') return sendJson(res, 405, { error: 'use PATCH' });
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      return sendJson(res, 400, { error: 'body must be JSON' });
    }
    const parsed = campaignEditSchema.safeParse(body);
    if (!parsed.success) return sendJson(res, 400, { error: 'invalid campaign edit', issues: parsed.error.issues });
    const edited = editCampaign(data.campaigns, index, decodeURIComponent(id), parsed.data);
    return edited ? sendJson(res, 200, edited) : sendJson(res, 404, { error: `no campaign ${id}` });
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    faults.count('token');
    const latency = faults.latencyFor('token');
    if (latency > 0) {
      try {
        await sleep(latency, undefined, { signal: lifetime.signal });
      } catch {
        return;
      }
    }
    if (faults.take('token')) {
      sendJson(res, 503, { error: 'temporarily_unavailable', error_description: 'The identity service is unavailable (sandbox fault)' });
      return;
    }
    await oidc(req, res);
  }

  router.route = async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', url);
    if (pathname === '/__sandbox/health') return sendJson(res, 200, { ok: true });
    if (pathname === '/__sandbox/faults') return controlFaults(req, res);
    const edit = CAMPAIGN_EDIT_PATH.exec(pathname);
    if (edit) return controlCampaign(req, res, edit[1] as string);
    if (await api.handle(req, res, new URL(req.url ?? '/', url))) return;
    if (await identity.handleInteraction(req, res, pathname)) return;
    if (pathname === '/oauth/token' && req.method === 'POST') return token(req, res);
    await oidc(req, res);
  };

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        lifetime.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        identity.close();
      });
      return closing;
    },
  };
}
