import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../../../src/features/campaigns/url-state/campaign-filters';
import { toApiQuery } from '../../../../src/features/campaigns/api/to-api-query';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

const NOW = new Date('2026-11-28T12:00:00.000Z');

describe('toApiQuery', () => {
  it('names every filter as the API expects, with status in lower case and the default sort explicit', () => {
    const query = toApiQuery(
      {
        ...DEFAULT_FILTERS,
        status: 'paused',
        dialingMode: 'PREDICTIVE',
        priority: 7,
        actionRequired: true,
        search: 'café',
        name: 'Exact',
        userId: 'u1',
        recordListId: 'r1',
        doNotCallListId: 'd1',
        page: 3,
        perPage: 25,
      },
      NOW,
    );
    expect(Object.fromEntries(query)).toEqual({
      page: '3',
      per_page: '25',
      order_by: 'created_at:desc',
      status: 'paused',
      dialing_mode: 'PREDICTIVE',
      priority: '7',
      action_required: 'true',
      search: 'café',
      name: 'Exact',
      user_id: 'u1',
      record_list_id: 'r1',
      do_not_call_list_id: 'd1',
    });
  });

  it.each([
    ['UTC', '2026-03-01T00:00:00.000Z', '2026-03-31T23:59:59.999Z'],
    ['America/New_York', '2026-03-01T05:00:00.000Z', '2026-04-01T03:59:59.999Z'],
    ['Asia/Tokyo', '2026-02-28T15:00:00.000Z', '2026-03-31T14:59:59.999Z'],
    ['Europe/Lisbon', '2026-03-01T00:00:00.000Z', '2026-03-31T22:59:59.999Z'],
  ])('reads calendar dates as whole days in the viewer’s zone (%s)', (zone, from, to) => {
    process.env.TZ = zone;
    const query = toApiQuery({ ...DEFAULT_FILTERS, createdFrom: '2026-03-01', createdTo: '2026-03-31' }, NOW);
    expect(query.get('created_at_from')).toBe(from);
    expect(query.get('created_at_to')).toBe(to);
  });

  it('completes a lone bound, because the API rejects one without the other', () => {
    process.env.TZ = 'UTC';
    const fromOnly = toApiQuery({ ...DEFAULT_FILTERS, createdFrom: '2026-06-01' }, NOW);
    expect(fromOnly.get('created_at_from')).toBe('2026-06-01T00:00:00.000Z');
    expect(fromOnly.get('created_at_to')).toBe(NOW.toISOString());
    const toOnly = toApiQuery({ ...DEFAULT_FILTERS, createdTo: '2026-06-01' }, NOW);
    expect(toOnly.get('created_at_from')).toBe('1970-01-01T00:00:00.000Z');
    expect(toOnly.get('created_at_to')).toBe('2026-06-01T23:59:59.999Z');
  });

  it('sends no date parameters when no date is chosen', () => {
    const query = toApiQuery(DEFAULT_FILTERS, NOW);
    expect(query.has('created_at_from')).toBe(false);
    expect(query.has('created_at_to')).toBe(false);
  });
});
