/*
 * The serving process's configuration, read once from the environment. The client secret lives only here, in a
 * non-enumerable property, so that logging or serialising a config object never prints it.
 */
import * as z from 'zod/mini';
import { REGION_IDS, REGION_PRESETS, type RegionId } from '../config/regions.ts';
import type { RuntimeConfig } from '../config/runtime-config.ts';
import { parseQueryNameOverrides, queryNameSet } from '../config/query-name-overrides.ts';
import type { QueryNameOverrides } from '../config/talkdesk-api-contract.ts';
import { isLoopbackHost } from './loopback.ts';

/** A configuration problem the entry points print as one line (no stack trace) before exiting with status 1. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export const DEFAULT_SANDBOX_CLIENT_ID = 'campaigns-dashboard';
export const DEFAULT_SCOPE = 'openid campaigns:read';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;
export const TOKEN_PATH = '/oauth/token';
export const REVOKE_PATH = '/oauth/revoke';
export const API_BASE_PATH = '/api';

/** Every variable, validated, with the upstream hosts still unknown when the launcher will start the sandbox. */
export interface ServerEnv {
  region: RegionId;
  account: string | undefined;
  /** null only for the sandbox region when no URL was given (the launcher may start the sandbox). */
  apiUrl: string | null;
  identityUrl: string | null;
  clientId: string;
  clientSecret: string | undefined;
  scope: string;
  port: number;
  host: string;
  upstreamTimeoutMs: number;
  /** The dashboard's own origin as browsers see it (PUBLIC_URL); null when not configured. */
  publicUrl?: string | null;
  /** TLS_PROXY=true: a TLS-terminating proxy in front serves the dashboard over https. */
  tlsProxy?: boolean;
  /** Corrections to the API contract's query parameter names (TALKDESK_QUERY_NAMES); none when absent. */
  queryNames?: QueryNameOverrides;
}

export interface ServerConfig {
  readonly region: RegionId;
  readonly regionLabel: string;
  readonly account: string | undefined;
  /** Origins, without a trailing slash. */
  readonly apiUrl: string;
  readonly identityUrl: string;
  readonly clientId: string;
  /** Non-enumerable: absent from JSON.stringify, util.inspect and object spread. */
  readonly clientSecret: string | undefined;
  readonly scope: string;
  readonly port: number;
  readonly host: string;
  readonly upstreamTimeoutMs: number;
  readonly publicUrl: string | null;
  /** Browsers reach the dashboard over https (PUBLIC_URL https:, or TLS_PROXY): send Strict-Transport-Security. */
  readonly hsts: boolean;
  /** The query parameter names the API proxy forwards; any other is refused. */
  readonly apiQueryNames: ReadonlySet<string>;
  readonly queryNames: Readonly<QueryNameOverrides>;
}

const origin = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.issues.push({ code: 'custom', input: value, message: 'must be an absolute http(s) URL such as https://api.example.com' });
      return z.NEVER;
    }
    const problem =
      url.protocol !== 'http:' && url.protocol !== 'https:' ? 'must use http or https'
      : url.username || url.password ? 'must not contain credentials'
      : url.pathname !== '/' || url.search || url.hash || value.includes('?') || value.includes('#')
        ? 'must be an origin only, with no path, query or fragment (e.g. https://api.example.com)'
      : null;
    if (problem) {
      ctx.issues.push({ code: 'custom', input: value, message: problem });
      return z.NEVER;
    }
    return url.origin;
  }),
);

const integer = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d+$/, { error: `must be a whole number from ${min} to ${max}` })),
    z.pipe(
      z.transform((value: string) => Number(value)),
      z.number().check(
        z.gte(min, { error: `must be a whole number from ${min} to ${max}` }),
        z.lte(max, { error: `must be a whole number from ${min} to ${max}` }),
      ),
    ),
  );

/** `table_name=account_name,...` (TALKDESK_QUERY_NAMES, SANDBOX_QUERY_NAMES). */
export const queryNameOverrides = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    try {
      return parseQueryNameOverrides(value);
    } catch (error) {
      ctx.issues.push({ code: 'custom', input: value, message: `is not usable: ${(error as Error).message}` });
      return z.NEVER;
    }
  }),
);

// RFC 6749 section 3.3: scope tokens are printable ASCII without space, '"' and '\'.
const scopeToken = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

const schemas = {
  TALKDESK_REGION: z.enum(REGION_IDS, { error: `must be one of ${REGION_IDS.join(', ')}` }),
  TALKDESK_ACCOUNT: z.string().check(
    z.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
      error: 'must be the Talkdesk account name: lower-case letters, digits and hyphens',
    }),
  ),
  TALKDESK_API_URL: origin,
  TALKDESK_IDENTITY_URL: origin,
  TALKDESK_CLIENT_ID: z.string().check(
    z.regex(/^[\x21-\x7e]{1,256}$/, { error: 'must be 1 to 256 printable characters without spaces' }),
  ),
  TALKDESK_CLIENT_SECRET: z.string().check(
    z.regex(/^[\x20-\x7e]{1,1024}$/, { error: 'must be 1 to 1024 printable ASCII characters' }),
  ),
  TALKDESK_SCOPE: z.string().check(
    z.refine((value) => value.split(' ').every((token) => scopeToken.test(token)), {
      error: 'must be scope names separated by single spaces (e.g. "openid campaigns:read")',
    }),
  ),
  PORT: integer(1, 65_535),
  HOST: z.string().check(z.regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, { error: 'must be a host name or an IP address' })),
  UPSTREAM_TIMEOUT_MS: integer(100, 600_000),
  PUBLIC_URL: origin,
  TLS_PROXY: z.pipe(z.enum(['true', 'false'], { error: 'must be true or false' }), z.transform((value) => value === 'true')),
  TALKDESK_QUERY_NAMES: queryNameOverrides,
};

