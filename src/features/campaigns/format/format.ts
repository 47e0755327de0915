// Made on first use: building Intl formatters is slow, and the boot script imports this module before it sends
// the first request (see src/first-screen/boot.ts).
let relativeFormat: Intl.RelativeTimeFormat | undefined;
let exactFormat: Intl.DateTimeFormat | undefined;
let countFormat: Intl.NumberFormat | undefined;
const relative = () => (relativeFormat ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }));
const exact = () => (exactFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
const count = () => (countFormat ??= new Intl.NumberFormat());

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function formatRelativeTime(iso: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative().format(Math.round(seconds / size), unit);
  }
  return relative().format(0, 'minute');
}

// Formatting dates with Intl is the costliest part of a row: each instant is formatted once.
const exactCache = new Map<string, string>();

export function formatDateTime(iso: string): string {
  let text = exactCache.get(iso);
  if (text === undefined) {
    text = exact().format(new Date(iso));
    if (exactCache.size > 5_000) exactCache.clear();
    exactCache.set(iso, text);
  }
  return text;
}

/** Builds the formatters now, e.g. while waiting for the first rows, so that formatting them starts at once. */
export function prepareFormatters(): void {
  relative();
  exact();
  count();
}

export function formatDialingMode(mode: string): string {
  return mode.charAt(0) + mode.slice(1).toLowerCase();
}

export function formatCount(value: number): string {
  return count().format(value);
}

export function formatCampaignCount(total: number): string {
  return `${formatCount(total)} ${total === 1 ? 'campaign' : 'campaigns'}`;
}
