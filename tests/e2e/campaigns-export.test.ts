/*
 * Export CSV against the sandbox: the file holds every page of the view as the API answers it, in order; Cancel
 * stops the requests; a page that keeps failing can be retried without fetching the others again. axe-core checks
 * the toolbar with the progress showing, in both themes, and with a failed page.
 */
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { screenshot, type PageErrors, type Stack } from './harness.ts';
import { CampaignsApi, expectTableToShow, type ApiCampaign, type ViewState } from './campaigns-helpers.ts';
import { signedInFile } from './fixtures.ts';

let stack: Stack;
let page: Page;
let api: CampaignsApi;
let errors: PageErrors;
signedInFile((file) => ({ stack, page, api, errors } = file));

const VIEW: ViewState = { status: 'running' };
const EXPORT_TIMEOUT_MS = 30_000;
const HEADER = ['id', 'name', 'status', 'dialing_mode', 'priority', 'run_once', 'action_required', 'created_at'];

const exportButton = () => page.getByRole('button', { name: 'Export CSV' });
const progressBar = () => page.getByRole('progressbar', { name: 'Export progress' });
const progressValue = async () => Number((await progressBar().getAttribute('value')) ?? 0);

/** The list for VIEW, settled, with the requests of its first screen done (they are not the export's). */
async function openView(): Promise<void> {
  await page.goto(`${stack.appUrl}/?status=running`);
  await expectTableToShow(page, await api.list(VIEW));
  await page.waitForLoadState('networkidle');
  await exportButton().waitFor();
}

/** Every page of VIEW as GET /campaigns?per_page=100 answers it, in order. */
async function everyPage(): Promise<{ campaigns: ApiCampaign[]; totalPages: number }> {
  const first = await api.list({ ...VIEW, per_page: 100 });
  const rest = await Promise.all(Array.from({ length: first.totalPages - 1 }, (_, index) => api.list({ ...VIEW, per_page: 100, page: index + 2 })));
  return { campaigns: [first, ...rest].flatMap((answer) => answer.campaigns), totalPages: first.totalPages };
}

/** RFC 4180, read independently of the app's writer: quoted fields, doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += char;
  }
  if (field !== '' || record.length > 0) throw new Error(`the file does not end with CRLF: ${JSON.stringify(text.slice(-40))}`);
  return records;
}

/** A campaign's line as the file should hold it: the API's values, text that could run as a formula prefixed with '. */
function expectedLine(campaign: ApiCampaign): string[] {
  const text = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  return [
    campaign.id,
    text(campaign.name),
    campaign.status,
    campaign.dialing_mode,
    String(campaign.priority),
    String(campaign.run_once),
    String(campaign.action_required),
    new Date(campaign.created_at).toISOString(),
  ];
}

async function expectCompleteFile(download: Download): Promise<void> {
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  expect(download.suggestedFilename()).toBe(`campaigns-${today}-status-running.csv`);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...lines] = parseCsv(bytes.subarray(3).toString('utf8'));
  expect(header).toEqual(HEADER);
  const { campaigns } = await everyPage();
  expect(campaigns.length).toBeGreaterThan(1000);
  expect(lines).toEqual(campaigns.map(expectedLine));
}

