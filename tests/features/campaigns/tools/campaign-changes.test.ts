import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../../src/features/campaigns/api/campaign-schemas';
import { changedCampaigns, describeChanges } from '../../../../src/features/campaigns/tools/campaign-changes';

const campaign = (id: string, changes: Partial<Campaign> = {}): Campaign =>
  ({
    id,
    name: `Campaign ${id}`,
    status: 'RUNNING',
    dialing_mode: 'PREDICTIVE',
    priority: 5,
    run_once: false,
    action_required: false,
    created_at: '2026-10-01T10:00:00Z',
    ...changes,
  }) as Campaign;

describe('changedCampaigns', () => {
  it('names the campaigns whose status, priority, action_required or name changed, in the new order', () => {
    const before = [campaign('a'), campaign('b'), campaign('c'), campaign('d'), campaign('e')];
    const after = [
      campaign('e', { name: 'Renamed' }),
      campaign('a'),
      campaign('b', { status: 'PAUSED' }),
      campaign('c', { priority: 9 }),
      campaign('d', { action_required: true }),
    ];
    expect(changedCampaigns(before, after)).toEqual([
      { id: 'e', name: 'Renamed', nowNeedsAction: false },
      { id: 'b', name: 'Campaign b', nowNeedsAction: false },
      { id: 'c', name: 'Campaign c', nowNeedsAction: false },
      { id: 'd', name: 'Campaign d', nowNeedsAction: true },
    ]);
  });

  it('ignores campaigns new to the page and fields nobody watches', () => {
    expect(changedCampaigns([campaign('a')], [campaign('a', { run_once: true }), campaign('new')])).toEqual([]);
  });

  it('says a campaign no longer needing action changed, without saying it needs action', () => {
    expect(changedCampaigns([campaign('a', { action_required: true })], [campaign('a')])).toEqual([{ id: 'a', name: 'Campaign a', nowNeedsAction: false }]);
  });
});

describe('describeChanges', () => {
  const change = (id: string, nowNeedsAction = false) => ({ id, name: `Campaign ${id}`, nowNeedsAction });

  it('says nothing when nothing changed', () => {
    expect(describeChanges([])).toBe('');
  });

  it('counts the changes and names the one that now needs action', () => {
    expect(describeChanges([change('a')])).toBe('1 campaign changed.');
    expect(describeChanges([change('a'), change('b')])).toBe('2 campaigns changed.');
    expect(describeChanges([change('a'), change('b', true)])).toBe('2 campaigns changed. Campaign b now needs action.');
    expect(describeChanges([change('a', true), change('b', true), change('c')])).toBe('3 campaigns changed. 2 of them now need action.');
  });
});
