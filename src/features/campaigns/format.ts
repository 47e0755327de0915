const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

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
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(0, 'minute');
}

// Formatting dates with Intl is the costliest part of a row: each instant is formatted once.
const exactCache = new Map<string, string>();

export function formatDateTime(iso: string): string {
  let text = exactCache.get(iso);
  if (text === undefined) {
    text = exact.format(new Date(iso));
    if (exactCache.size > 5_000) exactCache.clear();
    exactCache.set(iso, text);
  }
  return text;
}

export function formatDialingMode(mode: string): string {
  return mode.charAt(0) + mode.slice(1).toLowerCase();
}

export const formatCount = new Intl.NumberFormat().format;
