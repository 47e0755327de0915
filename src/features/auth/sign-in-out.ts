import { useCallback, useEffect, useState, type RefObject } from 'react';
import { useLocation } from 'react-router';
import { SIGNED_OUT_PATH } from './auth-paths';
import type { IdentityClient } from './identity-client';
import type { Session } from './session';

// Kept from sign-out until the next sign-in in this tab: the identity host's login session outlives the revoked
// tokens, and without prompt=login it would hand the dashboard to whoever opens it next (Back is enough).
const SIGNED_OUT_KEY = 'campaigns.signedOut';
const SIGNED_OUT_MESSAGE = 'signed-out';

/** A completed sign-in: the identity host may use its own login session again. */
export function clearSignedOutMark(): void {
  window.sessionStorage.removeItem(SIGNED_OUT_KEY);
}

function signOutChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('campaigns-dashboard-auth');
}

function currentPath(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

/** Signing in (back to a given URL), and signing out of this tab and every other tab of the dashboard. */
export function useSignInOut(
  getIdentityClient: () => Promise<IdentityClient>,
  sessionRef: RefObject<Session | null>,
  onSignedOut: () => void,
) {
  const [signingOut, setSigningOut] = useState(false);

  const signIn = useCallback(
    async (returnTo: string = currentPath()) => {
      setSigningOut(false);
      const afterSignOut = window.sessionStorage.getItem(SIGNED_OUT_KEY) !== null;
      await (await getIdentityClient()).signIn({ returnTo }, afterSignOut);
    },
    [getIdentityClient],
  );

  const endSession = useCallback(
    async (revoke: boolean) => {
      // From here on nothing may start a new sign-in (the identity host's own session would quietly grant one).
      setSigningOut(true);
      window.sessionStorage.setItem(SIGNED_OUT_KEY, '1');
      await (await getIdentityClient()).signOut(revoke);
      onSignedOut();
    },
    [getIdentityClient, onSignedOut],
  );

  // Once the signed-out page is showing, sign-out is over: a protected URL opened after it (Back, a link) must start
  // sign-in again rather than wait on "Signing you in…" forever. (Not reset in endSession: the router commits its
  // navigation in a transition, after a plain state update, and RequireAuth would sign straight back in.)
  const { pathname } = useLocation();
  if (signingOut && pathname === SIGNED_OUT_PATH) setSigningOut(false);

  const signOut = useCallback(async () => {
    await endSession(true);
    signOutChannel()?.postMessage(SIGNED_OUT_MESSAGE);
  }, [endSession]);

  // Signing out in one tab signs out every tab of this dashboard.
  useEffect(() => {
    const channel = signOutChannel();
    if (!channel) return;
    channel.onmessage = (event: MessageEvent) => {
      if (event.data === SIGNED_OUT_MESSAGE && sessionRef.current) void endSession(false);
    };
    return () => channel.close();
  }, [sessionRef, endSession]);

  return { signingOut, signIn, signOut };
}
