/*
 * `npm start`: the built dashboard and, unless the environment names a Talkdesk region or upstream, the sandbox,
 * both in this one process so that Ctrl-C stops everything and frees both ports.
 */
import { createAppServer } from './app-server.ts';
import { distDirFromEnv } from './dist-dir.ts';
import { closeServer, listen, runMain } from './lifecycle.ts';
import { prepareUpstream } from './embedded-sandbox.ts';

const DEFAULT_START_PORT = 5173;

runMain(async () => {
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

  const lines = ['', `  Campaigns dashboard: ${url}`];
  if (upstream.sandboxUrl) {
    lines.push(
      `  Talkdesk sandbox:    ${upstream.sandboxUrl}`,
      '  Sign in as supervisor / supervisor',
      '  (agent / agent signs in without campaigns:read, to see the access-denied page)',
    );
  } else {
    lines.push(`  Talkdesk region:     ${config.regionLabel} (${config.apiUrl})`);
  }
  lines.push('', '  Press Ctrl-C to stop', '');
  process.stdout.write(`${lines.join('\n')}\n`);

  return async () => {
    await Promise.all([closeServer(server), upstream.close()]);
  };
});
