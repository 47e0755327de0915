import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../../src/features/campaigns/api/campaign-schemas';
import { campaignsCsv, csvField, type ExportRow } from '../../../../src/features/campaigns/tools/export/campaigns-csv';
import { exportFileName } from '../../../../src/features/campaigns/tools/export/export-file-name';
import { DEFAULT_FILTERS } from '../../../../src/features/campaigns/url-state/campaign-filters';

const campaign = (overrides: Partial<Campaign> = {}): Campaign => ({
  id: '0b6f3b5e-2f0a-4c1e-9a55-6d7f1c2b3a4d',
  name: 'Renewals Lisboa',
  dialing_mode: 'PREDICTIVE',
  priority: 3,
  run_once: false,
  action_required: true,
  status: 'RUNNING',
  created_at: '2026-05-01T10:00:00Z',
  ...overrides,
});
const row = (overrides: Partial<Campaign> = {}, extra: Record<string, unknown> = {}): ExportRow => {
  const checked = campaign(overrides);
  return { campaign: checked, answer: { _links: { self: { href: 'https://api.talkdeskapp.com/campaigns/x' } }, ...checked, ...extra } };
};
const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\r\nreturn', '"carriage\r\nreturn"'],
    ['', ''],
  ])('writes %j as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it.each(['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\r=1'])('neutralises the formula %j with a leading quote', (value) => {
    const written = csvField(value);
    const unquoted = written.startsWith('"') ? written.slice(1, -1).replace(/""/g, '"') : written;
    expect(unquoted).toBe(`'${value}`);
  });

  it('keeps right-to-left text, emoji and accents intact, code point for code point', () => {
    for (const value of ['حملة الرياض للولاء', '🎉 Summer promo 🎉', '👩🏽‍💻 team', 'Crème Zürich', '\u202Eevil\u202C']) {
      expect(csvField(value)).toBe(value);
    }
  });
});

describe('campaignsCsv', () => {
  it('starts with the byte-order mark, a header of the API field names, one CRLF line per campaign in order', () => {
    const csv = campaignsCsv([row({ name: 'First' }), row({ id: 'b', name: 'Second', action_required: false, priority: 10 })]);
    expect(csv.startsWith('\uFEFFid,name,status,dialing_mode,priority,run_once,action_required,created_at\r\n')).toBe(true);
    expect(lines(csv)).toEqual([
      'id,name,status,dialing_mode,priority,run_once,action_required,created_at',
      '0b6f3b5e-2f0a-4c1e-9a55-6d7f1c2b3a4d,First,RUNNING,PREDICTIVE,3,false,true,2026-05-01T10:00:00.000Z',
      'b,Second,RUNNING,PREDICTIVE,10,false,false,2026-05-01T10:00:00.000Z',
      '',
    ]);
  });

  it('writes hostile names so that a spreadsheet reads them back as text', () => {
    const csv = campaignsCsv([
      row({ name: '=cmd|" /C calc"!A0' }),
      row({ name: 'Smith, "Jr"\nline two' }),
      row({ name: '-5 promo' }),
      row({ name: 'حملة, 🎉' }),
    ]);
    const [, first, second, third, fourth] = lines(csv.replace(/\nline two/, '⏎line two'));
    expect(first).toContain(`,"'=cmd|"" /C calc""!A0",`);
    expect(second).toContain(',"Smith, ""Jr""⏎line two",');
    expect(third).toContain(",'-5 promo,");
    expect(fourth).toContain(',"حملة, 🎉",');
  });

  it('writes dates in ISO 8601 (UTC), whatever offset the answer used', () => {
    const csv = campaignsCsv([row({ created_at: '2026-05-01T12:30:00+02:00' })]);
    expect(lines(csv)[1]!.endsWith(',2026-05-01T10:30:00.000Z')).toBe(true);
  });

  it('adds every other field the answer carries after the known ones, but not its HAL links', () => {
    const csv = campaignsCsv([
      row({}, { updated_at: '2026-06-01T08:00:00Z', owner: '=evil' }),
      row({ id: 'b' }, { tags: ['vip', 'q2'], score: -3, updated_at: null }),
    ]);
    const [header, first, second] = lines(csv);
    expect(header).toBe('id,name,status,dialing_mode,priority,run_once,action_required,created_at,updated_at,owner,tags,score');
    expect(first!.endsWith(",2026-06-01T08:00:00.000Z,'=evil,,")).toBe(true);
    // A number is a number, not a formula; a list is its JSON, quoted.
    expect(second!.endsWith(',,,"[""vip"",""q2""]",-3')).toBe(true);
    expect(csv).not.toContain('talkdeskapp');
  });

  it('writes only the header for an empty view', () => {
    expect(lines(campaignsCsv([]))).toEqual(['id,name,status,dialing_mode,priority,run_once,action_required,created_at', '']);
  });
});

describe('exportFileName', () => {
  const day = new Date(2026, 11, 4, 23, 30);

  it('names the day and no filter for the whole list, whatever its order and page', () => {
    expect(exportFileName({ ...DEFAULT_FILTERS, sort: { field: 'name', direction: 'asc' }, page: 3, perPage: 100 }, day)).toBe('campaigns-2026-12-04.csv');
  });

  it('appends the active filters as the link writes them', () => {
    expect(exportFileName({ ...DEFAULT_FILTERS, status: 'running' }, day)).toBe('campaigns-2026-12-04-status-running.csv');
    expect(exportFileName({ ...DEFAULT_FILTERS, status: 'paused', dialingMode: 'PREVIEW', priority: 2, actionRequired: true }, day)).toBe(
      'campaigns-2026-12-04-status-paused-dialing_mode-preview-priority-2-action_required-true.csv',
    );
  });

  it('keeps letters of any script and replaces what a file system refuses', () => {
    expect(exportFileName({ ...DEFAULT_FILTERS, search: 'Café / Zürich: "Q2"' }, day)).toBe('campaigns-2026-12-04-search-Café_Zürich_Q2.csv');
    expect(exportFileName({ ...DEFAULT_FILTERS, search: 'عروض رمضان' }, day)).toBe('campaigns-2026-12-04-search-عروض_رمضان.csv');
  });
});
