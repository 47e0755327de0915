import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { UserManager } from 'oidc-client-ts';
import type { RuntimeConfig } from '../../config/runtime-config';
import { useLocation } from 'react-router';
import { SIGNED_OUT_PATH, safeReturnTo } from './auth-paths';
import { isExpired, readStoredSession, toSession, type Session } from './session';

export interface AuthState {
  session: Session | null;
  /** True once sign-out has begun: protected pages wait instead of starting a new sign-in. */
  signingOut: boolean;
  regionLabel: string;
  /** oidc-client-ts, loaded on first use: signing in, renewing or signing out. */
  getUserManager: () => Promise<UserManager>;
  getAccessToken: () => string | null;
  /** One renewal with the refresh token; when it fails, a fresh sign-in that comes back to this URL. */
  renewAfterUnauthorized: () => Promise<string | null>;
  signIn: (returnTo?: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

const RENEW_AHEAD_SECONDS = 30;
const RENEW_RETRY_MS = 10_000;
const REVOKE_WAIT_MS = 3_000;
// Kept from sign-out until the next sign-in in this tab: the identity host's login session outlives the revoked
// tokens, and without prompt=login it would hand the dashboard to whoever opens it next (Back is enough).
const SIGNED_OUT_KEY = 'campaigns.signedOut';
const SIGNED_OUT_MESSAGE = 'signed-out';

function signOutChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('campaigns-dashboard-auth');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}

export interface SignInState {
  returnTo: string;
}

export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

export function AuthProvider(props: { config: RuntimeConfig; onSignedOut: () => void; children: ReactNode }) {
  const { config, onSignedOut } = props;
  const [session, setSessionState] = useState<Session | null>(() => readStoredSession(config));
  const [signingOut, setSigningOut] = useState(false);
  const sessionRef = useRef(session);
  const renewal = useRef<Promise<string | null> | null>(null);
  const managerRef = useRef<Promise<UserManager> | null>(null);

  const setSession = useCallback((next: Session | null) => {
    sessionRef.current = next;
    setSessionState(next);
  }, []);

  const getUserManager = useCallback(() => {
    managerRef.current ??= import('./oidc-client').then(({ createUserManager }) => {
      const manager = createUserManager(config);
      manager.events.addUserLoaded((user) => {
        window.sessionStorage.removeItem(SIGNED_OUT_KEY);
        setSession(toSession(user));
      });
      manager.events.addUserUnloaded(() => setSession(null));
      return manager;
    });
    return managerRef.current;
  }, [config, setSession]);

  const signIn = useCallback(
    async (returnTo: string = currentPath()) => {
      setSigningOut(false);
      const state: SignInState = { returnTo: safeReturnTo(returnTo) };
      const afterSignOut = window.sessionStorage.getItem(SIGNED_OUT_KEY) !== null;
      await (await getUserManager()).signinRedirect(afterSignOut ? { state, prompt: 'login' } : { state });
    },
    [getUserManager],
  );

  // Every renewal in this tab goes through this one promise: a refresh token is used once, so rotation never
  // sees this tab reuse one (a reuse makes the identity host revoke the whole grant).
  const renew = useCallback(() => {
    renewal.current ??= getUserManager()
      .then((manager) => manager.signinSilent())
      .then(
        (renewed) => (renewed && !renewed.expired ? renewed.access_token : null),
        () => null,
      )
      .finally(() => {
        renewal.current = null;
      });
    return renewal.current;
  }, [getUserManager]);

  const renewAfterUnauthorized = useCallback(async () => {
    const token = await renew();
    if (token) return token;
    await (await getUserManager()).removeUser();
    await signIn();
    return null;
  }, [renew, getUserManager, signIn]);

  // Renew ahead of expiry; if the identity host is down, keep trying until the token runs out.
  useEffect(() => {
    if (!session?.refreshToken || session.expiresAt === null) return;
    // Short-lived tokens renew half-way through their life rather than in a loop.
    const remaining = session.expiresAt * 1000 - Date.now();
    const due = Math.max(0, remaining - Math.min(RENEW_AHEAD_SECONDS * 1000, remaining / 2));
    let timer = window.setTimeout(function attempt() {
      void renew().then((token) => {
        if (token) return;
        const current = sessionRef.current;
        if (!current || isExpired(current)) void renewAfterUnauthorized();
        else timer = window.setTimeout(attempt, RENEW_RETRY_MS);
      });
    }, due);
    return () => window.clearTimeout(timer);
  }, [session, renew, renewAfterUnauthorized]);

  const endSession = useCallback(
    async (revoke: boolean) => {
      // From here on nothing may start a new sign-in (the identity host's own session would quietly grant one).
      setSigningOut(true);
      window.sessionStorage.setItem(SIGNED_OUT_KEY, '1');
      const manager = await getUserManager();
      // Revoking the refresh token ends the session at the identity host too; a host that does not answer must
      // not keep the supervisor from signing out, so it gets a few seconds at most.
      if (revoke) await Promise.race([manager.revokeTokens(['refresh_token']).catch(() => undefined), delay(REVOKE_WAIT_MS)]);
      await manager.removeUser();
      await manager.clearStaleState();
      onSignedOut();
    },
    [getUserManager, onSignedOut],
  );

  // Once the signed-out page is showing, sign-out is over: a protected URL opened after it (Back, a link) must start
  // sign-in again rather than wait on "Signing you in…" forever. (Not reset in endSession: the router commits its
  // navigation in a transition, after a plain state update, and RequireAuth would sign straight back in.)
  const { pathname } = useLocation();
  useEffect(() => {
    if (signingOut && pathname === SIGNED_OUT_PATH) setSigningOut(false);
  }, [signingOut, pathname]);

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
  }, [endSession]);

  // Stable, so the HTTP client built on it lives as long as the provider does.
  const getAccessToken = useCallback(() => sessionRef.current?.accessToken ?? null, []);

  const value = useMemo<AuthState>(
    () => ({
      session,
      signingOut,
      regionLabel: config.regionLabel,
      getUserManager,
      getAccessToken,
      renewAfterUnauthorized,
      signIn,
      signOut,
    }),
    [session, signingOut, config.regionLabel, getUserManager, getAccessToken, renewAfterUnauthorized, signIn, signOut],
  );

  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/**
 * For the first screen the server draws (src/first-screen/draw.tsx): nobody is known yet, so the layout shows no name
 * and nothing can act. Until the browser's own AuthProvider takes over, the page is inert.
 */
export function FirstScreenAuthProvider(props: { regionLabel: string; children: ReactNode }) {
  const value = useMemo<AuthState>(() => {
    const unavailable = () => Promise.reject(new Error('The first screen cannot sign in or out'));
    return {
      session: null,
      signingOut: false,
      regionLabel: props.regionLabel,
      getUserManager: unavailable,
      getAccessToken: () => null,
      renewAfterUnauthorized: unavailable,
      signIn: unavailable,
      signOut: unavailable,
    };
  }, [props.regionLabel]);
  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
}
