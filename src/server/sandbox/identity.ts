/*
 * The identity half of the sandbox: oidc-provider configured like a Talkdesk identity host (/oauth/* paths,
 * one confidential client with HTTP Basic, code flow, rotating refresh tokens, JWT access tokens for the
 * campaigns API) plus our own login page, which grants automatically (Talkdesk shows no consent screen to us).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { checkDemoCredentials, findDemoUserBySub } from './demo-users.ts';
import { OidcStore } from './oidc-store.ts';
import { renderLoggedOutPage, renderLoginPage, renderLogoutPage, renderMessagePage } from './pages.ts';

export const CAMPAIGNS_READ_SCOPE = 'campaigns:read';
const OIDC_SCOPES = ['openid', 'profile', 'email'];

export interface IdentityOptions {
  issuer: string;
  /** Resource indicator of the campaigns API: the `aud` of every access token. */
  apiResource: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

export interface Identity {
  provider: Provider;
  /** Public signing key, for the API's own token checks. */
  publicJwk: JWK;
  /** Handles /interaction/* requests; false when the path is not one of ours. */
  handleInteraction(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean>;
  close(): void;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // No form-action: browsers apply it to the redirects after the form, which end on the dashboard's origin.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(html);
}

export async function createIdentity(options: IdentityOptions): Promise<Identity> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(8).toString('base64url');
  const signingJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const store = new OidcStore();

  const configuration: Configuration = {
    adapter: (model: string) => store.adapterFor(model),
    clients: [{
      client_id: options.clientId,
      client_secret: options.clientSecret,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: options.redirectUris,
      post_logout_redirect_uris: options.postLogoutRedirectUris,
    }],
    jwks: { keys: [signingJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url'), randomBytes(32).toString('base64url')] },
    routes: {
      authorization: '/oauth/authorize',
      token: '/oauth/token',
      jwks: '/oauth/jwks',
      revocation: '/oauth/revoke',
      end_session: '/oauth/logout',
    },
    scopes: OIDC_SCOPES,
    claims: {
      // Talkdesk's id_token carries the user's name and email with plain `openid`.
      openid: ['sub', 'name', 'email'],
      profile: ['name'],
      email: ['email'],
    },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    clientBasedCORS: () => false,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = renderLogoutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = renderLoggedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => options.apiResource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resourceIndicator) => {
          if (resourceIndicator !== options.apiResource) throw new errors.InvalidTarget();
          return {
            scope: CAMPAIGNS_READ_SCOPE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: options.accessTokenTtlSeconds,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds,
      IdToken: options.accessTokenTtlSeconds,
      RefreshToken: options.refreshTokenTtlSeconds,
      Grant: options.refreshTokenTtlSeconds,
      Session: options.refreshTokenTtlSeconds,
      Interaction: 60 * 60,
      AuthorizationCode: 60,
    },
    findAccount: async (_ctx, sub) => {
      const user = findDemoUserBySub(sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        claims: async () => ({ sub: user.sub, name: user.name, email: user.email, email_verified: true }),
      };
    },
    interactions: {
      url: async (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    renderError: async (ctx: KoaContextWithOIDC, out) => {
      ctx.type = 'html';
      ctx.body = renderMessagePage('Sign-in error', { ...out });
    },
  };

  const provider = new Provider(options.issuer, configuration);

  async function grantFor(sub: string, canReadCampaigns: boolean, requestedScope: string): Promise<string> {
    const grant = new provider.Grant({ accountId: sub, clientId: options.clientId });
    const requested = new Set(requestedScope.split(' ').filter(Boolean));
    grant.addOIDCScope(OIDC_SCOPES.filter((scope) => requested.has(scope)).join(' '));
    // Rejecting (rather than omitting) the scope keeps oidc-provider from asking for consent again.
    if (canReadCampaigns) grant.addResourceScope(options.apiResource, CAMPAIGNS_READ_SCOPE);
    else grant.rejectResourceScope(options.apiResource, CAMPAIGNS_READ_SCOPE);
    return grant.save();
  }

  async function handleInteraction(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    const match = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/.exec(pathname);
    if (!match) return false;
    const action = match[2];
    try {
      const details = await provider.interactionDetails(req, res);
      const uid = details.uid;
      const scope = String(details.params.scope ?? '');
      if (action === undefined && req.method === 'GET') {
        if (details.prompt.name === 'consent' && details.session?.accountId) {
          // Signed in already but the grant is missing something: grant what the account may have.
          const user = findDemoUserBySub(details.session.accountId);
          if (user) {
            const grantId = await grantFor(user.sub, user.canReadCampaigns, scope);
            await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
            return true;
          }
        }
        sendHtml(res, 200, renderLoginPage({ uid, clientId: options.clientId }));
        return true;
      }
      if (req.method !== 'POST' || action === undefined) {
        sendHtml(res, 405, renderMessagePage('Method not allowed', {}));
        return true;
      }
      const form = await readForm(req);
      if (action === 'abort') {
        await provider.interactionFinished(req, res, {
          error: 'access_denied',
          error_description: 'End-User aborted interaction',
        }, { mergeWithLastSubmission: false });
        return true;
      }
      const username = form.get('username') ?? '';
      const user = checkDemoCredentials(username, form.get('password') ?? '');
      if (!user) {
        sendHtml(res, 200, renderLoginPage({ uid, clientId: options.clientId, username, error: true }));
        return true;
      }
      const grantId = await grantFor(user.sub, user.canReadCampaigns, scope);
      await provider.interactionFinished(req, res, {
        login: { accountId: user.sub },
        consent: { grantId },
      }, { mergeWithLastSubmission: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendHtml(res, 400, renderMessagePage('Sign-in error', { error: message }));
    }
    return true;
  }

  return { provider, publicJwk, handleInteraction, close: () => store.clear() };
}
