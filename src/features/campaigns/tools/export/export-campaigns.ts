/* What the Export CSV button loads when it is clicked: fetch every page, write the file, hand it to the browser. */
import { afterNextPaint } from '../../../../lib/after-next-paint';
import { describeApiError } from '../../../../lib/api-error';
import { campaignsCsv } from './campaigns-csv';
import { exportFileName } from './export-file-name';
import { ExportPageError, fetchExportPages, type ExportJob } from './fetch-export-pages';

export type ExportOutcome = { done: true; fileName: string; rows: number } | { done: false; failedPage: number; reason: string };

/** How long the file's address outlives the click that downloads it: the browser reads it once it has started. */
const KEEP_FILE_URL_MS = 60_000;

/**
 * Fetches what `job` has not fetched yet, then downloads the file. Resolves with the file, or with the page that
 * failed (`job.pages` keeps the others: exporting the same job again resumes there); rejects when aborted.
 */
export async function exportCampaigns(job: ExportJob): Promise<ExportOutcome> {
  try {
    await fetchExportPages(job);
  } catch (error) {
    if (error instanceof ExportPageError) return { done: false, failedPage: error.page, reason: describeApiError(error.cause) };
    throw error;
  }
  // The full bar is shown before the file is written, which takes a moment for a large view.
  await afterNextPaint();
  job.signal.throwIfAborted();
  const rows = job.pages.flat();
  const fileName = exportFileName(job.filters);
  downloadFile(new Blob([campaignsCsv(rows)], { type: 'text/csv;charset=utf-8' }), fileName);
  return { done: true, fileName, rows: rows.length };
}

function downloadFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), KEEP_FILE_URL_MS);
}
