/*
 * The bundle budget: what a returning supervisor's first screen downloads stays within 125 kB of gzipped JS (its
 * script files and the page's own inline script), and the OIDC library is not part of it. The test makes its own
 * build with a manifest in a temporary directory, so it depends neither on the end-to-end build nor on what else is
 * writing dist/ meanwhile.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_SCREEN_DIR, FIRST_SCREEN_FILE } from '../../src/first-screen/contract.ts';
import { inlineRuntimeConfig } from '../../src/server/inline-config.ts';
import {
  APP_MODULE,
  executableInlineScripts,
  firstScreenFiles,
  inlineGzipBytes,
  staticFiles,
  OIDC_CLIENT_MARKERS,
  readManifest,
  sumGzipBytes,
  type FirstScreen,
} from './first-screen-bundle.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIRST_SCREEN_JS_BUDGET_BYTES = 125_000;
/** The entry is the boot: it sends the first view's request and paints its rows while the app downloads. */
const BOOT_JS_BUDGET_BYTES = 20_000;
/**
 * A string only React itself contains (react and react-dom). The boot's row templates are JSX, so it holds React's
 * element factory (react/jsx-runtime, 1 kB, no React), and with it the element type's name: that is not a marker.
 */
const REACT_MARKER = '__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE';

const CONFIG = { region: 'sandbox', regionLabel: 'Sandbox', clientId: 'c', authorizeUrl: 'http://id.test/oauth/authorize', tokenPath: '/oauth/token', revokePath: '/oauth/revoke', apiBasePath: '/api', scope: 'openid campaigns:read', issuer: 'http://id.test' };

let outDir: string;
let firstScreen: FirstScreen;

/**
 * The <head> additions the server draws for `url` from the build's first screen, loaded by Node itself as the server
 * loads it (here, Vitest would transform the module, and the inline script's text with it).
 */
function drawnHead(url: string): string {
  const module = pathToFileURL(join(outDir, FIRST_SCREEN_DIR, FIRST_SCREEN_FILE)).href;
  const program = `const { renderFirstScreen } = await import(${JSON.stringify(module)}); process.stdout.write(renderFirstScreen(${JSON.stringify(url)}, ${JSON.stringify(CONFIG)})?.head ?? '');`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`drawing the first screen failed:\n${run.stderr}`);
  return run.stdout;
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'bundle-budget-'));
  const build = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    // Built as `npm start` builds: the files as they are served (their source maps beside them, unreferenced).
    ['build', '--manifest', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
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
  it('keeps the first screen within 125 kB of gzipped JS, its page\'s inline script included', () => {
    // The list's page as the server draws it from this build: its inline script sends the first view's requests.
    const inline = executableInlineScripts(drawnHead('/'));
    expect(inline, 'the page has its inline script').toHaveLength(1);
    const bytes = sumGzipBytes(outDir, firstScreen.js) + inlineGzipBytes(inline);
    expect(firstScreen.js.length).toBeGreaterThan(0);
    expect(bytes, `first-screen JS ${firstScreen.js.join(', ')} and the inline script`).toBeLessThanOrEqual(FIRST_SCREEN_JS_BUDGET_BYTES);
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

  it('starts the first request from a small entry that neither waits for nor contains React, and loads the app after', () => {
    const manifest = readManifest(outDir);
    const entry = firstScreenFiles(manifest);
    const boot = staticFiles(manifest, 'index.html').js;
    const app = staticFiles(manifest, APP_MODULE).js.filter((file) => !boot.includes(file));
    const [entryFile] = boot;
    if (!entryFile || app.length === 0) throw new Error('no entry or app chunk in the manifest');
    expect(entry.js).toEqual(expect.arrayContaining([...boot, ...app]));
    expect(sumGzipBytes(outDir, boot), `boot JS ${boot.join(', ')}`).toBeLessThanOrEqual(BOOT_JS_BUDGET_BYTES);
    for (const file of boot) expect(readFileSync(join(outDir, file), 'utf8').includes(REACT_MARKER), file).toBe(false);
    expect(app.some((file) => readFileSync(join(outDir, file), 'utf8').includes(REACT_MARKER))).toBe(true);

    // As served: the configuration block, then the entry as an async, high-priority module script (it runs as soon as
    // it arrives and reads the block), and the list of the app's chunks for it to preload once its request has left.
    const html = inlineRuntimeConfig(readFileSync(join(outDir, 'index.html'), 'utf8'), CONFIG);
    const configAt = html.indexOf('id="app-config"');
    const entryTag = new RegExp(`<script type="module" async[^>]* fetchpriority="high" src="/${entryFile}"`).exec(html);
    expect(configAt).toBeGreaterThan(-1);
    expect(entryTag, 'async entry script').not.toBeNull();
    expect(configAt).toBeLessThan(entryTag!.index);
    const listed = /<script type="application\/json" id="app-chunks">([^<]*)<\/script>/.exec(html);
    expect(JSON.parse(listed?.[1] ?? '[]')).toEqual(app.map((file) => `/${file}`));
    // The app is not loaded by the page itself: its chunks would compete with the entry's for the connection.
    for (const file of app) expect(html.includes(`href="/${file}"`), file).toBe(false);
  });
});
