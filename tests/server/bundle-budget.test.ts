/*
 * The bundle budget (issue 5): what a returning supervisor's first screen downloads stays within 125 kB of gzipped
 * JS, and the OIDC library is not part of it. The test makes its own build with a manifest in a temporary
 * directory, so it depends neither on the end-to-end build nor on what else is writing dist/ meanwhile.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstScreenFiles, OIDC_CLIENT_MARKERS, readManifest, sumGzipBytes, type FirstScreen } from '../bench/first-screen.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIRST_SCREEN_JS_BUDGET_BYTES = 125_000;

let outDir: string;
let firstScreen: FirstScreen;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'bundle-budget-'));
  const build = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--manifest', '--outDir', outDir, '--emptyOutDir', '--sourcemap', 'false', '--logLevel', 'warn'],
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status ?? build.signal}):\n${build.stdout}\n${build.stderr}`);
  firstScreen = firstScreenFiles(readManifest(outDir));
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('bundle budget', () => {
  it('keeps the first screen within 125 kB of gzipped JS', () => {
    const bytes = sumGzipBytes(outDir, firstScreen.js);
    expect(firstScreen.js.length).toBeGreaterThan(0);
    expect(bytes, `first-screen JS ${firstScreen.js.join(', ')}`).toBeLessThanOrEqual(FIRST_SCREEN_JS_BUDGET_BYTES);
  });

  it('loads oidc-client-ts on demand, not on the first screen', () => {
    // The markers must be somewhere in the build, or this test would pass for the wrong reason.
    const everyChunk = Object.values(readManifest(outDir)).map((chunk) => readFileSync(join(outDir, chunk.file), 'utf8'));
    for (const marker of OIDC_CLIENT_MARKERS) expect(everyChunk.some((text) => text.includes(marker)), marker).toBe(true);

    for (const file of firstScreen.js) {
      const text = readFileSync(join(outDir, file), 'utf8');
      for (const marker of OIDC_CLIENT_MARKERS) expect(text.includes(marker), `${file} contains "${marker}"`).toBe(false);
    }
  });
});
