/*
 * The auth state as every page reads it. Kept apart from the provider, which loads oidc-client-ts on demand, so
 * that the sign-in callback (part of that on-demand chunk) reads the state without importing its own loader.
 */
import { createContext, useContext } from 'react';
import type { IdentityClient } from './identity-client';
import type { Session } from './session';

export interface AuthState {
  session: Session | null;
  /** True once sign-out has begun: protected pages wait instead of starting a new sign-in. */
  signingOut: boolean;
  regionLabel: string;
  /** oidc-client-ts, loaded on first use: signing in, renewing or signing out. */
  getIdentityClient: () => Promise<IdentityClient>;
  getAccessToken: () => string | null;
  /** One renewal with the refresh token; when it fails, a fresh sign-in that comes back to this URL. */
  renewAfterUnauthorized: () => Promise<string | null>;
  signIn: (returnTo?: string) => Promise<void>;
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
