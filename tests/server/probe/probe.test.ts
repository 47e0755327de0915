/*
 * `npm run probe` as an operator runs it, against sandboxes started in this process: one that answers as the
 * API contract says, one that plays an account whose priority filter is named differently (SANDBOX_QUERY_NAMES).
 * Every request the probe sends is recorded at the sandbox.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_NAMES } from '../../../src/config/talkdesk-api-contract.ts';
import type { RunningSandbox } from '../../../src/server/sandbox/sandbox.ts';
import { signIn } from '../sandbox/oidc-flow.ts';
import { startTestSandbox, TEST_CLIENT } from '../sandbox/test-sandbox.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

interface Recorded { method: string; url: string; at: number }
interface Subject { sandbox: RunningSandbox; token: string; requests: Recorded[] }
interface ProbeRun { code: number; stdout: string; stderr: string; requests: Recorded[] }

const subjects: Subject[] = [];

async function startSubject(queryNames?: Record<string, string>): Promise<Subject> {
  const requests: Recorded[] = [];
  const { sandbox, client } = await startTestSandbox({
    ...(queryNames ? { queryNames } : {}),
    onRequest: ({ method, url }) => requests.push({ method, url, at: performance.now() }),
  });
  const subject = { sandbox, token: (await signIn(client, 'supervisor')).tokens.access_token, requests };
  subjects.push(subject);
  return subject;
}

/** Runs the CLI with only the variables given (none of the machine's TALKDESK_*), and what the sandbox saw meanwhile. */
function probe(subject: Subject, env: Record<string, string>, args: string[] = []): Promise<ProbeRun> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TALKDESK_')));
  subject.requests.length = 0;
  return new Promise((resolve) => {
    execFile(TSX, ['src/server/probe/main.ts', ...args], {
      cwd: ROOT,
      env: { ...clean, TALKDESK_API_URL: subject.sandbox.url, TALKDESK_IDENTITY_URL: subject.sandbox.url, ...env },
    }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr, requests: [...subject.requests] });
    });
  });
}

let asDocumented: Subject;
let renamed: Subject;

beforeAll(async () => {
  [asDocumented, renamed] = await Promise.all([startSubject(), startSubject({ priority: 'campaign_priority' })]);
}, 60_000);

afterAll(async () => {
  await Promise.all(subjects.map((subject) => subject.sandbox.close()));
});

describe('npm run probe', () => {
  it('confirms every entry against an account that answers as the table says, exit 0, with GET requests only', async () => {
    const run = await probe(asDocumented, { TALKDESK_ACCESS_TOKEN: asDocumented.token }, ['--json']);
    const report = JSON.parse(run.stdout) as { entries: { entry: string; verdict: string }[]; summary: Record<string, number>; exitStatus: number };
    expect(run.code).toBe(0);
    expect(report.exitStatus).toBe(0);
    // Every query parameter of the table has its line, and so do the answer's spellings, sorting, expand, the hosts.
    const entries = report.entries.map((entry) => entry.entry);
    for (const name of Object.values(DEFAULT_QUERY_NAMES)) expect(entries).toContain(name);
    expect(entries).toEqual(expect.arrayContaining(['API host', 'identity host', 'token has campaigns:read', '_embedded.campaigns', 'total_pages', 'one created_at bound alone']));
    expect(report.entries.filter((entry) => entry.verdict !== 'confirmed' && entry.verdict !== 'info')).toEqual([]);
    expect(report.summary).toEqual({ confirmed: report.entries.length - 1, wrong: 0, notTestable: 0 });
    expect(run.requests.length).toBeGreaterThan(20);
    expect(run.requests.length).toBeLessThanOrEqual(100);
    expect(run.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(run.stdout).not.toContain(asDocumented.token);
  }, 120_000);

  it('reports a renamed priority filter wrong, names the account\'s name and the variable to set, exit 1', async () => {
    const run = await probe(renamed, { TALKDESK_ACCESS_TOKEN: renamed.token });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const priority = lines.findIndex((line) => /^wrong\s+priority\s/.test(line));
    expect(lines[priority]).toMatch(/ priority=\d+ changes nothing/);
    expect(lines[priority]).toMatch(/campaign_priority=\d+: \d+ of \d+ campaigns/);
    expect(lines[priority + 1]).toMatch(/fix: TALKDESK_QUERY_NAMES=priority=campaign_priority$/);
    expect(lines.filter((line) => line.startsWith('wrong'))).toHaveLength(1);
    expect(run.stdout).toMatch(/\n\d+ confirmed, 1 wrong, 0 not testable \(\d+ requests, all GET\)\n/);
    expect(run.stdout).toContain('give the server (and the probe) TALKDESK_QUERY_NAMES=priority=campaign_priority');
    expect(run.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  }, 120_000);

  it('confirms the renamed filter once given the matching TALKDESK_QUERY_NAMES', async () => {
    const run = await probe(renamed, { TALKDESK_ACCESS_TOKEN: renamed.token, TALKDESK_QUERY_NAMES: 'priority=campaign_priority' }, ['--json']);
    const report = JSON.parse(run.stdout) as { entries: { entry: string; verdict: string; saw: string }[]; summary: { wrong: number } };
    expect(run.code).toBe(0);
    expect(report.entries.find((entry) => entry.entry === 'priority')).toMatchObject({ verdict: 'confirmed', saw: expect.stringContaining('campaign_priority=') });
    expect(report.summary.wrong).toBe(0);
  }, 120_000);

  it('stops with exit 2 and says so when the API refuses the token, without printing it', async () => {
    const badToken = 'not-a-token-of-this-account-123456';
    const run = await probe(asDocumented, { TALKDESK_ACCESS_TOKEN: badToken });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('probe: could not run: the API refused the token (401)');
    expect(`${run.stdout}${run.stderr}`).not.toContain(badToken);
    expect(run.requests.map((request) => request.method)).toEqual(['GET']);
  }, 60_000);

  it('says, with exit 2, when the OAuth client may not use the client credentials grant, and how to pass a token', async () => {
    const run = await probe(asDocumented, { TALKDESK_CLIENT_ID: TEST_CLIENT.clientId, TALKDESK_CLIENT_SECRET: TEST_CLIENT.clientSecret });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`the OAuth client ${TEST_CLIENT.clientId} may not use the client credentials grant`);
    expect(run.stderr).toContain('TALKDESK_ACCESS_TOKEN=<token> npm run probe');
    expect(`${run.stdout}${run.stderr}`).not.toContain(TEST_CLIENT.clientSecret);
    // The token request is the only request, and nothing reaches the API.
    expect(run.requests.map((request) => `${request.method} ${request.url.split('?')[0]}`)).toEqual(['POST /oauth/token']);
  }, 60_000);

  it('waits as a 429 asks and then asks again', async () => {
    const faults = `${asDocumented.sandbox.url}/__sandbox/faults`;
    await fetch(faults, { method: 'PUT', body: JSON.stringify({ rules: [{ kind: '429', retryAfterSeconds: 1, times: 2, path: 'list' }] }) });
    try {
      const run = await probe(asDocumented, { TALKDESK_ACCESS_TOKEN: asDocumented.token }, ['--json']);
      expect(run.code).toBe(0);
      const [first, second, third] = run.requests;
      expect(new Set([first?.url, second?.url, third?.url]).size).toBe(1);
      // A lower bound only: a busy machine can make the wait longer, never shorter.
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
      expect(third!.at - second!.at).toBeGreaterThanOrEqual(990);
    } finally {
      await fetch(faults, { method: 'DELETE' });
    }
  }, 120_000);
});
