import { lazy } from 'react';

/**
 * The pages shown only around signing in and out (the sign-in callback, signed out, no access): each is loaded with
 * oidc-client-ts, which what they offer needs anyway, when it is first rendered.
 */
export const lazyAuthPage = (name: 'SignInCallbackRoute' | 'SignedOutRoute' | 'ForbiddenPage') =>
  lazy(() => import('./oidc-client').then((module) => ({ default: module[name] })));
