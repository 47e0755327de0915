/*
 * Talkdesk documents no discovery document, no public PKCE client and no CORS: the metadata is given here, the
 * browser navigates to the identity host only to authorize, and it exchanges and refreshes tokens through its own
 * origin, where the proxy adds the client secret. Tokens and sign-in state live in sessionStorage, never localStorage.
 */
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { RuntimeConfig } from '../../config/runtime-config';

export const CALLBACK_PATH = '/auth/callback';
export const SIGNED_OUT_PATH = '/signed-out';

export function createUserManager(config: RuntimeConfig, origin = window.location.origin): UserManager {
  return new UserManager({
    authority: config.issuer,
    metadata: {
      issuer: config.issuer,
      authorization_endpoint: config.authorizeUrl,
      token_endpoint: `${origin}${config.tokenPath}`,
    },
    client_id: config.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}${SIGNED_OUT_PATH}`,
    response_type: 'code',
    scope: config.scope,
    loadUserInfo: false,
    monitorSession: false,
    // Renewal is scheduled by the auth context so that one tab never uses a refresh token twice.
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Only a same-origin path may be a return target: never a scheme, a host, or a protocol-relative URL. */
export function safeReturnTo(target: unknown): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) return '/';
  if ([...target].some((char) => char.charCodeAt(0) < 0x20)) return '/';
  try {
    const url = new URL(target, 'https://app.invalid');
    if (url.origin !== 'https://app.invalid') return '/';
    if (url.pathname === CALLBACK_PATH) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
