import { describe, expect, it } from 'vitest';
import { renewalDelay } from '../../../src/features/auth/token-renewal';

const NOW = 1_700_000_000_000;
const inSeconds = (seconds: number) => NOW / 1000 + seconds;

describe('renewalDelay', () => {
  it('renews an hour-long token 30 seconds before it expires', () => {
    expect(renewalDelay(inSeconds(3600), NOW)).toBe(3_570_000);
  });

  it('renews a token with under a minute left half-way through what remains, so it does not renew in a loop', () => {
    expect(renewalDelay(inSeconds(40), NOW)).toBe(20_000);
    expect(renewalDelay(inSeconds(2), NOW)).toBe(1_000);
  });

  it('renews a token that has already expired at once', () => {
    expect(renewalDelay(inSeconds(-5), NOW)).toBe(0);
  });
});
