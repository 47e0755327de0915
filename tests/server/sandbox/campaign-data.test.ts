import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_STATUSES, DATA_REFERENCE_INSTANT, DIALING_MODES, SECURITY_TEST_NAMES, generateCampaignData, generateCampaigns,
} from '../../../src/server/sandbox/campaign-data.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('generateCampaigns', () => {
  const campaigns = generateCampaigns();

  it('is deterministic: the same seed gives the same data, another seed different data', () => {
    expect(generateCampaigns()).toEqual(campaigns);
    expect(generateCampaigns(7, 50)).toEqual(generateCampaigns(7, 50));
    expect(generateCampaigns(8, 50)[10]).not.toEqual(generateCampaigns(7, 50)[10]);
  });

  it('makes 5,000 campaigns by default, with unique uuid ids', () => {
    expect(campaigns).toHaveLength(5000);
    expect(campaigns.every((campaign) => UUID.test(campaign.id))).toBe(true);
    expect(new Set(campaigns.map((campaign) => campaign.id)).size).toBe(5000);
  });

  it('covers every status, dialing mode and priority, with a few campaigns needing action', () => {
    expect(new Set(campaigns.map((c) => c.status))).toEqual(new Set(CAMPAIGN_STATUSES));
    expect(new Set(campaigns.map((c) => c.dialing_mode))).toEqual(new Set(DIALING_MODES));
    expect([...new Set(campaigns.map((c) => c.priority))].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const actionRequired = campaigns.filter((c) => c.action_required).length / campaigns.length;
    expect(actionRequired).toBeGreaterThan(0.04);
    expect(actionRequired).toBeLessThan(0.11);
  });

  it('spreads created_at over the two years before the fixed reference instant, as ISO seconds in UTC', () => {
    const times = campaigns.map((c) => Date.parse(c.created_at));
    expect(campaigns.every((c) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(c.created_at))).toBe(true);
    expect(Math.max(...times)).toBeLessThanOrEqual(DATA_REFERENCE_INSTANT);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(DATA_REFERENCE_INSTANT - 2 * 366 * 24 * 3600 * 1000);
    expect(Math.min(...times)).toBeLessThan(DATA_REFERENCE_INSTANT - 365 * 24 * 3600 * 1000);
  });

  it('has names of 3..35 characters, multilingual, with the security test names', () => {
    expect(campaigns.every((c) => c.name.length >= 3 && c.name.length <= 35)).toBe(true);
    const names = campaigns.map((c) => c.name);
    for (const special of Object.values(SECURITY_TEST_NAMES)) expect(names).toContain(special);
    for (const fragment of ['São Paulo', 'Łódź', 'Müller']) expect(names.some((name) => name.includes(fragment))).toBe(true);
  });

  it('refers to a small set of users, record lists and do-not-call lists', () => {
    const data = generateCampaignData();
    expect(new Set(campaigns.map((c) => c.user_id))).toEqual(new Set(data.userIds));
    expect(new Set(campaigns.map((c) => c.record_list_id)).size).toBeLessThanOrEqual(12);
    expect(new Set(campaigns.map((c) => c.do_not_call_list_id)).size).toBeLessThanOrEqual(4);
  });

  it('gives every campaign dialing sub-objects within the documented ranges', () => {
    for (const { dialing_mode_configuration: config, dialing_strategy: strategy } of campaigns.slice(0, 500)) {
      expect(config.max_abandonment_rate).toBeGreaterThanOrEqual(1);
      expect(config.max_abandonment_rate).toBeLessThanOrEqual(100);
      expect(config.max_dialing_ratio).toBeGreaterThanOrEqual(1);
      expect(config.max_dialing_ratio).toBeLessThanOrEqual(3);
      expect(config.max_ring_time_in_secs).toBeGreaterThanOrEqual(6);
      expect(config.max_ring_time_in_secs).toBeLessThanOrEqual(120);
      expect(config.abandonment_timeout.amount).toBeGreaterThanOrEqual(2);
      expect(config.abandonment_timeout.amount).toBeLessThanOrEqual(30);
      expect(strategy.max_skip_attempts).toBeLessThanOrEqual(20);
      expect(strategy.calling_hours[0]?.week_days).toContain('MONDAY');
      expect(['RETRY', 'FINAL']).toContain(strategy.dispositions.busy.status_after_call);
      expect(strategy.record_chain.length).toBeGreaterThan(0);
    }
  });
});
