/*
 * The exported file: RFC 4180 CSV in UTF-8 with a byte-order mark, so that spreadsheet programs read accents and
 * scripts right. Values are the API's own (RUNNING, PREDICTIVE, true), so the header names each column by its API
 * field name too. The known fields come first, in the table's order (CAMPAIGN_COLUMNS); then every other field the
 * list answer carried, in the order first met. The schema keeps only the known fields, so those others are read from
 * the answer's own rows.
 */
import type { Campaign } from '../../api/campaign-schemas';
import { CAMPAIGN_COLUMNS } from '../../components/campaign-columns';

/** One campaign of the list answer: as the schema checked it, and as the answer carried it. */
export interface ExportRow {
  campaign: Campaign;
  answer: Readonly<Record<string, unknown>>;
}

const BYTE_ORDER_MARK = '\uFEFF';
const LINE_END = '\r\n';
/** The id names a row before anything else; the table shows it only as the detail link. */
const KNOWN_FIELDS: readonly (keyof Campaign)[] = ['id', ...CAMPAIGN_COLUMNS.map((column) => column.id)];
/** HAL navigation (the API's URLs of the campaign and the list): links for API clients, not facts about a campaign. */
const NOT_CAMPAIGN_DATA = new Set(['_links']);
/** A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list, tab and carriage return included). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A field as RFC 4180 writes it: text that would run as a formula is prefixed with `'`; quoted when it must be. */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A value as the file writes it: dates in ISO 8601 (UTC), other objects as JSON, nothing for null. */
export function csvValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return isDateField(field) ? toIsoDate(value) : value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// `created_at` and any other `…_at` field of the answer is an instant.
const isDateField = (field: string) => field.endsWith('_at');

function toIsoDate(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** The file's columns: the known fields, then the others the rows carry, in the order first met. */
export function exportColumns(rows: readonly ExportRow[]): string[] {
  const columns = new Set<string>(KNOWN_FIELDS);
  for (const { answer } of rows) {
    for (const field of Object.keys(answer)) if (!NOT_CAMPAIGN_DATA.has(field)) columns.add(field);
  }
  return [...columns];
}

function isKnownField(field: string): field is keyof Campaign {
  return (KNOWN_FIELDS as readonly string[]).includes(field);
}

/** The whole file: the byte-order mark, the header row and one line per campaign, in the rows' order. */
export function campaignsCsv(rows: readonly ExportRow[]): string {
  const columns = exportColumns(rows);
  const lines = [columns.map(csvField).join(',')];
  for (const { campaign, answer } of rows) {
    // Known fields as the schema checked them; text values are neutralised, numbers and booleans cannot run.
    const cells = columns.map((field) => {
      const value = isKnownField(field) ? campaign[field] : answer[field];
      const text = csvValue(field, value);
      return typeof value === 'string' || typeof value === 'object' ? csvField(text) : text;
    });
    lines.push(cells.join(','));
  }
  return `${BYTE_ORDER_MARK}${lines.join(LINE_END)}${LINE_END}`;
}
