import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { User, UserManager } from 'oidc-client-ts';
import { safeReturnTo } from './user-manager';

export interface AuthState {
  user: User | null;
  /** True until the stored session (if any) has been read. */
  loading: boolean;
  regionLabel: string;
  userManager: UserManager;
  getAccessToken: () => string | null;
  /** One renewal with the refresh token; when it fails, a fresh sign-in that comes back to this URL. */
  renewAfterUnauthorized: () => Promise<string | null>;
  signIn: (returnTo?: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

const RENEW_AHEAD_SECONDS = 30;
const RENEW_RETRY_MS = 10_000;

export interface SignInState {
  returnTo: string;
}

export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

export function AuthProvider(props: {
  userManager: UserManager;
  regionLabel: string;
  onSignedOut: () => void;
  children: ReactNode;
}) {
  const { userManager, regionLabel, onSignedOut } = props;
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const userRef = useRef<User | null>(null);
  const renewal = useRef<Promise<string | null> | null>(null);

  useEffect(() => {
    const update = (next: User | null) => {
      userRef.current = next;
      setUser(next);
    };
    const onLoaded = (next: User) => update(next);
    const onUnloaded = () => update(null);
    userManager.events.addUserLoaded(onLoaded);
    userManager.events.addUserUnloaded(onUnloaded);
    let cancelled = false;
    void userManager.getUser().then((stored) => {
      if (cancelled) return;
      update(stored);
      setLoading(false);
    });
    return () => {
      cancelled = true;
      userManager.events.removeUserLoaded(onLoaded);
      userManager.events.removeUserUnloaded(onUnloaded);
    };
  }, [userManager]);

  const signIn = useCallback(
    async (returnTo: string = currentPath()) => {
      const state: SignInState = { returnTo: safeReturnTo(returnTo) };
      await userManager.signinRedirect({ state });
    },
    [userManager],
  );

  // Every renewal in this tab goes through this one promise: a refresh token is used once, so rotation never
  // sees this tab reuse one (a reuse makes the identity host revoke the whole grant).
  const renew = useCallback(() => {
    renewal.current ??= userManager
      .signinSilent()
      .then(
        (renewed) => (renewed && !renewed.expired ? renewed.access_token : null),
        () => null,
      )
      .finally(() => {
        renewal.current = null;
      });
    return renewal.current;
  }, [userManager]);

  const renewAfterUnauthorized = useCallback(async () => {
    const token = await renew();
    if (token) return token;
    await userManager.removeUser();
    await signIn();
    return null;
  }, [renew, userManager, signIn]);

  // Renew ahead of expiry; if the identity host is down, keep trying until the token runs out.
  useEffect(() => {
    if (!user?.refresh_token || user.expires_in === undefined) return;
    const due = Math.max(0, (user.expires_in - RENEW_AHEAD_SECONDS) * 1000);
    let timer = window.setTimeout(function attempt() {
      void renew().then((token) => {
        if (token) return;
        if (userRef.current?.expired) void renewAfterUnauthorized();
        else timer = window.setTimeout(attempt, RENEW_RETRY_MS);
      });
    }, due);
    return () => window.clearTimeout(timer);
  }, [user, renew, renewAfterUnauthorized]);

  const signOut = useCallback(async () => {
    await userManager.removeUser();
    await userManager.clearStaleState();
    onSignedOut();
  }, [userManager, onSignedOut]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      loading,
      regionLabel,
      userManager,
      getAccessToken: () => userRef.current?.access_token ?? null,
      renewAfterUnauthorized,
      signIn,
      signOut,
    }),
    [user, loading, regionLabel, userManager, renewAfterUnauthorized, signIn, signOut],
  );

  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
