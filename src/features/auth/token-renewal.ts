import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { IdentityClient } from './identity-client';
import { isExpired, type Session } from './session';

const RENEW_AHEAD_MS = 30_000;
const RENEW_RETRY_MS = 10_000;

/**
 * Milliseconds from `now` until a token that expires at `expiresAt` (seconds since the epoch) is renewed: 30 s
 * ahead of expiry, or half-way through a shorter remaining life so that short-lived tokens do not renew in a loop.
 */
export function renewalDelay(expiresAt: number, now: number): number {
  const remaining = expiresAt * 1000 - now;
  return Math.max(0, remaining - Math.min(RENEW_AHEAD_MS, remaining / 2));
}

/**
 * Keeps the session's access token fresh with its refresh token, ahead of expiry; if the identity host is down, it
 * keeps trying until the token runs out. Returns the renewal the HTTP client calls after a 401.
 */
export function useTokenRenewal(
  session: Session | null,
  sessionRef: RefObject<Session | null>,
  getIdentityClient: () => Promise<IdentityClient>,
  signIn: () => Promise<void>,
): () => Promise<string | null> {
  const renewal = useRef<Promise<string | null> | null>(null);

  // Every renewal in this tab goes through this one promise: a refresh token is used once, so rotation never
  // sees this tab reuse one (a reuse makes the identity host revoke the whole grant).
  const renew = useCallback(() => {
    renewal.current ??= getIdentityClient()
      .then((client) => client.renew())
      .catch(() => null)
      .finally(() => {
        renewal.current = null;
      });
    return renewal.current;
  }, [getIdentityClient]);

  const renewAfterUnauthorized = useCallback(async () => {
    const token = await renew();
    if (token) return token;
    await (await getIdentityClient()).userManager.removeUser();
    await signIn();
    return null;
  }, [renew, getIdentityClient, signIn]);

  useEffect(() => {
    if (!session?.refreshToken || session.expiresAt === null) return;
    let timer = window.setTimeout(function attempt() {
      void renew().then((token) => {
        if (token) return;
        const current = sessionRef.current;
        if (!current || isExpired(current)) void renewAfterUnauthorized();
        else timer = window.setTimeout(attempt, RENEW_RETRY_MS);
      });
    }, renewalDelay(session.expiresAt, Date.now()));
    return () => window.clearTimeout(timer);
  }, [session, sessionRef, renew, renewAfterUnauthorized]);

  return renewAfterUnauthorized;
}
