/*
 * Installs the same proxy in `vite dev` and `vite preview` as the production server uses, so the browser sees one
 * origin everywhere. With the sandbox region and no upstream URLs it starts the sandbox in Vite's process.
 */
import type { Connect, Plugin } from 'vite';
import { StartupError } from '../env-variables.ts';
import { prepareUpstream, type Upstream } from '../embedded-sandbox.ts';
import { createProxy } from '../proxy.ts';

// Vite re-evaluates its config (and this module) when restarting: one upstream per process, or the restart would
// find the sandbox port taken by the previous copy. The process exit frees it.
const UPSTREAMS = Symbol.for('talkdesk-campaigns.vite-upstreams');
type UpstreamCache = Map<number, Promise<Upstream>>;

function upstreamFor(appPort: number): Promise<Upstream> {
  const holder = globalThis as { [UPSTREAMS]?: UpstreamCache };
  const cache = (holder[UPSTREAMS] ??= new Map());
  let upstream = cache.get(appPort);
  if (!upstream) {
    upstream = prepareUpstream(process.env, { defaultPort: appPort, appPort });
    cache.set(appPort, upstream);
  }
  return upstream;
}

async function install(middlewares: Connect.Server, appPort: number | undefined, logError: (message: string) => void) {
  // Vitest runs the same hooks for its own server: it must not start a sandbox or proxy anything.
  if (process.env.VITEST) return;
  try {
    const { config } = await upstreamFor(appPort ?? 5173);
    middlewares.use(createProxy(config));
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    logError(error.message);
    process.exit(1);
  }
}

export function talkdeskProxy(): Plugin {
  return {
    name: 'talkdesk-proxy',
    async configureServer(server) {
      await install(server.middlewares, server.config.server.port, (message) => server.config.logger.error(message));
    },
    async configurePreviewServer(server) {
      await install(server.middlewares, server.config.preview.port, (message) => server.config.logger.error(message));
    },
  };
}
