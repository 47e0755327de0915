/*
 * `npm run serve` stopped by SIGTERM (a deploy, a scale-down): it stops taking connections at once, answers the
 * requests in flight, then exits 0; a request still running at the drain limit is cut so the process does exit.
 * Runs the compiled server of the end-to-end build (test-results/dist/server/serve.js), as a host would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '../../src/server/lifecycle.ts';
import { E2E_DIST_DIR, freePort, ROOT } from './harness.ts';

/** Longer than any fixed grace a server might give without draining. */
const SLOW_ANSWER_MS = 3_000;

let upstream: Server;
let upstreamUrl: string;
let distDir: string;
const arrived: string[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    arrived.push(req.url ?? '');
    // /campaigns/slow answers late; /campaigns/hung never does.
    if (req.url?.startsWith('/campaigns/slow')) setTimeout(() => res.end('{"answered":true}'), SLOW_ANSWER_MS);
  });
  upstreamUrl = await listen(upstream, 0, '127.0.0.1', 'PORT');
  distDir = mkdtempSync(join(tmpdir(), 'dist-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>app</title>');
});

afterAll(async () => {
  upstream.closeAllConnections();
  await closeServer(upstream);
  rmSync(distDir, { recursive: true, force: true });
});

async function startServe(drainMs: number): Promise<{ child: ChildProcess; port: number; exit: Promise<number | null> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(E2E_DIST_DIR, 'server', 'serve.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DIST_DIR: distDir,
      PORT: String(port),
      TALKDESK_API_URL: upstreamUrl,
      TALKDESK_IDENTITY_URL: upstreamUrl,
      SHUTDOWN_DRAIN_MS: String(drainMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(' on http://')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exit.then((code) => reject(new Error(`serve exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, port, exit };
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('SIGTERM', () => {
  it('answers the requests in flight, refuses new connections meanwhile, then exits 0', async () => {
    const { child, port, exit } = await startServe(20_000);
    const inFlight = get(port, '/api/campaigns/slow');
    await expect.poll(() => arrived.includes('/campaigns/slow')).toBe(true);
    child.kill('SIGTERM');
    await expect.poll(() => get(port, '/healthz').then(() => 'answered', (error: NodeJS.ErrnoException) => error.code)).toBe('ECONNREFUSED');
    expect(await inFlight).toEqual({ status: 200, body: '{"answered":true}' });
    expect(await exit).toBe(0);
  });

  it('cuts a request still running at SHUTDOWN_DRAIN_MS, and exits 0', async () => {
    const { child, port, exit } = await startServe(500);
    const inFlight = get(port, '/api/campaigns/hung');
    await expect.poll(() => arrived.includes('/campaigns/hung')).toBe(true);
    child.kill('SIGTERM');
    await expect(inFlight).rejects.toThrow(/socket hang up/);
    expect(await exit).toBe(0);
  });
});
