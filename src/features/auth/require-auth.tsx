import { useEffect, useRef, type ReactNode } from 'react';
import { useAuth } from './auth-context';
import { AuthMessagePage } from './auth-message-page';

/** Opening any app URL while signed out starts sign-in; the exact URL is the return target. */
export function RequireAuth(props: { children: ReactNode }) {
  const { user, loading, signIn, renewAfterUnauthorized } = useAuth();
  const started = useRef(false);
  const signedIn = user !== null && !user.expired;

  useEffect(() => {
    if (loading || signedIn || started.current) return;
    started.current = true;
    // An expired session with a refresh token is renewed in place; otherwise a fresh sign-in.
    const next = user?.refresh_token ? renewAfterUnauthorized() : signIn();
    void next.finally(() => {
      started.current = false;
    });
  }, [loading, signedIn, user, signIn, renewAfterUnauthorized]);

  if (loading || !signedIn) return <AuthMessagePage title="Signing you in…" busy />;
  return <>{props.children}</>;
}
