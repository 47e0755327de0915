import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorResponse, type UserManager } from 'oidc-client-ts';
import { useAuth } from './use-auth';
import { AuthMessagePage } from './auth-message-page';
import { safeReturnTo, type SignInState } from './return-target';

interface CallbackOutcome {
  returnTo: string;
  error: { title: string; detail: string } | null;
}

// The code in a callback URL may be exchanged only once, and StrictMode runs effects twice: one promise per URL.
const outcomes = new Map<string, Promise<CallbackOutcome>>();

function processCallback(userManager: UserManager, url: string): Promise<CallbackOutcome> {
  let outcome = outcomes.get(url);
  if (!outcome) {
    outcome = userManager.signinCallback(url).then(
      (user) => ({ returnTo: safeReturnTo((user?.state as SignInState | undefined)?.returnTo), error: null }),
      (error: unknown) => ({
        returnTo: safeReturnTo(error instanceof ErrorResponse ? (error.state as SignInState | undefined)?.returnTo : '/'),
        error: describeSignInError(error),
      }),
    );
    outcomes.set(url, outcome);
  }
  return outcome;
}

export function describeSignInError(error: unknown): { title: string; detail: string } {
  if (error instanceof ErrorResponse) {
    if (error.error === 'access_denied') {
      // The identity host's own wording ("End-User aborted interaction") says less than this.
      return { title: 'Sign-in was cancelled', detail: 'Talkdesk did not grant the dashboard access to your campaigns. Try again when you are ready.' };
    }
    return {
      title: 'Talkdesk could not sign you in',
      detail: error.error_description ?? error.error ?? 'The identity service refused the sign-in.',
    };
  }
  const message = error instanceof Error ? error.message : '';
  if (/No matching state|state/i.test(message)) {
    return { title: 'This sign-in link has expired', detail: 'It was already used or started in another tab. Sign in again.' };
  }
  return { title: 'Sign-in failed', detail: message || 'The sign-in could not be completed.' };
}

export function SignInCallbackRoute() {
  const { getIdentityClient, signIn } = useAuth();
  const navigate = useNavigate();
  const [outcome, setOutcome] = useState<CallbackOutcome | null>(null);

  useEffect(() => {
    let active = true;
    const url = window.location.href;
    void getIdentityClient()
      .then((client) => processCallback(client.userManager, url))
      .then((result) => {
      if (!active) return;
      if (result.error) setOutcome(result);
      else navigate(result.returnTo, { replace: true });
    });
    return () => {
      active = false;
    };
  }, [getIdentityClient, navigate]);

  if (!outcome?.error) return <AuthMessagePage title="Signing you in…" busy />;
  return (
    <AuthMessagePage title={outcome.error.title} detail={outcome.error.detail}>
      <button type="button" onClick={() => void signIn(outcome.returnTo)}>
        Try again
      </button>
    </AuthMessagePage>
  );
}
