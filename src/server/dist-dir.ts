import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `vite build` puts the production server (src/server/vite/compile-server.ts), inside the dist folder. */
export const SERVER_BUILD_DIR = 'server';

/**
 * The build to serve: `dist/` unless DIST_DIR names another (the end-to-end tests and the benchmark build into
 * their own folders, so they never swap files under a developer's running server or each other's).
 */
export function distDirFromEnv(env: NodeJS.ProcessEnv): string {
  return env.DIST_DIR ? resolve(env.DIST_DIR) : fileURLToPath(new URL('../../dist', import.meta.url));
}
