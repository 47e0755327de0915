/*
 * The probe's token: TALKDESK_ACCESS_TOKEN when set (a token with campaigns:read, e.g. a signed-in dashboard
 * session's), else the client credentials grant against the identity host, if the OAuth client allows it. The
 * secret goes only to the identity host's token endpoint; no message repeats it or the token.
 */
import { ProbeStopped } from './probe-http.ts';

export const PROBE_SCOPE = 'campaigns:read';
const HOW_TO_PASS_A_TOKEN =
  'pass a token with campaigns:read instead: TALKDESK_ACCESS_TOKEN=<token> npm run probe (README.md, "Check a real account", says how to copy one from a signed-in dashboard)';

export interface ProbeToken {
  token: string;
  /** Where it came from, for the report. */
  source: string;
}

export async function obtainProbeToken(options: {
  accessToken: string | undefined;
  identityUrl: string;
  clientId: string;
  clientSecret: string | undefined;
  timeoutMs: number;
  fetch?: typeof fetch;
}): Promise<ProbeToken> {
  if (options.accessToken) return { token: options.accessToken, source: 'TALKDESK_ACCESS_TOKEN' };
  if (!options.clientSecret) {
    throw new ProbeStopped(`no token: set TALKDESK_CLIENT_SECRET to try the client credentials grant, or ${HOW_TO_PASS_A_TOKEN}`);
  }
  const tokenUrl = `${options.identityUrl}/oauth/token`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: PROBE_SCOPE }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new ProbeStopped(`the identity host ${options.identityUrl} did not answer the token request (${error instanceof Error ? error.message : 'network error'})`);
  }
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown; error_description?: unknown };
  if (response.ok && typeof body.access_token === 'string' && body.access_token !== '') {
    return { token: body.access_token, source: `client credentials grant (client ${options.clientId})` };
  }
  const error = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
  const description = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
  if (error === 'invalid_client') {
    throw new ProbeStopped(`the identity host refused client ${options.clientId} or its secret (${error}${description}); check TALKDESK_CLIENT_ID and TALKDESK_CLIENT_SECRET, or ${HOW_TO_PASS_A_TOKEN}`);
  }
  throw new ProbeStopped(`the OAuth client ${options.clientId} may not use the client credentials grant (${error}${description}); ${HOW_TO_PASS_A_TOKEN}`);
}