type VariableName = keyof typeof schemas;

/** Reads one variable; an empty value counts as unset. The message names the variable and never echoes its value. */
export function readVariable<S extends z.ZodMiniType>(env: NodeJS.ProcessEnv, name: string, schema: S): z.output<S> | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new StartupError(`${name} ${result.error.issues[0]?.message ?? 'is invalid'}`);
  }
  return result.data;
}

function read<N extends VariableName>(env: NodeJS.ProcessEnv, name: N): z.output<(typeof schemas)[N]> | undefined {
  return readVariable(env, name, schemas[name]) as z.output<(typeof schemas)[N]> | undefined;
}

/** Validates every variable. `defaultPort` differs by entry point (5173 for `npm start`, 8080 for `npm run serve`). */
export function readServerEnv(env: NodeJS.ProcessEnv, options: { defaultPort: number }): ServerEnv {
  const region = read(env, 'TALKDESK_REGION') ?? 'sandbox';
  const preset = REGION_PRESETS[region];
  const account = read(env, 'TALKDESK_ACCOUNT');
  const apiOverride = read(env, 'TALKDESK_API_URL');
  const identityOverride = read(env, 'TALKDESK_IDENTITY_URL');

  let identityUrl = identityOverride ?? null;
  if (!identityUrl && preset.identityUrl) {
    if (!account) {
      throw new StartupError(
        `TALKDESK_ACCOUNT is required for region ${region} (the account name in ${preset.identityUrl})`,
      );
    }
    identityUrl = preset.identityUrl.replace('{account}', account);
  }

  const clientId = read(env, 'TALKDESK_CLIENT_ID') ?? (region === 'sandbox' ? DEFAULT_SANDBOX_CLIENT_ID : undefined);
  if (!clientId) {
    throw new StartupError(`TALKDESK_CLIENT_ID is required for region ${region} (the OAuth client registered in Talkdesk)`);
  }

  return {
    region,
    account,
    apiUrl: apiOverride ?? preset.apiUrl,
    identityUrl,
    clientId,
    clientSecret: read(env, 'TALKDESK_CLIENT_SECRET'),
    scope: read(env, 'TALKDESK_SCOPE') ?? DEFAULT_SCOPE,
    port: read(env, 'PORT') ?? options.defaultPort,
    host: read(env, 'HOST') ?? DEFAULT_HOST,
    upstreamTimeoutMs: read(env, 'UPSTREAM_TIMEOUT_MS') ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
    publicUrl: read(env, 'PUBLIC_URL') ?? null,
    tlsProxy: read(env, 'TLS_PROXY') ?? false,
    queryNames: read(env, 'TALKDESK_QUERY_NAMES') ?? {},
  };
}

/**
 * Freezes a complete configuration. `embedded` supplies the hosts and secret of a sandbox the launcher started;
 * without it, the sandbox region needs both override URLs.
 */
export function toServerConfig(
  serverEnv: ServerEnv,
  embedded?: { url: string; clientSecret: string },
): ServerConfig {
  const apiUrl = embedded?.url ?? serverEnv.apiUrl;
  const identityUrl = embedded?.url ?? serverEnv.identityUrl;
  for (const [name, value] of [['TALKDESK_API_URL', apiUrl], ['TALKDESK_IDENTITY_URL', identityUrl]] as const) {
    if (!value) {
      throw new StartupError(
        `${name} is required for region ${serverEnv.region} (npm start and npm run dev start the sandbox themselves when both are unset)`,
      );
    }
    // Tokens and the client secret travel to these hosts: in clear text only on this machine.
    const url = new URL(value);
    if (url.protocol !== 'https:' && !isLoopbackHost(url.host)) {
      throw new StartupError(`${name} must use https (plain http is allowed for localhost only): ${url.origin}`);
    }
  }
  const { clientSecret, publicUrl = null, tlsProxy = false, queryNames = {}, ...visible } = serverEnv;
  if (tlsProxy && publicUrl?.startsWith('http:')) {
    throw new StartupError(`TLS_PROXY=true says the dashboard is served over https, but PUBLIC_URL is ${publicUrl}`);
  }
  const config = {
    ...visible,
    regionLabel: REGION_PRESETS[serverEnv.region].label,
    apiUrl,
    identityUrl,
    publicUrl,
    hsts: tlsProxy || publicUrl?.startsWith('https:') === true,
    // The names of the API contract in force: every list parameter (the detail request's `expand` among them).
    apiQueryNames: queryNameSet(queryNames),
    queryNames,
  };
  Object.defineProperty(config, 'clientSecret', { value: embedded?.clientSecret ?? clientSecret, enumerable: false });
  return Object.freeze(config) as ServerConfig;
}

export function loadServerConfig(env: NodeJS.ProcessEnv, options: { defaultPort: number } = { defaultPort: 8080 }): ServerConfig {
  return toServerConfig(readServerEnv(env, options));
}

/** What the browser receives at `/app-config.json`: public values only. */
export function toRuntimeConfig(config: ServerConfig): RuntimeConfig {
  return {
    region: config.region,
    regionLabel: config.regionLabel,
    clientId: config.clientId,
    authorizeUrl: `${config.identityUrl}/oauth/authorize`,
    tokenPath: TOKEN_PATH,
    revokePath: REVOKE_PATH,
    apiBasePath: API_BASE_PATH,
    scope: config.scope,
    issuer: config.identityUrl,
    // Only when set: a configuration without corrections reads as it always has.
    ...(Object.keys(config.queryNames).length > 0 ? { queryNames: config.queryNames } : {}),
  };
}
