import { describe, expect, it } from 'vitest';
import { generateCampaigns } from '../../../src/server/sandbox/campaign-data.ts';
import { createCampaignIndex, normalizeForSearch, runCampaignQuery } from '../../../src/server/sandbox/campaign-index.ts';
import { parseCampaignQuery, parseCreatedAtBound } from '../../../src/server/sandbox/campaign-query.ts';

const parse = (query: string) => parseCampaignQuery(new URLSearchParams(query));
const fieldNames = (query: string): string[] => {
  const result = parse(query);
  return result.ok ? [] : result.fields.map((field) => field.name);
};

describe('normalizeForSearch', () => {
  it('folds case, accents and letters NFD cannot split', () => {
    expect(normalizeForSearch('São Paulo')).toBe('sao paulo');
    expect(normalizeForSearch('Łódź')).toBe('lodz');
    expect(normalizeForSearch('MÜLLER')).toBe('muller');
    expect(normalizeForSearch('Großhandel Tromsø Ærø')).toBe('grosshandel tromso aero');
  });
});

describe('parseCreatedAtBound', () => {
  it('reads RFC 3339 date-times and whole days', () => {
    expect(parseCreatedAtBound('2026-05-01T10:00:00Z', 'start')).toBe(Date.UTC(2026, 4, 1, 10));
    expect(parseCreatedAtBound('2026-05-01T12:00:00+02:00', 'start')).toBe(Date.UTC(2026, 4, 1, 10));
    expect(parseCreatedAtBound('2026-05-01T10:00:00.250Z', 'end')).toBe(Date.UTC(2026, 4, 1, 10, 0, 0, 250));
    expect(parseCreatedAtBound('2026-05-01', 'start')).toBe(Date.UTC(2026, 4, 1));
    expect(parseCreatedAtBound('2026-05-01', 'end')).toBe(Date.UTC(2026, 4, 2) - 1);
  });

  it('refuses malformed or impossible dates', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '01/05/2026', '2026-05-01T10:00:00', '2026-05-01 10:00:00Z', 'yesterday', '']) {
      expect(parseCreatedAtBound(bad, 'start')).toBeUndefined();
    }
  });
});

describe('parseCampaignQuery', () => {
  it('defaults to page 1 of 50, newest first', () => {
    expect(parse('')).toEqual({
      ok: true,
      query: { page: 1, perPage: 50, expand: [], orderBy: { key: 'created_at', direction: 'desc' } },
    });
  });

  it('reads every documented parameter', () => {
    const result = parse('page=3&per_page=100&created_at_from=2026-01-01&created_at_to=2026-02-01T00:00:00Z'
      + '&expand=dialing_strategy,dialing_mode_configuration&action_required=true&dialing_mode=PREVIEW'
      + '&do_not_call_list_id=d&name=N&order_by=name&priority=10&record_list_id=r&search=s&status=RUNNING&user_id=u&other=1');
    expect(result).toEqual({
      ok: true,
      query: {
        page: 3, perPage: 100,
        createdAt: { fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2026, 1, 1) },
        expand: ['dialing_mode_configuration', 'dialing_strategy'],
        actionRequired: true, dialingMode: 'PREVIEW', doNotCallListId: 'd', name: 'N',
        orderBy: { key: 'name', direction: 'asc' }, priority: 10, recordListId: 'r', search: 's',
        status: 'RUNNING', userId: 'u',
      },
    });
  });

  it.each([
    ['page=0', 'page'], ['page=-1', 'page'], ['page=abc', 'page'],
    ['per_page=0', 'per_page'], ['per_page=101', 'per_page'], ['per_page=1.5', 'per_page'],
    ['priority=11', 'priority'], ['priority=0', 'priority'], ['priority=abc', 'priority'],
    ['status=done', 'status'], ['order_by=name:up', 'order_by'], ['order_by=status', 'order_by'],
    ['dialing_mode=MANUAL', 'dialing_mode'], ['action_required=yes', 'action_required'],
    ['expand=everything', 'expand'],
    ['created_at_from=2026-01-01', 'created_at_to'], ['created_at_to=2026-01-01', 'created_at_from'],
    ['created_at_from=2026-01-32&created_at_to=2026-02-01', 'created_at_from'],
    ['created_at_from=2026-01-01&created_at_to=tomorrow', 'created_at_to'],
    ['created_at_from=2026-03-01&created_at_to=2026-02-01', 'created_at_from'],
    ['name=' + 'x'.repeat(36), 'name'], ['search=' + 'x'.repeat(36), 'search'],
    ['status=ready&status=paused', 'status'],
  ])('refuses %s, naming %s', (query, field) => {
    expect(fieldNames(query)).toEqual([field]);
  });

  it('reports every bad parameter at once', () => {
    expect(fieldNames('page=0&per_page=101&priority=abc&status=x')).toEqual(['page', 'per_page', 'priority', 'status']);
  });

  it('accepts status in either case', () => {
    expect(parse('status=paused')).toMatchObject({ ok: true, query: { status: 'PAUSED' } });
    expect(parse('status=PAUSED')).toMatchObject({ ok: true, query: { status: 'PAUSED' } });
  });
});

describe('runCampaignQuery', () => {
  const campaigns = generateCampaigns(3, 300);
  const index = createCampaignIndex(campaigns);
  const query = (search: string) => {
    const parsed = parseCampaignQuery(new URLSearchParams(search));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
    return runCampaignQuery(index, parsed.query);
  };

  it('pages through a total order: every campaign exactly once', () => {
    const seen = [1, 2, 3].flatMap((page) => query(`per_page=100&page=${page}&order_by=priority`).campaigns.map((c) => c.id));
    expect(new Set(seen).size).toBe(300);
  });

  it('answers a page past the end with no rows and the true totals', () => {
    expect(query('page=99')).toEqual({ total: 300, totalPages: 6, campaigns: [] });
  });

  it('breaks ties by id so equal keys keep a stable order', () => {
    const rows = query('order_by=priority:desc&per_page=100').campaigns;
    for (let i = 1; i < rows.length; i += 1) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(a.priority > b.priority || (a.priority === b.priority && a.id < b.id)).toBe(true);
    }
  });
});
