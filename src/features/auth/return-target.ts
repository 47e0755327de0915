/*
 * Where a sign-in returns to. Used only with oidc-client-ts (identity-client.ts on the way out, the callback on the
 * way back), so it loads with it, on demand.
 */
import { CALLBACK_PATH } from './auth-paths';

/** What a sign-in carries through the identity host and back: the page to return to. */
export interface SignInState {
  returnTo: string;
}

/** Only a same-origin path may be a return target: never a scheme, a host, or a protocol-relative URL. */
export function safeReturnTo(target: unknown): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) return '/';
  if ([...target].some((char) => char.charCodeAt(0) < 0x20)) return '/';
  try {
    const url = new URL(target, 'https://app.invalid');
    if (url.origin !== 'https://app.invalid') return '/';
    if (url.pathname === CALLBACK_PATH) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
