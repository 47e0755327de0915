/*
 * Every page of a view, one request after another, through the app's HTTP client (token, renewal) and with the
 * app's retry policy (Retry-After, else backoff), each page checked by the list's own fetcher and schema. The pages
 * go into an array the caller keeps: after a failure, calling again with it resumes at the page that failed.
 */
import type { HttpClient } from '../../../../lib/http-client';
import { retryDelay, shouldRetry } from '../../../../lib/query-client';
import type { CampaignFilters, PageSize } from '../../url-state/campaign-filters';
import { fetchCampaignPage } from '../../api/fetch-campaigns';
import type { ExportRow } from './campaigns-csv';

/** The largest page the API serves: the fewest requests. */
export const EXPORT_PAGE_SIZE: PageSize = 100;
/** Above this many campaigns the supervisor confirms first. */
export const CONFIRM_ABOVE_ROWS = 10_000;

export interface ExportProgress {
  pagesDone: number;
  /** As the last answer said; null until this run has one. */
  totalPages: number | null;
  /** Campaigns matching the view, as the last answer said; null until this run has one. */
  total: number | null;
  /** The page being fetched failed for a passing reason and will be asked for again. */
  retrying: boolean;
}

export class ExportPageError extends Error {
  constructor(
    readonly page: number,
    cause: unknown,
  ) {
    super(`Page ${page} failed`, { cause });
    this.name = 'ExportPageError';
  }
}

export interface ExportJob {
  client: HttpClient;
  /** The view's filters; its page and page size are the export's own. */
  filters: CampaignFilters;
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
  /** Asked once the first page tells a total above CONFIRM_ABOVE_ROWS; false ends the export. */
  confirm: (total: number, requests: number) => Promise<boolean>;
  /** The pages fetched so far, in order; fetching resumes after them and adds to them. */
  pages: ExportRow[][];
}

/** Resolves once every page is in `job.pages`; rejects with ExportPageError, or the signal's reason when aborted. */
export async function fetchExportPages(job: ExportJob): Promise<void> {
  const { pages, signal } = job;
  // Each answer tells the view's size anew: one that shrank or grew while it was exported ends at its new last page.
  let totalPages: number | null = null;
  let total: number | null = null;
  const report = (retrying: boolean) => job.onProgress({ pagesDone: pages.length, totalPages, total, retrying });
  while (totalPages === null || pages.length < totalPages) {
    const pageNumber = pages.length + 1;
    const filters: CampaignFilters = { ...job.filters, page: pageNumber, perPage: EXPORT_PAGE_SIZE };
    let page;
    try {
      page = await fetchWithRetries(job.client, filters, signal, () => report(true));
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new ExportPageError(pageNumber, error);
    }
    // An empty view is one page of nothing.
    totalPages = Math.max(page.totalPages, 1);
    total = page.total;
    pages.push(page.rows);
    report(false);
    if (pageNumber === 1 && page.total > CONFIRM_ABOVE_ROWS && !(await job.confirm(page.total, totalPages))) {
      signal.throwIfAborted();
      throw new DOMException('The export was declined.', 'AbortError');
    }
  }
}

async function fetchWithRetries(client: HttpClient, filters: CampaignFilters, signal: AbortSignal, onRetry: () => void) {
  for (let failureCount = 0; ; failureCount += 1) {
    try {
      return await fetchRows(client, filters, signal);
    } catch (error) {
      if (signal.aborted || !shouldRetry(failureCount, error)) throw error;
      onRetry();
      await wait(retryDelay(failureCount, error), signal);
    }
  }
}

/** One page through the list's fetcher, with each campaign also as the answer carried it (the schema drops the rest). */
async function fetchRows(client: HttpClient, filters: CampaignFilters, signal: AbortSignal) {
  let body: unknown;
  const recording: HttpClient = { getJson: async (path, options) => (body = await client.getJson(path, options)) };
  const page = await fetchCampaignPage(recording, filters, signal);
  const answered = answerRows(body, page.campaigns.map((campaign) => campaign.id));
  const rows = page.campaigns.map((campaign, index): ExportRow => ({ campaign, answer: answered?.[index] ?? campaign }));
  return { rows, total: page.total, totalPages: page.totalPages };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rows the schema read, as the answer spelt them: the embedded list whose ids are those, in that order. */
function answerRows(body: unknown, ids: string[]): Record<string, unknown>[] | undefined {
  const embedded = isRecord(body) && isRecord(body._embedded) ? Object.values(body._embedded) : [];
  return embedded.find(
    (list): list is Record<string, unknown>[] =>
      Array.isArray(list) && list.length === ids.length && list.every((row, index) => isRecord(row) && row.id === ids[index]),
  );
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', aborted, { once: true });
  });
}
