/*
 * What the dashboard asks of the identity host, through oidc-client-ts. It loads with the library, on demand, so a
 * returning supervisor's first screen carries none of it.
 */
import type { User, UserManager } from 'oidc-client-ts';
import type { RuntimeConfig } from '../../config/runtime-config';
import { safeReturnTo, type SignInState } from './return-target';
import { createUserManager } from './user-manager';

const REVOKE_WAIT_MS = 3_000;

export interface IdentityClient {
  /** The library's own manager, for the sign-in callback. */
  userManager: UserManager;
  /**
   * Sends the browser to sign in, to come back to `state.returnTo` if it is a path of this origin (else to the list);
   * `promptLogin` makes the identity host ask again instead of reusing its session.
   */
  signIn(state: SignInState, promptLogin: boolean): Promise<void>;
  /** A new access token from the refresh token, or null when it has run out too. */
  renew(): Promise<string | null>;
  /** Forgets this tab's tokens, after revoking the refresh token when `revoke` is set. */
  signOut(revoke: boolean): Promise<void>;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}

/** `onUser` hears of every sign-in and renewal (the user) and of every sign-out (null). */
export function createIdentityClient(config: RuntimeConfig, onUser: (user: User | null) => void): IdentityClient {
  const userManager = createUserManager(config);
  userManager.events.addUserLoaded(onUser);
  userManager.events.addUserUnloaded(() => onUser(null));
  return {
    userManager,
    signIn: ({ returnTo }, promptLogin) => {
      const state: SignInState = { returnTo: safeReturnTo(returnTo) };
      return userManager.signinRedirect(promptLogin ? { state, prompt: 'login' } : { state });
    },
    renew: () => userManager.signinSilent().then((renewed) => (renewed && !renewed.expired ? renewed.access_token : null)),
    async signOut(revoke) {
      // Revoking the refresh token ends the session at the identity host too; a host that does not answer must
      // not keep the supervisor from signing out, so it gets a few seconds at most.
      if (revoke) await Promise.race([userManager.revokeTokens(['refresh_token']).catch(() => undefined), delay(REVOKE_WAIT_MS)]);
      await userManager.removeUser();
      await userManager.clearStaleState();
    },
  };
}
