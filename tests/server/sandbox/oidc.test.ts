import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../src/server/sandbox/sandbox.ts';
import {
  authorizeAs, authorizeWithSession, basicAuth, decodeJwt, openLoginPage, refreshTokens, signIn, submitLogin, tokenRequest, type AuthorizeOptions,
} from './oidc-flow.ts';
import { startTestSandbox, TEST_CLIENT } from './test-sandbox.ts';

let sandbox: RunningSandbox;
let client: AuthorizeOptions;

beforeAll(async () => {
  ({ sandbox, client } = await startTestSandbox({ campaignCount: 50 }));
});
afterAll(() => sandbox.close());

const listCampaigns = (accessToken: string) =>
  fetch(`${sandbox.url}/campaigns?per_page=1`, { headers: { authorization: `Bearer ${accessToken}` } });

describe('sign-in (authorization code + PKCE S256 + client_secret_basic)', () => {
  it('issues an id_token, a JWT access token with campaigns:read, and a refresh token, without a resource parameter', async () => {
    const { tokens, nonce } = await signIn(client, 'supervisor');
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBeGreaterThan(3500);
    expect(tokens.refresh_token).toBeTruthy();

    const idToken = decodeJwt(tokens.id_token ?? '').payload;
    expect(idToken).toMatchObject({
      iss: sandbox.url, aud: TEST_CLIENT.clientId, nonce, name: 'Sam Supervisor', email: 'supervisor@sandbox.test',
    });
    expect(idToken.sub).toEqual(expect.any(String));

    const accessToken = decodeJwt(tokens.access_token);
    expect(accessToken.header.typ).toBe('at+jwt');
    expect(accessToken.payload).toMatchObject({ iss: sandbox.url, client_id: TEST_CLIENT.clientId, sub: idToken.sub });
    expect(String(accessToken.payload.scope).split(' ')).toContain('campaigns:read');
    expect((await listCampaigns(tokens.access_token)).status).toBe(200);
  });

  it('rotates refresh tokens, returns a fresh JWT access token, and refuses a rotated one', async () => {
    const { tokens } = await signIn(client, 'supervisor');
    const refreshed = await refreshTokens(sandbox.url, tokens.refresh_token ?? '', TEST_CLIENT);
    expect(refreshed.status).toBe(200);
    const newAccessToken = String(refreshed.body.access_token);
    expect(refreshed.body.refresh_token).toEqual(expect.any(String));
    expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(newAccessToken).not.toBe(tokens.access_token);
    expect(String(decodeJwt(newAccessToken).payload.scope)).toContain('campaigns:read');
    expect((await listCampaigns(newAccessToken)).status).toBe(200);

    const reused = await refreshTokens(sandbox.url, tokens.refresh_token ?? '', TEST_CLIENT);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
  });

  it('refuses a code exchange without the PKCE verifier, or with a wrong one', async () => {
    const withoutVerifier = await authorizeAs(client, 'supervisor');
    const missing = await tokenRequest(sandbox.url, {
      grant_type: 'authorization_code', code: withoutVerifier.code, redirect_uri: client.redirectUri,
    }, TEST_CLIENT);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_grant');

    const wrongVerifier = await authorizeAs(client, 'supervisor');
    const wrong = await tokenRequest(sandbox.url, {
      grant_type: 'authorization_code', code: wrongVerifier.code, redirect_uri: client.redirectUri,
      code_verifier: 'x'.repeat(43),
    }, TEST_CLIENT);
    expect(wrong.status).toBe(400);
  });

  it('refuses a wrong client secret and a missing client authentication', async () => {
    const authorized = await authorizeAs(client, 'supervisor');
    const form = {
      grant_type: 'authorization_code', code: authorized.code, redirect_uri: client.redirectUri, code_verifier: authorized.verifier,
    };
    const wrongSecret = await tokenRequest(sandbox.url, form, { clientId: TEST_CLIENT.clientId, clientSecret: 'nope' });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error).toBe('invalid_client');
    const anonymous = await tokenRequest(sandbox.url, { ...form, client_id: TEST_CLIENT.clientId }, null);
    expect(anonymous.status).toBe(401);
  });

  it('refuses an authorization request without PKCE', async () => {
    const params = new URLSearchParams({
      client_id: TEST_CLIENT.clientId, redirect_uri: client.redirectUri, response_type: 'code', scope: 'openid campaigns:read', state: 's',
    });
    const response = await fetch(`${sandbox.url}/oauth/authorize?${params}`, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', sandbox.url);
    expect(location.href.startsWith(client.redirectUri)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('gives the agent a valid token without campaigns:read, which the API answers with 403', async () => {
    const { tokens } = await signIn(client, 'agent');
    expect(decodeJwt(tokens.id_token ?? '').payload.name).toBe('Alex Agent');
    expect(String(decodeJwt(tokens.access_token).payload.scope ?? '')).not.toContain('campaigns:read');
    expect((await listCampaigns(tokens.access_token)).status).toBe(403);
  });
});

describe('login page', () => {
  it('labels its fields, shows the demo credentials, and says so on a wrong password', async () => {
    const page = await openLoginPage(client);
    expect(page.html).toMatch(/<label for="username">Username<\/label>/);
    expect(page.html).toMatch(/<label for="password">Password<\/label>/);
    expect(page.html).toContain('>Sign in</button>');
    expect(page.html).toContain('>Cancel</button>');
    expect(page.html).toContain('Demo credentials');
    expect(page.html).toContain('<code>supervisor</code>');

    const wrong = await submitLogin(page, client.redirectUri, { username: 'supervisor', password: 'wrong' });
    expect(wrong).toMatchObject({ kind: 'page' });
    expect(wrong.kind === 'page' && wrong.html).toContain('Wrong username or password');

    const retried = await submitLogin(page, client.redirectUri, { username: 'supervisor', password: 'supervisor' });
    expect(retried.kind === 'callback' && retried.callback.searchParams.get('code')).toEqual(expect.any(String));
  });

  it('escapes what it echoes back', async () => {
    const page = await openLoginPage(client);
    const outcome = await submitLogin(page, client.redirectUri, { username: '"><script>alert(1)</script>', password: 'x' });
    const html = outcome.kind === 'page' ? outcome.html : '';
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('ends the request with access_denied on Cancel', async () => {
    const page = await openLoginPage(client);
    const outcome = await submitLogin(page, client.redirectUri, 'cancel');
    expect(outcome.kind).toBe('callback');
    const callback = outcome.kind === 'callback' ? outcome.callback : new URL('about:blank');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(page.state);
  });
});

describe('session', () => {
  it('answers prompt=none with a code while signed in, and login_required after sign-out', async () => {
    const page = await openLoginPage(client);
    await submitLogin(page, client.redirectUri, { username: 'supervisor', password: 'supervisor' });
    const silent = await authorizeWithSession({ ...client, extraParams: { prompt: 'none' } }, page.jar);
    expect(silent.callback?.searchParams.get('code')).toEqual(expect.any(String));
    expect(silent.callback?.searchParams.get('state')).toBe(silent.state);

    const logoutPage = await fetch(`${sandbox.url}/oauth/logout?client_id=${TEST_CLIENT.clientId}`, { headers: { cookie: page.jar.header() } });
    page.jar.store(logoutPage);
    const html = await logoutPage.text();
    expect(logoutPage.status).toBe(200);
    expect(html).toContain('name="logout" value="yes"');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const confirm = await fetch(`${sandbox.url}/oauth/logout/confirm`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: page.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    expect([200, 303]).toContain(confirm.status);
    page.jar.store(confirm);

    const afterLogout = await authorizeWithSession({ ...client, extraParams: { prompt: 'none' } }, page.jar);
    expect(afterLogout.callback?.searchParams.get('error')).toBe('login_required');
  });
});

describe('endpoints on Talkdesk paths', () => {
  it('publishes the keys at /oauth/jwks and accepts revocation at /oauth/revoke', async () => {
    const jwks = (await (await fetch(`${sandbox.url}/oauth/jwks`)).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');

    const { tokens } = await signIn(client, 'supervisor');
    const revoke = await fetch(`${sandbox.url}/oauth/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basicAuth(TEST_CLIENT),
      },
      body: new URLSearchParams({ token: tokens.refresh_token ?? '', token_type_hint: 'refresh_token' }),
    });
    expect(revoke.status).toBe(200);
    expect((await refreshTokens(sandbox.url, tokens.refresh_token ?? '', TEST_CLIENT)).status).toBe(400);
  });

  it('names the Talkdesk paths in its discovery document', async () => {
    const discovery = (await (await fetch(`${sandbox.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: sandbox.url,
      authorization_endpoint: `${sandbox.url}/oauth/authorize`,
      token_endpoint: `${sandbox.url}/oauth/token`,
      jwks_uri: `${sandbox.url}/oauth/jwks`,
      revocation_endpoint: `${sandbox.url}/oauth/revoke`,
      end_session_endpoint: `${sandbox.url}/oauth/logout`,
    });
  });
});
