/*
 * The signed-in session as the app uses it, read straight from sessionStorage so that a returning supervisor sees
 * campaigns without first downloading oidc-client-ts: the library is loaded only to sign in, renew or sign out.
 * The entry is the one oidc-client-ts writes (`User.toStorageString()`, prefix `oidc.`); it is parsed, not trusted.
 */
import * as z from 'zod/mini';
import type { RuntimeConfig } from '../../config/runtime-config';

export interface Session {
  accessToken: string;
  refreshToken: string | null;
  /** Seconds since the epoch, as the token response said; null when unknown. */
  expiresAt: number | null;
  profile: { sub: string; name?: string; email?: string };
}

const storedUserSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.optional(z.nullable(z.string())),
  expires_at: z.optional(z.nullable(z.number())),
  profile: z.object({ sub: z.string(), name: z.optional(z.string()), email: z.optional(z.string()) }),
});

export const USER_STORE_PREFIX = 'oidc.';

export function userStorageKey(config: Pick<RuntimeConfig, 'issuer' | 'clientId'>): string {
  return `${USER_STORE_PREFIX}user:${config.issuer}:${config.clientId}`;
}

/** The fields the app needs from what oidc-client-ts stored (or returned), or null if it is absent or malformed. */
export function toSession(stored: unknown): Session | null {
  const parsed = storedUserSchema.safeParse(stored);
  if (!parsed.success) return null;
  const user = parsed.data;
  return {
    accessToken: user.access_token,
    refreshToken: user.refresh_token ?? null,
    expiresAt: user.expires_at ?? null,
    profile: user.profile,
  };
}

export function readStoredSession(config: Pick<RuntimeConfig, 'issuer' | 'clientId'>, storage: Storage = window.sessionStorage): Session | null {
  const raw = storage.getItem(userStorageKey(config));
  if (!raw) return null;
  try {
    return toSession(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt !== null && session.expiresAt * 1000 <= now;
}

/** Marks where the layout shows who is signed in (the boot script writes the name into the drawn screen). */
export const SIGNED_IN_USER_ATTRIBUTE = 'data-signed-in-user';

export function displayName(session: Session | null): string {
  return session?.profile.name ?? session?.profile.email ?? session?.profile.sub ?? '';
}
