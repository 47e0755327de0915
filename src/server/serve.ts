/*
 * `npm run serve`: the production server for `dist/` (run `npm run build` first), pointed at the region in the
 * environment. PORT defaults to 8080, HOST to 127.0.0.1 (set HOST=0.0.0.0 in a container).
 */
import { createAppServer } from './app-server.ts';
import { distDirFromEnv } from './dist-dir.ts';
import { loadServerConfig } from './config.ts';
import { closeServer, drainLimitFromEnv, listen, runMain } from './lifecycle.ts';

export const DEFAULT_SERVE_PORT = 8080;

runMain(async () => {
  const config = loadServerConfig(process.env, { defaultPort: DEFAULT_SERVE_PORT });
  const distDir = distDirFromEnv(process.env);
  const drainLimitMs = drainLimitFromEnv(process.env);
  const server = createAppServer(config, { distDir });
  const url = await listen(server, config.port, config.host, 'PORT');
  process.stdout.write(`Campaigns dashboard (${config.regionLabel}) on ${url}\n`);
  return () => closeServer(server, drainLimitMs);
});
