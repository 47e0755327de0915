import { useEffect, useRef, type ReactNode } from 'react';
import { useAuth } from './use-auth';
import { AuthMessagePage } from './auth-message-page';
import { isExpired } from './session';

/** Opening any app URL while signed out starts sign-in; the exact URL is the return target. */
export function RequireAuth(props: { children: ReactNode }) {
  const { session, signingOut, signIn, renewAfterUnauthorized } = useAuth();
  const started = useRef(false);
  const signedIn = session !== null && !isExpired(session);

  useEffect(() => {
    if (signedIn || signingOut || started.current) return;
    started.current = true;
    // An expired session with a refresh token is renewed in place; otherwise a fresh sign-in.
    const next = session?.refreshToken ? renewAfterUnauthorized() : signIn();
    void next.finally(() => {
      started.current = false;
    });
  }, [signedIn, signingOut, session, signIn, renewAfterUnauthorized]);

  if (!signedIn) return <AuthMessagePage title="Signing you in…" busy />;
  return <>{props.children}</>;
}
