/*
 * `npm start` is the sandbox's launcher (it needs the development dependencies): configured for a Talkdesk region
 * or an upstream of its own, it refuses to start and names `npm run serve`, before listening on anything.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function start(env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/server/start.ts'], {
    cwd: ROOT,
    // No build there: were the launcher to go on, it would stop before listening, with another message.
    env: { PATH: process.env.PATH, DIST_DIR: join(ROOT, 'no-such-build'), ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('npm start with a region configured', () => {
  it.each([
    [{ TALKDESK_REGION: 'eu', TALKDESK_ACCOUNT: 'acme', TALKDESK_CLIENT_ID: 'client-1' }, 'TALKDESK_REGION=eu'],
    [{ TALKDESK_API_URL: 'http://localhost:4010', TALKDESK_IDENTITY_URL: 'http://localhost:4010' }, 'an upstream URL'],
  ])('refuses to start the sandbox and says to use npm run serve: %#', (env, what) => {
    expect(start(env)).toEqual({
      status: 1,
      stderr: `npm start runs the dashboard with its sandbox, and ${what} is configured: to run against it, use npm run build && npm run serve\n`,
    });
  }, 60_000);
});
