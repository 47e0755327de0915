import { lazy, Suspense } from 'react';

/**
 * The pages shown only around signing in and out (the sign-in callback, signed out, no access): each is loaded with
 * oidc-client-ts, which what they offer needs anyway, when it is first rendered, and shows nothing until then.
 */
export function lazyAuthPage(name: 'SignInCallbackRoute' | 'SignedOutRoute' | 'ForbiddenPage') {
  const Page = lazy(() => import('./oidc-client').then((module) => ({ default: module[name] })));
  return function AuthPage() {
    return (
      <Suspense fallback={null}>
        <Page />
      </Suspense>
    );
  };
}
