/*
 * TALKDESK_QUERY_NAMES: a deployment's corrections to the API contract's query parameter names, checked before the
 * server starts. A mistake stops it with one line saying what is wrong, instead of a dashboard whose filters
 * silently do nothing.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/server/config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const sandbox = { TALKDESK_API_URL: 'http://localhost:4010', TALKDESK_IDENTITY_URL: 'http://localhost:4010' };
const problemWith = (value: string): string => {
  try {
    loadServerConfig({ ...sandbox, TALKDESK_QUERY_NAMES: value });
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('TALKDESK_QUERY_NAMES', () => {
  it('corrects the names the table gives, by the table\'s names', () => {
    const config = loadServerConfig({ ...sandbox, TALKDESK_QUERY_NAMES: 'priority=campaign_priority,created_at_from=created_at[gte]' });
    expect(config.queryNames).toEqual({ priority: 'campaign_priority', createdAtFrom: 'created_at[gte]' });
  });

  it('refuses unknown parameters, unusable names, repeats and two parameters under one name, saying which', () => {
    expect(problemWith('prioritty=campaign_priority')).toMatch(/^TALKDESK_QUERY_NAMES is not usable: "prioritty" is not a query parameter of the table; known: page, per_page,/);
    expect(problemWith('priority=campaign priority')).toContain('is not of the form table_name=account_name');
    expect(problemWith('priority=campaign&priority')).toContain('"campaign&priority" is not a usable query parameter name');
    expect(problemWith('priority=a,priority=b')).toContain('"priority" is given twice');
    expect(problemWith('priority=status')).toContain('priority and status would both be sent as "status"');
  });

  it('stops the server before it listens, with the problem on one line and exit status 1', async () => {
    const child = spawn(TSX, ['src/server/serve.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...sandbox, PORT: '1', TALKDESK_QUERY_NAMES: 'priority=campaign_priority,sort=order' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output.trim()).toMatch(/^[^\n]*TALKDESK_QUERY_NAMES is not usable: "sort" is not a query parameter of the table; known: [^\n]*$/);
    expect(output).not.toContain('Campaigns dashboard');
  }, 30_000);
});
