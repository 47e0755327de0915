/*
 * CLI: `tsx src/server/sandbox/main.ts` starts the sandbox from environment variables and stops on SIGINT/SIGTERM.
 */
import { formatQueryNameOverrides, parseQueryNameOverrides } from '../../config/query-name-overrides.ts';
import type { QueryNameOverrides } from '../../config/talkdesk-api-contract.ts';
import { DEMO_USERS } from './demo-users.ts';
import { startSandbox } from './sandbox.ts';

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(1);
}

function integerFromEnv(name: string, min: number, fallback: number | undefined): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) fail(`${name} must be an integer >= ${min}, got "${raw}"`);
  return Number(raw);
}

const clientSecret = process.env.TALKDESK_CLIENT_SECRET;
if (!clientSecret) fail('TALKDESK_CLIENT_SECRET is required (the secret the dashboard\'s proxy will send with HTTP Basic)');

const redirectUris = (process.env.SANDBOX_REDIRECT_URIS ?? 'http://localhost:5173/auth/callback,http://127.0.0.1:5173/auth/callback')
  .split(',').map((uri) => uri.trim()).filter(Boolean);

let queryNames: QueryNameOverrides = {};
try {
  queryNames = parseQueryNameOverrides(process.env.SANDBOX_QUERY_NAMES ?? '');
} catch (error) {
  fail(`SANDBOX_QUERY_NAMES is not usable: ${(error as Error).message}`);
}

try {
  const sandbox = await startSandbox({
    port: integerFromEnv('SANDBOX_PORT', 0, 4010) ?? 4010,
    clientId: process.env.TALKDESK_CLIENT_ID || 'campaigns-dashboard',
    clientSecret,
    redirectUris,
    postLogoutRedirectUris: redirectUris.map((uri) => new URL('/', uri).href),
    accessTokenTtlSeconds: integerFromEnv('SANDBOX_ACCESS_TOKEN_TTL', 1, undefined),
    queryNames,
  });
  console.log(`Talkdesk sandbox listening on ${sandbox.url}`);
  console.log(`  authorize ${sandbox.url}/oauth/authorize, token ${sandbox.url}/oauth/token, API ${sandbox.url}/campaigns`);
  console.log(`  redirect URIs: ${redirectUris.join(', ')}`);
  const renamed = formatQueryNameOverrides(queryNames);
  if (renamed) console.log(`  query parameters renamed (SANDBOX_QUERY_NAMES): ${renamed}`);
  console.log('  demo users (username / password):');
  for (const user of DEMO_USERS) {
    console.log(`    ${user.username} / ${user.password}  ${user.name}${user.canReadCampaigns ? '' : ' (no campaigns:read: gets 403)'}`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`sandbox: ${signal}, stopping`);
    sandbox.close().then(() => process.exit(0), (error: unknown) => fail(String(error)));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