async function seriousViolations(state: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  for (const violation of serious) {
    console.error(`axe (${state}): ${violation.impact} ${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(' ')}`).join('\n')}`);
  }
  return serious.map((violation) => `${violation.id} (${violation.nodes.length} nodes)`);
}

describe('Export CSV', () => {
  it('downloads every page of the view as the API answers it, in order, and the progress bar reaches its end', async () => {
    await openView();
    // Slow enough to watch the bar move; every value it takes is kept, as the supervisor would have seen it.
    await stack.setFaults({ latencyMs: 100 });
    onTestFinished(() => stack.clearFaults());
    await page.evaluate(() => {
      const seen: Array<[string | null, string | null]> = [];
      (window as unknown as { exportProgress: typeof seen }).exportProgress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('progress[aria-label="Export progress"]');
        if (bar) seen.push([bar.getAttribute('value'), bar.getAttribute('max')]);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const downloaded = page.waitForEvent('download', { timeout: EXPORT_TIMEOUT_MS });
    await exportButton().click();
    await expect.poll(() => progressBar().count()).toBe(1);
    const download = await downloaded;
    await expectCompleteFile(download);

    const { totalPages } = await everyPage();
    const seen = await page.evaluate(() => (window as unknown as { exportProgress: Array<[string | null, string | null]> }).exportProgress);
    expect(seen).toContainEqual([String(totalPages), String(totalPages)]);
    await progressBar().waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Exported' }).textContent()).toMatch(/^Exported [\d,]+ campaigns to campaigns-/);
  });

  it('Cancel export aborts the request in flight and sends no more; the progress is accessible in both themes', async () => {
    await openView();
    // Slow enough that the export is still running after two axe runs on a busy machine.
    await stack.setFaults({ latencyMs: 800 });
    onTestFinished(() => stack.clearFaults());
    onTestFinished(() => page.emulateMedia({ colorScheme: 'light' }));
    let downloads = 0;
    const countDownload = () => (downloads += 1);
    page.on('download', countDownload);
    onTestFinished(() => void page.off('download', countDownload));
    const aborted: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().includes('/api/campaigns')) aborted.push(request.failure()?.errorText ?? '');
    });

    await exportButton().click();
    await expect.poll(progressValue, { timeout: EXPORT_TIMEOUT_MS }).toBeGreaterThanOrEqual(1);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `export-progress-${colorScheme}`);
      expect(await seriousViolations(`export in progress, ${colorScheme}`)).toEqual([]);
    }
    expect(await progressBar().count(), 'the export was still running when Cancel was pressed').toBe(1);
    const { totalPages } = await everyPage();
    expect(await progressValue()).toBeLessThan(totalPages);

    await page.getByRole('button', { name: 'Cancel export' }).click();
    const atCancel = await stack.requestCounts();
    await progressBar().waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Export cancelled' }).count()).toBe(1);
    await expect.poll(() => aborted).toContain('net::ERR_ABORTED');
    // Well past the sandbox's latency: a request sent after Cancel would have arrived by now.
    await page.waitForTimeout(2_000);
    expect((await stack.requestCounts()).list).toBe(atCancel.list);
    expect(downloads).toBe(0);
    await expect.poll(() => exportButton().evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('a page that keeps failing (503) says which, and Retry completes the file without fetching the pages before it again', async () => {
    await openView();
    await stack.setFaults({ latencyMs: 300 });
    onTestFinished(() => stack.clearFaults());
    await exportButton().click();
    await expect.poll(progressValue, { timeout: EXPORT_TIMEOUT_MS }).toBeGreaterThanOrEqual(1);
    // The next page fails more often than the app retries (4 times, at once as Retry-After: 0 asks).
    await stack.setFaults({ latencyMs: 300, rules: [{ kind: '503', path: 'list', times: 5, retryAfterSeconds: 0 }] });

    const alert = page.getByRole('alert').filter({ hasText: 'failed' });
    await alert.waitFor({ timeout: EXPORT_TIMEOUT_MS });
    const { totalPages } = await everyPage();
    const failed = /^Page (\d+) of (\d+) failed: Talkdesk is unavailable \(503\)/.exec(((await alert.textContent()) ?? '').trim());
    expect(failed, (await alert.textContent()) ?? '').not.toBeNull();
    const failedPage = Number(failed![1]);
    expect(failedPage).toBeGreaterThan(1);
    expect(Number(failed![2])).toBe(totalPages);
    expect(await progressValue()).toBe(failedPage - 1);
    await screenshot(page, 'export-failed');
    expect(await seriousViolations('export failed')).toEqual([]);

    await stack.setFaults({});
    const beforeRetry = await stack.requestCounts();
    const downloaded = page.waitForEvent('download', { timeout: EXPORT_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Retry' }).click();
    const download = await downloaded;
    // Counted before the oracle's own requests below, which the sandbox counts too.
    expect((await stack.requestCounts()).list - beforeRetry.list).toBe(totalPages - failedPage + 1);
    await expectCompleteFile(download);
  });

  it('leaves no console errors behind but the failed requests the tests asked for', () => {
    expect(errors.unexpected([/status of 503/])).toEqual([]);
  });
});
