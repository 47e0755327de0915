/*
 * Drives the sandbox's real sign-in with node's fetch, the way a browser plus the dashboard's token proxy
 * would: authorize -> login form -> code -> token exchange (PKCE S256, client_secret_basic). Reusable by
 * any server-side test that needs real tokens.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface AuthorizeOptions extends ClientCredentials {
  origin: string;
  redirectUri: string;
  scope?: string;
  /** Extra authorization request parameters (e.g. prompt, resource). */
  extraParams?: Record<string, string>;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope?: string;
  refresh_token?: string;
  id_token?: string;
}

export interface TokenResult {
  status: number;
  body: Record<string, unknown>;
}

/** Just enough of a cookie jar: oidc-provider's cookies are host-only and we talk to a single origin. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', date = ''] = attribute.split('=');
        return key.trim().toLowerCase() === 'expires' && Date.parse(date) <= Date.now();
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function basicAuth({ clientId, clientSecret }: ClientCredentials): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
}

/** The authorization request as a browser would navigate to it. */
export function authorizationUrl(options: AuthorizeOptions, pkce: { challenge: string }, state: string, nonce: string): string {
  const params = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: options.scope ?? 'openid campaigns:read',
    state,
    nonce,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    ...options.extraParams,
  });
  return `${options.origin}/oauth/authorize?${params}`;
}

/** Follows redirects by hand (keeping cookies) until the sandbox sends the browser back to the redirect URI. */
async function followUntilCallback(start: Response, from: string, jar: CookieJar, redirectUri: string): Promise<URL | Response> {
  let response = start;
  let current = from;
  for (let hop = 0; hop < 10; hop += 1) {
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    const next = new URL(location, current);
    if (next.href.startsWith(redirectUri)) return next;
    current = next.href;
    response = await fetch(current, { redirect: 'manual', headers: { cookie: jar.header() } });
  }
  throw new Error('too many redirects');
}

export interface InteractionPage {
  jar: CookieJar;
  /** The login page's URL (/interaction/{uid}). */
  url: string;
  html: string;
  state: string;
  nonce: string;
  verifier: string;
}

/** Starts an authorization request and stops on the sandbox's login page. */
export async function openLoginPage(options: AuthorizeOptions): Promise<InteractionPage> {
  const jar = new CookieJar();
  const pkce = createPkcePair();
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const start = authorizationUrl(options, pkce, state, nonce);
  const result = await followUntilCallback(await fetch(start, { redirect: 'manual' }), start, jar, options.redirectUri);
  if (result instanceof URL) throw new Error(`expected a login page, got a redirect to ${result.href}`);
  const html = await result.text();
  const uid = /action="\/interaction\/([^/"]+)\/login"/.exec(html)?.[1];
  if (!uid) throw new Error(`no login form in the page (status ${result.status}): ${html.slice(0, 300)}`);
  return { jar, url: `${options.origin}/interaction/${uid}`, html, state, nonce, verifier: pkce.verifier };
}

export type LoginOutcome =
  | { kind: 'callback'; callback: URL }
  | { kind: 'page'; status: number; html: string };

/** Submits the login form (or its Cancel button) of an interaction page. */
export async function submitLogin(
  page: InteractionPage, redirectUri: string,
  submission: { username: string; password: string } | 'cancel',
): Promise<LoginOutcome> {
  const action = submission === 'cancel' ? `${page.url}/abort` : `${page.url}/login`;
  const body = submission === 'cancel' ? new URLSearchParams() : new URLSearchParams(submission);
  const response = await fetch(action, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: page.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const result = await followUntilCallback(response, action, page.jar, redirectUri);
  if (result instanceof URL) return { kind: 'callback', callback: result };
  return { kind: 'page', status: result.status, html: await result.text() };
}

/** A token endpoint request with a form body; `credentials: null` sends no client authentication. */
export async function tokenRequest(origin: string, form: Record<string, string>, credentials: ClientCredentials | null): Promise<TokenResult> {
  const response = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(credentials ? { authorization: basicAuth(credentials) } : {}),
    },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** An authorization request in a browser that already has a sandbox session (e.g. prompt=none renewal). */
export async function authorizeWithSession(options: AuthorizeOptions, jar: CookieJar): Promise<{ callback: URL | null; verifier: string; state: string }> {
  const pkce = createPkcePair();
  const state = randomBytes(8).toString('hex');
  const start = authorizationUrl(options, pkce, state, randomBytes(8).toString('hex'));
  const result = await followUntilCallback(await fetch(start, { redirect: 'manual', headers: { cookie: jar.header() } }), start, jar, options.redirectUri);
  return { callback: result instanceof URL ? result : null, verifier: pkce.verifier, state };
}

export interface SignInResult {
  code: string;
  verifier: string;
  nonce: string;
  tokens: TokenResponse;
}

/** Authorization code for a demo user, not yet exchanged. */
export async function authorizeAs(options: AuthorizeOptions, username: string, password = username): Promise<Omit<SignInResult, 'tokens'>> {
  const page = await openLoginPage(options);
  const outcome = await submitLogin(page, options.redirectUri, { username, password });
  if (outcome.kind !== 'callback') throw new Error(`login as ${username} failed with status ${outcome.status}`);
  const code = outcome.callback.searchParams.get('code');
  if (!code) throw new Error(`no code in ${outcome.callback.href}`);
  if (outcome.callback.searchParams.get('state') !== page.state) throw new Error('state mismatch');
  return { code, verifier: page.verifier, nonce: page.nonce };
}

/** The whole sign-in: tokens for a demo user. */
export async function signIn(options: AuthorizeOptions, username: string, password = username): Promise<SignInResult> {
  const authorized = await authorizeAs(options, username, password);
  const result = await tokenRequest(options.origin, {
    grant_type: 'authorization_code',
    code: authorized.code,
    redirect_uri: options.redirectUri,
    code_verifier: authorized.verifier,
  }, options);
  if (result.status !== 200) throw new Error(`token exchange failed: ${result.status} ${JSON.stringify(result.body)}`);
  return { ...authorized, tokens: result.body as unknown as TokenResponse };
}

export async function refreshTokens(origin: string, refreshToken: string, credentials: ClientCredentials): Promise<TokenResult> {
  return tokenRequest(origin, { grant_type: 'refresh_token', refresh_token: refreshToken }, credentials);
}

/** Claims of a JWT, unverified: tests look, the API verifies. */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header = '', payload = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}
