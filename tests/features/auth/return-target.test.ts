import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../../src/features/auth/return-target';

describe('safeReturnTo: where a supervisor lands after sign-in', () => {
  it('keeps a same-origin path with its query and hash, so a shared filtered link survives sign-in', () => {
    expect(safeReturnTo('/?status=running&order_by=name:asc')).toBe('/?status=running&order_by=name:asc');
    expect(safeReturnTo('/campaigns/abc?page=2#x')).toBe('/campaigns/abc?page=2#x');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    'javascript:alert(1)',
    '/\tjavascript:alert(1)',
    'evil.example',
    '',
    undefined,
    42,
    '/auth/callback?code=abc&state=x',
  ])('refuses %j and falls back to the list', (target) => {
    expect(safeReturnTo(target)).toBe('/');
  });
});
