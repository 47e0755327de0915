/*
 * Deterministic campaign data for the sandbox: the same seed always yields the same campaigns, because
 * every value (ids and dates included) comes from one seeded PRNG and a fixed reference instant.
 */

export const CAMPAIGN_STATUSES = ['INCOMPLETE', 'READY', 'RUNNING', 'PAUSED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const DIALING_MODES = ['PREDICTIVE', 'PREVIEW'] as const;
export type DialingMode = (typeof DIALING_MODES)[number];

export const DEFAULT_SEED = 20261101;
export const DEFAULT_CAMPAIGN_COUNT = 5000;
/** created_at values lie in the two years before this instant, never relative to Date.now(). */
export const DATA_REFERENCE_INSTANT = Date.UTC(2026, 10, 1);
const TWO_YEARS_MS = 2 * 365 * 24 * 60 * 60 * 1000;

export const SECURITY_TEST_NAMES = {
  markup: '<img src=x onerror=alert(1)>',
  rightToLeft: 'حملة الرياض للولاء',
  emoji: '🎉 Summer promo 🎉',
} as const;

export interface DialingModeConfiguration {
  answering_machine_detection: boolean;
  max_abandonment_rate: number;
  max_dialing_ratio: number;
  max_ring_time_in_secs: number;
  abandonment_timeout: { amount: number; unit: 'SECONDS' };
}

export type RetryTimeUnit = 'MINUTES' | 'HOURS' | 'DAYS';
export interface Disposition { status_after_call: 'RETRY' | 'FINAL'; max_attempts: number }
export interface DialingStrategy {
  strategy_type: 'AUTOMATIC' | 'MANUAL';
  max_attempts: number;
  max_skip_attempts: number;
  preview_timeout: number;
  retry_period: number;
  retry_time_unit: RetryTimeUnit;
  calling_hours: Array<{ from: string; to: string; week_days: string[] }>;
  dispositions: Record<'busy' | 'no_answer' | 'abandoned' | 'answering_machine' | 'invalid_number', Disposition>;
  record_chain: Array<{ type: 'MOBILE' | 'HOME' | 'OFFICE'; max_attempts: number; retry_period: number }>;
}

export interface Campaign {
  id: string;
  name: string;
  dialing_mode: DialingMode;
  priority: number;
  run_once: boolean;
  action_required: boolean;
  status: CampaignStatus;
  created_at: string;
  user_id: string;
  record_list_id: string;
  do_not_call_list_id: string;
  dialing_mode_configuration: DialingModeConfiguration;
  dialing_strategy: DialingStrategy;
}

export interface CampaignDataSet {
  campaigns: Campaign[];
  userIds: string[];
  recordListIds: string[];
  doNotCallListIds: string[];
}

/** mulberry32: tiny, fast and good enough for test data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const intBetween = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function uuidFrom(random: Random): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const PLACES = [
  'São Paulo', 'Lisboa', 'Porto', 'Łódź', 'Kraków', 'München', 'Zürich', 'Köln', 'Málaga', 'Sevilla',
  'Montréal', 'Québec', 'Genève', 'Göteborg', 'Århus', 'Tromsø', 'Reykjavík', 'Dublin', 'Chicago', 'Austin',
  'Toronto', 'Sydney', 'Bogotá', 'Medellín', 'Curaçao', 'İstanbul', 'Paris', 'Besançon', 'Gdańsk', 'Brașov',
];
const TOPICS = [
  'Renovações', 'winback', 'Kundenrückruf', 'loyalty outreach', 'renewals', 'upsell', 'NPS survey', 'collections',
  'onboarding', 'Rückgewinnung', 'fidélisation', 'cobranças', 'encuesta NPS', 'odnowienia', 'reactivation',
  'appointment reminders', 'cross-sell', 'retenção', 'Terminerinnerung', 'relance',
];
const BRANDS = ['Müller', 'Café', 'Crème', 'Señor', 'Björk', 'Nørgaard', 'Großhandel', 'Dvořák', 'Ærø', 'Acme', 'Northwind'];
const SUFFIXES = ['Q1', 'Q2', 'Q3', 'Q4', '2025', '2026', 'EMEA', 'wave 2', 'pilot', 'B2B', 'VIP'];
const OCCASIONAL_NAMES = ['東京 顧客満足度調査', 'キャンペーン 大阪 Q2', 'عروض رمضان', '🚀 Launch follow-up', 'Black Friday 🛍️'];

const MAX_NAME_LENGTH = 35;

/** Keeps names within 3..35 UTF-16 units without cutting a surrogate pair in half. */
function fitName(raw: string): string {
  let name = '';
  for (const char of raw) {
    if (name.length + char.length > MAX_NAME_LENGTH) break;
    name += char;
  }
  name = name.trim();
  return name.length >= 3 ? name : `${name} campaign`.slice(0, MAX_NAME_LENGTH);
}

function campaignName(random: Random): string {
  const roll = random();
  if (roll < 0.02) return pick(random, OCCASIONAL_NAMES);
  if (roll < 0.35) return fitName(`${pick(random, TOPICS)} ${pick(random, PLACES)} ${pick(random, SUFFIXES)}`);
  if (roll < 0.6) return fitName(`${pick(random, BRANDS)} ${pick(random, TOPICS)}`);
  if (roll < 0.85) return fitName(`${pick(random, PLACES)} ${pick(random, TOPICS)}`);
  return fitName(`${pick(random, BRANDS)} ${pick(random, PLACES)} ${pick(random, SUFFIXES)}`);
}

const WEEK_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

function dialingModeConfiguration(random: Random): DialingModeConfiguration {
  return {
    answering_machine_detection: random() < 0.5,
    max_abandonment_rate: intBetween(random, 1, 100),
    max_dialing_ratio: intBetween(random, 1, 3),
    max_ring_time_in_secs: intBetween(random, 6, 120),
    abandonment_timeout: { amount: intBetween(random, 2, 30), unit: 'SECONDS' },
  };
}

function disposition(random: Random): Disposition {
  return { status_after_call: random() < 0.7 ? 'RETRY' : 'FINAL', max_attempts: intBetween(random, 1, 5) };
}

function dialingStrategy(random: Random): DialingStrategy {
  const weekend = random() < 0.2;
  return {
    strategy_type: random() < 0.6 ? 'AUTOMATIC' : 'MANUAL',
    max_attempts: intBetween(random, 1, 10),
    max_skip_attempts: intBetween(random, 0, 20),
    preview_timeout: intBetween(random, 10, 120),
    retry_period: intBetween(random, 1, 48),
    retry_time_unit: pick(random, ['MINUTES', 'HOURS', 'DAYS'] as const),
    calling_hours: [
      { from: `${String(intBetween(random, 8, 10)).padStart(2, '0')}:00`, to: `${intBetween(random, 17, 20)}:00`, week_days: WEEK_DAYS.slice(0, 5) },
      ...(weekend ? [{ from: '10:00', to: '14:00', week_days: WEEK_DAYS.slice(5) }] : []),
    ],
    dispositions: {
      busy: disposition(random),
      no_answer: disposition(random),
      abandoned: disposition(random),
      answering_machine: disposition(random),
      invalid_number: { status_after_call: 'FINAL', max_attempts: 1 },
    },
    record_chain: (['MOBILE', 'HOME', 'OFFICE'] as const)
      .filter((_, index) => index === 0 || random() < 0.5)
      .map((type) => ({ type, max_attempts: intBetween(random, 1, 3), retry_period: intBetween(random, 5, 120) })),
  };
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function weightedStatus(random: Random): CampaignStatus {
  const roll = random();
  if (roll < 0.15) return 'INCOMPLETE';
  if (roll < 0.4) return 'READY';
  if (roll < 0.75) return 'RUNNING';
  return 'PAUSED';
}

/** Generates `count` campaigns (and the ids they refer to) from `seed`: pure and deterministic. */
export function generateCampaignData(seed: number = DEFAULT_SEED, count: number = DEFAULT_CAMPAIGN_COUNT): CampaignDataSet {
  const random = mulberry32(seed);
  const userIds = Array.from({ length: 8 }, () => uuidFrom(random));
  const recordListIds = Array.from({ length: 12 }, () => uuidFrom(random));
  const doNotCallListIds = Array.from({ length: 4 }, () => uuidFrom(random));
  const specialNames = Object.values(SECURITY_TEST_NAMES);

  const campaigns = Array.from({ length: count }, (_, index): Campaign => ({
    id: uuidFrom(random),
    // The security test names sit at fixed positions so that even a small data set contains them.
    name: index < specialNames.length ? (specialNames[index] as string) : campaignName(random),
    dialing_mode: random() < 0.5 ? 'PREDICTIVE' : 'PREVIEW',
    priority: intBetween(random, 1, 10),
    run_once: random() < 0.3,
    action_required: random() < 0.07,
    status: weightedStatus(random),
    created_at: isoSeconds(DATA_REFERENCE_INSTANT - Math.floor(random() * TWO_YEARS_MS)),
    user_id: pick(random, userIds),
    record_list_id: pick(random, recordListIds),
    do_not_call_list_id: pick(random, doNotCallListIds),
    dialing_mode_configuration: dialingModeConfiguration(random),
    dialing_strategy: dialingStrategy(random),
  }));

  return { campaigns, userIds, recordListIds, doNotCallListIds };
}

export function generateCampaigns(seed: number = DEFAULT_SEED, count: number = DEFAULT_CAMPAIGN_COUNT): Campaign[] {
  return generateCampaignData(seed, count).campaigns;
}
