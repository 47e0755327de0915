/*
 * Runs once before the end-to-end files: one build of the app (each test file then starts only the servers), and
 * a clear message when the system Chromium the tests drive is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, E2E_DIST_DIR } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error('Chromium is required for the end-to-end tests: apt-get install -y chromium');
  }
  // Vitest sets NODE_ENV=test, which would build React's development bundle: test what ships.
  const build = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn', '--outDir', E2E_DIST_DIR, '--emptyOutDir'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) {
    throw new Error(`vite build failed (exit ${build.status ?? build.signal}):\n${build.stdout}\n${build.stderr}`);
  }
}
