import type { ServerEnv } from '../../src/server/server-env.ts';

/** A server environment whose upstream hosts nothing needs to reach (nothing listens on the discard port, 9). */
export const UPSTREAMLESS_ENV: ServerEnv = {
  region: 'sandbox',
  account: undefined,
  apiUrl: 'http://127.0.0.1:9',
  identityUrl: 'http://127.0.0.1:9',
  clientId: 'campaigns-dashboard',
  clientSecret: undefined,
  scope: 'openid campaigns:read',
  port: 0,
  host: '127.0.0.1',
  upstreamTimeoutMs: 1_000,
};
