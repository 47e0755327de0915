import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestSandbox } from './test-sandbox.ts';

const TSX = 'node_modules/.bin/tsx';
const MAIN = 'src/server/sandbox/main.ts';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

describe('startSandbox / close', () => {
  it('names the origin with localhost and frees the port on close, even with a request hanging', async () => {
    const port = await freePort();
    const { sandbox } = await startTestSandbox({ port, campaignCount: 10 });
    expect(sandbox.url).toBe(`http://localhost:${port}`);
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'PUT', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 60_000, rules: [{ kind: 'hang' }] }),
    });
    const pending = fetch(`${sandbox.url}/campaigns`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sandbox.close();
    expect(await pending).toBeInstanceOf(Error);

    const again = await startTestSandbox({ port, campaignCount: 10 });
    expect((await fetch(`${again.sandbox.url}/__sandbox/health`)).status).toBe(200);
    await again.sandbox.close();
  });

  it('fails with an error naming the port when it is in use', async () => {
    const { sandbox } = await startTestSandbox({ campaignCount: 10 });
    const port = Number(new URL(sandbox.url).port);
    try {
      await expect(startTestSandbox({ port, campaignCount: 10 })).rejects.toThrow(new RegExp(`port ${port}.*in use`));
    } finally {
      await sandbox.close();
    }
  });
});

describe('main.ts CLI', () => {
  it('exits 1 with a clear message when TALKDESK_CLIENT_SECRET is missing', async () => {
    const env = { ...process.env, TALKDESK_CLIENT_SECRET: '' };
    const child = spawn(TSX, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('TALKDESK_CLIENT_SECRET is required');
  }, 15_000);

  it('prints its URL and the demo users, never the secret, and stops on SIGTERM', async () => {
    const env = { ...process.env, TALKDESK_CLIENT_SECRET: 'cli-secret-value', SANDBOX_PORT: '0' };
    const child = spawn(TSX, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 10_000);
      child.stdout.on('data', () => {
        if (output.includes('agent / agent')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const url = /listening on (http:\/\/localhost:\d+)/.exec(output)?.[1];
    expect(url).toBeDefined();
    expect((await fetch(`${url}/__sandbox/health`)).status).toBe(200);
    expect(output).toContain('supervisor / supervisor');
    expect(output).not.toContain('cli-secret-value');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  }, 15_000);
});
