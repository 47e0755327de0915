/*
 * The serving process's environment, validated variable by variable (defaults applied, the region's hosts filled in)
 * before it is frozen into a ServerConfig (config.ts).
 */
import * as z from 'zod/mini';
import { REGION_IDS, REGION_PRESETS, type RegionId } from '../config/regions.ts';
import type { QueryNameOverrides } from '../config/talkdesk-api-contract.ts';
import { integer, origin, queryNameOverrides, readVariable, StartupError } from './env-variables.ts';

export const DEFAULT_SANDBOX_CLIENT_ID = 'campaigns-dashboard';
export const DEFAULT_SCOPE = 'openid campaigns:read';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;

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

