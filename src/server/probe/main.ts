/*
 * CLI: `npm run probe [-- --json]`, with the server's environment (TALKDESK_REGION, TALKDESK_ACCOUNT, the host
 * overrides, TALKDESK_CLIENT_ID and TALKDESK_CLIENT_SECRET, TALKDESK_QUERY_NAMES) and optionally
 * TALKDESK_ACCESS_TOKEN. Read-only: GET requests to the API, at most 100.
 */
import { toServerConfig } from '../config.ts';
import { readServerEnv } from '../server-env.ts';
import { createProbeHttp, ProbeStopped } from './probe-http.ts';
import { EXIT, exitStatus, formatJson, formatText, redact } from './probe-report.ts';
import { obtainProbeToken } from './probe-token.ts';
import { runProbe } from './run-probe.ts';

const MAX_REQUESTS = 100;
const json = process.argv.includes('--json');
const accessToken = process.env.TALKDESK_ACCESS_TOKEN?.trim() || undefined;
const clientSecret = process.env.TALKDESK_CLIENT_SECRET?.trim() || undefined;
const secrets = [accessToken, clientSecret];

function print(text: string, stream: NodeJS.WriteStream = process.stdout): void {
  stream.write(redact(text, secrets));
}

try {
  const serverEnv = readServerEnv(process.env, { defaultPort: 8080 });
  const config = toServerConfig(serverEnv);
  const token = await obtainProbeToken({
    accessToken, identityUrl: config.identityUrl, clientId: config.clientId, clientSecret, timeoutMs: config.upstreamTimeoutMs,
  });
  secrets.push(token.token);
  if (!json) print(`Checking the API contract against ${config.apiUrl} (region ${config.region}; token from ${token.source})\n\n`);
  const http = createProbeHttp({ apiUrl: config.apiUrl, token: token.token, maxRequests: MAX_REQUESTS, timeoutMs: config.upstreamTimeoutMs });
  const report = await runProbe(http, {
    region: config.region,
    apiUrl: config.apiUrl,
    identityUrl: config.identityUrl,
    presetHosts: { api: !process.env.TALKDESK_API_URL, identity: !process.env.TALKDESK_IDENTITY_URL },
    queryNames: config.queryNames,
    tokenSource: token.source,
  });
  print(json ? formatJson(report) : formatText(report));
  process.exitCode = exitStatus(report);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const known = error instanceof ProbeStopped || (error instanceof Error && error.name === 'StartupError');
  const line = known ? message : `unexpected error: ${error instanceof Error ? error.stack ?? message : message}`;
  if (json) print(`${JSON.stringify({ error: line, exitStatus: EXIT.stopped }, null, 2)}\n`);
  else print(`probe: could not run: ${line}\n`, process.stderr);
  process.exitCode = EXIT.stopped;
}
