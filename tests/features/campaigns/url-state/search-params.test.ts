import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type CampaignFilters } from '../../../../src/features/campaigns/url-state/campaign-filters';
import { parseCampaignSearch, toSearchString } from '../../../../src/features/campaigns/url-state/search-params';

const PARAM_NAMES = [
  'status', 'dialing_mode', 'priority', 'action_required', 'search', 'name', 'user_id', 'record_list_id',
  'do_not_call_list_id', 'created_from', 'created_to', 'order_by', 'page', 'per_page',
];

describe('parseCampaignSearch', () => {
  it('reads a shared link into the exact view it names', () => {
    const { filters, ignored } = parseCampaignSearch(
      '?status=running&dialing_mode=preview&priority=3&action_required=true&search=S%C3%A3o%20Paulo&created_from=2026-01-01&created_to=2026-03-31&order_by=priority:desc&page=4&per_page=25&user_id=u-1',
    );
    expect(ignored).toEqual([]);
    expect(filters).toEqual<CampaignFilters>({
      ...DEFAULT_FILTERS,
      status: 'running',
      dialingMode: 'PREVIEW',
      priority: 3,
      actionRequired: true,
      search: 'São Paulo',
      createdFrom: '2026-01-01',
      createdTo: '2026-03-31',
      sort: { field: 'priority', direction: 'desc' },
      page: 4,
      perPage: 25,
      userId: 'u-1',
    });
  });

  it('falls back to defaults for each bad value and says what it ignored', () => {
    const { filters, ignored } = parseCampaignSearch('priority=abc&per_page=1000&page=-3&status=bogus&utm_source=mail&order_by=id');
    expect(filters).toEqual(DEFAULT_FILTERS);
    expect(ignored).toEqual([
      'Ignored priority=“abc”: priority must be a whole number from 1 to 10.',
      'Ignored per_page=“1000”: rows per page must be one of 10, 25, 50, 100.',
      'Ignored page=“-3”: the page must be a whole number from 1 to 9999.',
      'Ignored status=“bogus”: it must be one of incomplete, ready, running, paused.',
      'Ignored unknown parameter “utm_source”.',
      'Ignored order_by=“id”: it must be one of name, created_at, dialing_mode, priority, optionally followed by :asc or :desc.',
    ]);
  });

  it('ignores a parameter given twice rather than guessing which one was meant', () => {
    const { filters, ignored } = parseCampaignSearch('status=ready&status=paused&priority=2');
    expect(filters.status).toBeNull();
    expect(filters.priority).toBe(2);
    expect(ignored).toEqual(['Ignored “status”: it was given 2 times.']);
  });

  it('drops a date range whose start is after its end, and impossible dates', () => {
    expect(parseCampaignSearch('created_from=2026-05-01&created_to=2026-04-01').filters).toMatchObject({ createdFrom: null, createdTo: null });
    const { filters, ignored } = parseCampaignSearch('created_from=2026-02-30&created_to=2026-03-01');
    expect(filters).toMatchObject({ createdFrom: null, createdTo: '2026-03-01' });
    expect(ignored[0]).toMatch(/created_from/);
  });

  it('refuses search text longer than the API accepts', () => {
    const { filters, ignored } = parseCampaignSearch(`search=${'a'.repeat(36)}`);
    expect(filters.search).toBe('');
    expect(ignored[0]).toMatch(/at most 35 characters/);
  });

  it('measures text once normalised, as the API and the link receive it', () => {
    // U+0344 is one character typed and two once normalised (U+0308 U+0301).
    const expanding = parseCampaignSearch(`search=${encodeURIComponent('\u0344'.repeat(35))}`);
    expect(expanding.filters.search).toBe('');
    expect(expanding.ignored).toEqual([`Ignored search=“${'\u0344'.repeat(35).slice(0, 40)}”: it must be at most 35 characters.`]);
    // 36 characters typed, 18 once "e" and its accent are composed: within the limit.
    const composing = parseCampaignSearch(`name=${encodeURIComponent('e\u0301'.repeat(18))}`);
    expect(composing).toEqual({ filters: { ...DEFAULT_FILTERS, name: '\u00e9'.repeat(18) }, ignored: [] });
  });
});

describe('toSearchString', () => {
  it('leaves defaults out, so the default view has a bare URL', () => {
    expect(toSearchString(DEFAULT_FILTERS)).toBe('');
    expect(toSearchString({ ...DEFAULT_FILTERS, page: 2, perPage: 100, sort: { field: 'name', direction: 'asc' } })).toBe(
      'order_by=name:asc&per_page=100&page=2',
    );
  });
});

/**
 * Text from anywhere in Unicode: whole graphemes (emoji sequences, combining marks), any code point (astral ones
 * too), and mixes of the characters that change length when normalised (U+0344 and others that NFC expands, a mark
 * that composes with the letter before it, a lone mark, a joiner).
 */
const unicodeText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({
      unit: fc.constantFrom('\u0344', '\u0f73', '\ufb2c', '\u{1d15f}', '\u{1d160}', 'e\u0301', '\u0301', 'a', ' ', '\u{1f469}\u200d\u{1f467}', '\u200d'),
      maxLength,
      // Lengths across the whole range, not only short ones: the limits are at 35 and 36.
      size: 'max',
    }),
  );

const arbitraryQuery = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...PARAM_NAMES), unicodeText(12)),
      fc.oneof(
        unicodeText(40),
        fc.constantFrom('1', '10', '11', '0', '-1', 'true', 'false', 'RUNNING', 'paused', 'preview', 'name:desc', 'priority', '2026-02-29', '2024-02-29', '25', '100'),
        fc.integer({ min: -5, max: 20000 }).map(String),
        fc.date({ min: new Date('1960-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      ),
    ),
    { maxLength: 10 },
  )
  .map((pairs) => {
    const params = new URLSearchParams();
    for (const [key, value] of pairs) params.append(key, value);
    return params.toString();
  });

describe('URL state properties', () => {
  it('parses any query string without throwing into a complete valid state', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryQuery, unicodeText(200)), (query) => {
        const { filters } = parseCampaignSearch(query);
        // What the API receives: normalised text within its limits, in characters (code points).
        for (const [value, max] of [[filters.search, 35], [filters.name, 35], [filters.userId, 36], [filters.recordListId, 36], [filters.doNotCallListId, 36]] as const) {
          expect([...value].length).toBeLessThanOrEqual(max);
          expect(value).toBe(value.normalize('NFC'));
        }
        expect(Object.keys(filters).sort()).toEqual(Object.keys(DEFAULT_FILTERS).sort());
        expect([10, 25, 50, 100]).toContain(filters.perPage);
        expect(filters.page).toBeGreaterThanOrEqual(1);
        if (filters.priority !== null) expect(filters.priority).toBeGreaterThanOrEqual(1);
        if (filters.createdFrom && filters.createdTo) expect(filters.createdFrom <= filters.createdTo).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('serialising a parsed URL is a fixed point: the canonical URL parses to the same state, cleanly', () => {
    fc.assert(
      fc.property(arbitraryQuery, (query) => {
        const first = parseCampaignSearch(query);
        const canonical = toSearchString(first.filters);
        const second = parseCampaignSearch(canonical);
        expect(second.ignored).toEqual([]);
        expect(second.filters).toEqual(first.filters);
        expect(toSearchString(second.filters)).toBe(canonical);
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);
});
