import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExportCsv } from '../../../../src/features/campaigns/tools/export-csv';
import { DEFAULT_FILTERS } from '../../../../src/features/campaigns/url-state/campaign-filters';
import { createHttpClient } from '../../../../src/lib/http-client';
import { HttpClientProvider } from '../../../../src/lib/http-client-context';
import { sandboxApi } from '../sandbox-api.ts';

const API = 'http://localhost:3000/api';
// Just above the count that asks first: 101 pages of 100.
const sandbox = sandboxApi(10_050, 'https://api.talkdeskapp.com');

let requests: URL[] = [];
let tooManyFirst = 0;
const server = setupServer(
  http.get(`${API}/campaigns`, ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    if (tooManyFirst > 0) {
      tooManyFirst -= 1;
      return HttpResponse.json({ code: 'x', message: 'Slow down' }, { status: 429, headers: { 'Retry-After': '0' } });
    }
    const { status, body } = sandbox.list(url);
    return HttpResponse.json(body as Record<string, unknown>, { status });
  }),
);

let downloads: Array<{ name: string; file: Blob }> = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // jsdom neither makes object URLs nor downloads: the file handed to the link is kept instead.
  const files = new Map<string, Blob>();
  URL.createObjectURL = (file: Blob) => {
    const url = `blob:test/${files.size}`;
    files.set(url, file);
    return url;
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, file: files.get(this.href)! });
  });
});
afterEach(() => {
  server.resetHandlers();
  requests = [];
  downloads = [];
  tooManyFirst = 0;
});
afterAll(() => server.close());

function renderExport() {
  const client = createHttpClient({ basePath: API, getAccessToken: () => 'test-token', renewAccessToken: async () => null });
  render(
    <HttpClientProvider client={client}>
      <ExportCsv filters={{ ...DEFAULT_FILTERS, perPage: 25, page: 4 }} />
    </HttpClientProvider>,
  );
  return userEvent.setup();
}

describe('Export CSV', () => {
  it('asks first above 10,000 campaigns, then fetches every page of 100 in order and downloads them all', async () => {
    const user = renderExport();
    // The view's own page and page size do not matter: the export asks for pages of 100 from the first.
    tooManyFirst = 1;
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const question = await screen.findByRole('alertdialog', { name: 'Export 10,050 campaigns? This makes 101 requests.' });
    expect(requests.map((url) => url.searchParams.get('page'))).toEqual(['1', '1']);
    expect(screen.getByRole('button', { name: 'Export' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(question).not.toBeInTheDocument();
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    expect(requests.slice(1).map((url) => [url.searchParams.get('page'), url.searchParams.get('per_page')])).toEqual(
      Array.from({ length: 101 }, (_, index) => [String(index + 1), '100']),
    );
    const lines = (await downloads[0]!.file.text()).split('\r\n');
    expect(lines).toHaveLength(1 + 10_050 + 1);
    expect(lines[1]!.startsWith(`${sandbox.page('per_page=100').campaigns[0]!.id},`)).toBe(true);
    expect(downloads[0]!.name).toMatch(/^campaigns-\d{4}-\d{2}-\d{2}\.csv$/);
    // Announced once the file has been handed to the browser.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Exported 10,050 campaigns to campaigns-'));
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveFocus();
  });

  it('Cancel at the question sends nothing more and downloads nothing', async () => {
    const user = renderExport();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByRole('alertdialog');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Export cancelled');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toHaveLength(1);
    expect(downloads).toEqual([]);
  });
});
