/*
 * The whole server side against the real sandbox: the browser's part of sign-in (authorize, login) goes to the
 * identity host, the code exchange and API calls go through the production server's proxy, which alone knows the
 * client secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandbox, type AppWithSandbox } from './app-with-sandbox.ts';
import { authorizeAs } from './sandbox/oidc-flow.ts';

const CLIENT_ID = 'campaigns-dashboard';
const CLIENT_SECRET = 'proxy-only-secret';
const REDIRECT_URI = 'http://localhost:5173/auth/callback';

let stack: AppWithSandbox;
let app: string;

beforeAll(async () => {
  stack = await startAppWithSandbox({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI], campaignCount: 200 }, 5_000);
  app = stack.appUrl;
}, 30_000);

afterAll(() => stack.stop());

async function tokenViaProxy(form: Record<string, string>) {
  const response = await fetch(`${app}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function signInViaProxy(username: string) {
  const authorized = await authorizeAs({ origin: stack.sandboxUrl, redirectUri: REDIRECT_URI, clientId: CLIENT_ID, clientSecret: '' }, username);
  return tokenViaProxy({
    grant_type: 'authorization_code',
    code: authorized.code,
    redirect_uri: REDIRECT_URI,
    code_verifier: authorized.verifier,
    client_id: CLIENT_ID,
  });
}

describe('sign-in through the proxy', () => {
  it('exchanges the code without a secret in the browser, reads campaigns, and refreshes', async () => {
    const tokens = await signInViaProxy('supervisor');
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), refresh_token: expect.any(String) });

    const list = await fetch(`${app}/api/campaigns?per_page=2&order_by=name:asc`, {
      headers: { authorization: `Bearer ${String(tokens.body.access_token)}` },
    });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { per_page: number; _embedded: { campaigns: { id: string }[] } };
    expect(page.per_page).toBe(2);
    const [first] = page._embedded.campaigns;

    const one = await fetch(`${app}/api/campaigns/${first?.id ?? ''}`, {
      headers: { authorization: `Bearer ${String(tokens.body.access_token)}` },
    });
    expect(one.status).toBe(200);

    const refreshed = await tokenViaProxy({ grant_type: 'refresh_token', refresh_token: String(tokens.body.refresh_token), client_id: CLIENT_ID });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).toEqual(expect.any(String));
  });

  it('passes the API’s 401 and 403 through', async () => {
    expect((await fetch(`${app}/api/campaigns`)).status).toBe(401);
    const agent = await signInViaProxy('agent');
    expect(agent.status).toBe(200);
    const denied = await fetch(`${app}/api/campaigns`, { headers: { authorization: `Bearer ${String(agent.body.access_token)}` } });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({
      code: 'FORBIDDEN',
      message: 'Forbidden',
      description: 'The access token lacks the campaigns:read scope',
      fields: [],
    });
  });

  it('never lets the secret mint client_credentials tokens, and hides the sandbox controls', async () => {
    const minted = await tokenViaProxy({ grant_type: 'client_credentials', scope: 'campaigns:read' });
    expect(minted).toEqual({
      status: 400,
      body: { error: 'unsupported_grant_type', error_description: 'Only authorization_code and refresh_token grants are allowed.' },
    });
    const refusals = [
      { path: '/__sandbox/faults', status: 404, body: 'Not found' },
      { path: '/api/__sandbox/faults', status: 404, body: { code: 'not_found', message: 'Only /api/campaigns and /api/campaigns/{id} are available.', fields: [] } },
      { path: '/api/campaigns/..%2f__sandbox%2ffaults', status: 400, body: { code: 'bad_request', message: 'The request path is not allowed.', fields: [] } },
    ];
    for (const { path, status, body } of refusals) {
      const response = await fetch(`${app}${path}`);
      const text = await response.text();
      expect({ status: response.status, body: typeof body === 'string' ? text : JSON.parse(text) }, path).toEqual({ status, body });
    }
  });
});
