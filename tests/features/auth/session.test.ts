import { describe, expect, it } from 'vitest';
import { isExpired, readStoredSession, userStorageKey } from '../../../src/features/auth/session';

const config = { issuer: 'https://acme.talkdeskid.com', clientId: 'dash' };

describe('readStoredSession', () => {
  it('reads the entry oidc-client-ts stores, without loading the library', () => {
    sessionStorage.setItem(
      userStorageKey(config),
      JSON.stringify({ access_token: 'at', refresh_token: 'rt', token_type: 'Bearer', expires_at: 2_000_000_000, profile: { sub: 'u1', name: 'Sam' } }),
    );
    expect(readStoredSession(config)).toEqual({ accessToken: 'at', refreshToken: 'rt', expiresAt: 2_000_000_000, profile: { sub: 'u1', name: 'Sam' } });
    expect(userStorageKey(config)).toBe('oidc.user:https://acme.talkdeskid.com:dash');
  });

  it('treats a missing, corrupt or foreign entry as signed out', () => {
    expect(readStoredSession(config)).toBeNull();
    sessionStorage.setItem(userStorageKey(config), '{not json');
    expect(readStoredSession(config)).toBeNull();
    sessionStorage.setItem(userStorageKey(config), JSON.stringify({ access_token: '', profile: { sub: 'x' } }));
    expect(readStoredSession(config)).toBeNull();
  });

  it('knows an expired session', () => {
    const session = { accessToken: 'a', refreshToken: null, expiresAt: 100, profile: { sub: 'x' } };
    expect(isExpired(session, 100_001)).toBe(true);
    expect(isExpired(session, 99_000)).toBe(false);
  });
});
