/*
 * Everything that needs oidc-client-ts, as one module loaded on demand: signing in, the callback, renewing and
 * signing out, and the pages that offer to sign in or out (auth-pages.ts). One chunk with the library, so whichever
 * is needed first loads in one request.
 */
export { createIdentityClient } from './identity-client';
export { SignInCallbackRoute } from './sign-in-callback-route';
export { SignedOutRoute } from './signed-out-route';
export { ForbiddenPage } from './forbidden-page';
