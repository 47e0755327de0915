/*
 * The serving process's configuration, frozen from its validated environment (server-env.ts). The client secret
 * lives only here, in a non-enumerable property, so that logging or serialising a config object never prints it.
 */
import { REGION_PRESETS, type RegionId } from '../config/regions.ts';
import type { RuntimeConfig } from '../config/runtime-config.ts';
import { queryNameSet } from '../config/query-name-overrides.ts';
import type { QueryNameOverrides } from '../config/talkdesk-api-contract.ts';
import { StartupError } from './env-variables.ts';
import { isLoopbackHost } from './loopback.ts';
import { readServerEnv, type ServerEnv } from './server-env.ts';

export const TOKEN_PATH = '/oauth/token';
export const REVOKE_PATH = '/oauth/revoke';
export const API_BASE_PATH = '/api';

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
