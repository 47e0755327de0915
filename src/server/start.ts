/*
 * `npm start`: the built dashboard and the sandbox, both in this one process so that Ctrl-C stops everything and
 * frees both ports. It needs the development dependencies (the sandbox's OpenID provider), so it refuses to run
 * against Talkdesk: that is `npm run serve`'s job.
 */
import { createAppServer } from './app-server.ts';
import { StartupError } from './env-variables.ts';
import { readServerEnv } from './server-env.ts';
import { distDirFromEnv } from './dist-dir.ts';
import { closeServer, listen, runMain } from './lifecycle.ts';
import { prepareUpstream } from './embedded-sandbox.ts';

const DEFAULT_START_PORT = 5173;

runMain(async () => {
  const { region, apiUrl, identityUrl } = readServerEnv(process.env, { defaultPort: DEFAULT_START_PORT });
  const configured = region !== 'sandbox' ? `TALKDESK_REGION=${region}` : apiUrl || identityUrl ? 'an upstream URL' : null;
  if (configured) {
    throw new StartupError(
      `npm start runs the dashboard with its sandbox, and ${configured} is configured: to run against it, use npm run build && npm run serve`,
    );
  }
  const upstream = await prepareUpstream(process.env, { defaultPort: DEFAULT_START_PORT });
  const { config } = upstream;
  const server = createAppServer(config, { distDir: distDirFromEnv(process.env) });
  let url: string;
  try {
    url = await listen(server, config.port, config.host, 'PORT');
  } catch (error) {
    await upstream.close();
    throw error;
  }

  const lines = [
    '',
    `  Campaigns dashboard: ${url}`,
    `  Talkdesk sandbox:    ${upstream.sandboxUrl ?? config.apiUrl}`,
    '  Sign in as supervisor / supervisor',
    '  (agent / agent signs in without campaigns:read, to see the access-denied page)',
    '',
    '  Press Ctrl-C to stop',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  return async () => {
    await Promise.all([closeServer(server), upstream.close()]);
  };
});
