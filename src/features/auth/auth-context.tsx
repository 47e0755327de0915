/*
 * The signed-in session for the whole app: read from sessionStorage at start, kept in step with oidc-client-ts once
 * the library has loaded. Signing in and out: sign-in-out.ts; renewal: token-renewal.ts; the calls that need the
 * library, loaded on demand: identity-client.ts.
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RuntimeConfig } from '../../config/runtime-config';
import type { IdentityClient } from './identity-client';
import { readStoredSession, toSession, type Session } from './session';
import { clearSignedOutMark, useSignInOut } from './sign-in-out';
import { useTokenRenewal } from './token-renewal';
import { AuthContext, type AuthState } from './use-auth';

export function AuthProvider(props: { config: RuntimeConfig; onSignedOut: () => void; children: ReactNode }) {
  const { config } = props;
  const [session, setSessionState] = useState<Session | null>(() => readStoredSession(config));
  const sessionRef = useRef(session);
  const clientRef = useRef<Promise<IdentityClient> | null>(null);

  const setSession = useCallback((next: Session | null) => {
    sessionRef.current = next;
    setSessionState(next);
  }, []);

  const getIdentityClient = useCallback(() => {
    clientRef.current ??= import('./oidc-client').then(({ createIdentityClient }) =>
      createIdentityClient(config, (user) => {
        if (user) clearSignedOutMark();
        setSession(toSession(user));
      }),
    );
    return clientRef.current;
  }, [config, setSession]);

  const { signingOut, signIn, signOut } = useSignInOut(getIdentityClient, sessionRef, props.onSignedOut);
  const renewAfterUnauthorized = useTokenRenewal(session, sessionRef, getIdentityClient, signIn);

  // Stable, so the HTTP client built on it lives as long as the provider does.
  const getAccessToken = useCallback(() => sessionRef.current?.accessToken ?? null, []);

  const value = useMemo<AuthState>(
    () => ({
      session,
      signingOut,
      regionLabel: config.regionLabel,
      getIdentityClient,
      getAccessToken,
      renewAfterUnauthorized,
      signIn,
      signOut,
    }),
    [session, signingOut, config.regionLabel, getIdentityClient, getAccessToken, renewAfterUnauthorized, signIn, signOut],
  );

  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
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
      getIdentityClient: unavailable,
      getAccessToken: () => null,
      renewAfterUnauthorized: unavailable,
      signIn: unavailable,
      signOut: unavailable,
    };
  }, [props.regionLabel]);
  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
}
