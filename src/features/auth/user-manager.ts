/*
 * Talkdesk documents no discovery document, no public PKCE client and no CORS: the metadata is given here, the
 * browser navigates to the identity host only to authorize, and it exchanges and refreshes tokens through its own
 * origin, where the proxy adds the client secret. Tokens and sign-in state live in sessionStorage, never localStorage.
 */
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { RuntimeConfig } from '../../config/runtime-config';
import { CALLBACK_PATH, SIGNED_OUT_PATH } from './auth-paths';
import { USER_STORE_PREFIX } from './session';

export function createUserManager(config: RuntimeConfig, origin = window.location.origin): UserManager {
  return new UserManager({
    authority: config.issuer,
    metadata: {
      issuer: config.issuer,
      authorization_endpoint: config.authorizeUrl,
      token_endpoint: `${origin}${config.tokenPath}`,
      revocation_endpoint: `${origin}${config.revokePath}`,
    },
    client_id: config.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}${SIGNED_OUT_PATH}`,
    response_type: 'code',
    scope: config.scope,
    loadUserInfo: false,
    monitorSession: false,
    // Renewal is scheduled by token-renewal.ts so that one tab never uses a refresh token twice.
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: USER_STORE_PREFIX }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}
