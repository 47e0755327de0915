/*
 * The deployable artefact: what `npm run build` leaves in dist/ (global-setup.ts built it into test-results/dist),
 * copied with package.json and the lock into an empty folder, `npm ci --omit=dev` there, and `npm run serve`: the
 * compiled server runs with node and the production dependencies alone, and serves the dashboard against a sandbox.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/server/sandbox/sandbox.ts';
import { rawRequest } from '../server/raw-request.ts';
import { authorizeAs } from '../server/sandbox/oidc-flow.ts';
import { E2E_DIST_DIR, freePort, ROOT } from './harness.ts';

const CLIENT_ID = 'campaigns-dashboard';
const SECRET = 'packaging-test-secret';

let folder: string;
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let serve: ReturnType<typeof spawn>;
let appUrl: string;
let output = '';

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'campaigns-deploy-'));
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(ROOT, file), join(folder, file));
  cpSync(E2E_DIST_DIR, join(folder, 'dist'), { recursive: true });
  const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: folder, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`npm ci --omit=dev failed:\n${install.stdout}\n${install.stderr}`);

  const port = await freePort();
  sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: SECRET, redirectUris: [`http://localhost:${port}/auth/callback`] });
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(TALKDESK_|SANDBOX_|PORT$|HOST$|DIST_DIR$)/.test(name)));
  Object.assign(env, { TALKDESK_API_URL: sandbox.url, TALKDESK_IDENTITY_URL: sandbox.url, TALKDESK_CLIENT_SECRET: SECRET, PORT: String(port) });
  serve = spawn('npm', ['run', 'serve'], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  appUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Campaigns dashboard \(.*\) on (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    serve.stdout!.on('data', onData);
    serve.stderr!.on('data', onData);
    serve.once('exit', (code) => reject(new Error(`npm run serve exited (${code}):\n${output}`)));
  });
}, 180_000);

afterAll(async () => {
  if (serve?.pid !== undefined && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    process.kill(-serve.pid, 'SIGTERM');
    await exited;
  }
  await sandbox?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the built artefact on a host with production dependencies only', () => {
  it('has no development tools installed: no tsx, no Vite, no sandbox', () => {
    const modules = join(folder, 'node_modules');
    expect(existsSync(join(modules, 'zod'))).toBe(true);
    for (const devOnly of ['tsx', 'vite', 'oidc-provider', 'typescript']) expect(existsSync(join(modules, devOnly)), devOnly).toBe(false);
    expect(output).toContain('node dist/server/serve.js');
  });

  it('serves the drawn first screen and signs a supervisor in through its proxy', async () => {
    const page = await rawRequest(appUrl, '/?status=running', { Accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toMatch(/<div id="root"><div data-first-screen="" inert="" hidden="">/);

    const redirectUri = `${appUrl}/auth/callback`;
    const authorized = await authorizeAs({ origin: sandbox.url, redirectUri, clientId: CLIENT_ID, clientSecret: '' }, 'supervisor');
    const token = await fetch(`${appUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: authorized.code, redirect_uri: redirectUri, code_verifier: authorized.verifier }),
    });
    expect(token.status).toBe(200);
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    const list = await rawRequest(appUrl, '/api/campaigns?per_page=50', { Authorization: `Bearer ${accessToken}`, 'Accept-Encoding': 'br' });
    expect([list.status, list.headers['content-encoding']]).toEqual([200, 'br']);
    expect((JSON.parse(brotliDecompressSync(list.body).toString()) as { per_page: number }).per_page).toBe(50);
  });
});
