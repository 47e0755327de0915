/*
 * The production server (createAppServer, with an empty app build) in front of a sandbox, both in this process and
 * configured as `npm start` configures them: what the sign-in test and the load run talk to.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServer } from '../../src/server/app-server.ts';
import { toServerConfig } from '../../src/server/config.ts';
import { closeServer, listen } from '../../src/server/lifecycle.ts';
import { startSandbox, type SandboxOptions } from '../../src/server/sandbox/sandbox.ts';

export interface AppWithSandbox {
  /** Origin of the production server (the proxy is its /api). */
  appUrl: string;
  /** Origin of the sandbox (the upstream the proxy calls). */
  sandboxUrl: string;
  stop(): Promise<void>;
}

export async function startAppWithSandbox(sandboxOptions: Omit<SandboxOptions, 'port'>, upstreamTimeoutMs: number): Promise<AppWithSandbox> {
  const sandbox = await startSandbox({ ...sandboxOptions, port: 0 });
  const distDir = mkdtempSync(join(tmpdir(), 'app-dist-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>app</title>');
  const config = toServerConfig(
    {
      region: 'sandbox',
      account: undefined,
      apiUrl: null,
      identityUrl: null,
      clientId: sandboxOptions.clientId,
      clientSecret: undefined,
      scope: 'openid campaigns:read',
      port: 0,
      host: '127.0.0.1',
      upstreamTimeoutMs,
    },
    { url: sandbox.url, clientSecret: sandboxOptions.clientSecret },
  );
  // One log line per request is what production does, but it would drown the test output.
  const server = createAppServer(config, { distDir, log: () => {} });
  const appUrl = await listen(server, 0, '127.0.0.1', 'PORT');
  return {
    appUrl,
    sandboxUrl: sandbox.url,
    stop: async () => {
      await Promise.all([closeServer(server), sandbox.close()]);
      rmSync(distDir, { recursive: true, force: true });
    },
  };
}
