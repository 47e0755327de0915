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
import { inlineRuntimeConfig } from '../../src/server/inline-config.ts';
import { firstScreenFiles, OIDC_CLIENT_MARKERS, readManifest, sumGzipBytes, type FirstScreen } from '../bench/first-screen.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIRST_SCREEN_JS_BUDGET_BYTES = 125_000;
/** The boot entry starts the first view's request while the main bundle downloads: it must stay small. */
const BOOT_JS_BUDGET_BYTES = 20_000;
/** A string only React's own code contains. */
const REACT_MARKER = 'react.transitional.element';

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

  it('starts the first request from a small boot entry that neither waits for nor contains React', () => {
    const manifest = readManifest(outDir);
    const boot = firstScreenFiles(manifest, 'src/app/boot.ts');
    const [mainFile] = firstScreen.js;
    const [bootFile] = boot.js;
    if (!mainFile || !bootFile) throw new Error('no main or boot entry in the manifest');
    expect(firstScreen.js).toEqual(expect.arrayContaining(boot.js));
    expect(sumGzipBytes(outDir, boot.js), `boot JS ${boot.js.join(', ')}`).toBeLessThanOrEqual(BOOT_JS_BUDGET_BYTES);
    for (const file of boot.js) expect(readFileSync(join(outDir, file), 'utf8').includes(REACT_MARKER), file).toBe(false);
    expect(readFileSync(join(outDir, mainFile), 'utf8').includes(REACT_MARKER)).toBe(true);

    // As served: the configuration block, then the boot entry as an async module script (it runs as soon as it
    // arrives and reads the block), then the main entry.
    const config = { region: 'sandbox', regionLabel: 'Sandbox', clientId: 'c', authorizeUrl: 'http://id.test/oauth/authorize', tokenPath: '/oauth/token', revokePath: '/oauth/revoke', apiBasePath: '/api', scope: 'openid campaigns:read', issuer: 'http://id.test' };
    const html = inlineRuntimeConfig(readFileSync(join(outDir, 'index.html'), 'utf8'), config);
    const configAt = html.indexOf('id="app-config"');
    const bootTag = new RegExp(`<script type="module" async[^>]* src="/${bootFile}"`).exec(html);
    const mainAt = html.indexOf(`src="/${mainFile}"`);
    expect(configAt).toBeGreaterThan(-1);
    expect(bootTag, 'async boot script').not.toBeNull();
    expect(configAt).toBeLessThan(bootTag!.index);
    expect(bootTag!.index).toBeLessThan(mainAt);
  });
});
