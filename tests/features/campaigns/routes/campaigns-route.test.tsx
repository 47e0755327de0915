import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { useEffect } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CampaignDetailRoute } from '../../../../src/features/campaigns/routes/campaign-detail-route';
import { CampaignsRoute } from '../../../../src/features/campaigns/routes/campaigns-route';
import { SEARCH_DEBOUNCE_MS } from '../../../../src/features/campaigns/components/filter-bar';
import { createHttpClient } from '../../../../src/lib/http-client';
import { HttpClientProvider } from '../../../../src/lib/http-client-context';

interface Row {
  id: string;
  name: string;
  dialing_mode: 'PREDICTIVE' | 'PREVIEW';
  priority: number;
  run_once: boolean;
  action_required: boolean;
  status: 'INCOMPLETE' | 'READY' | 'RUNNING' | 'PAUSED';
  created_at: string;
}

const STATUSES = ['INCOMPLETE', 'READY', 'RUNNING', 'PAUSED'] as const;
const ROWS: Row[] = Array.from({ length: 120 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Campaign ${String(i).padStart(3, '0')}`,
  dialing_mode: i % 2 ? 'PREVIEW' : 'PREDICTIVE',
  priority: (i % 10) + 1,
  run_once: i % 3 === 0,
  action_required: i % 12 === 0,
  status: STATUSES[i % 4]!,
  created_at: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString(),
}));

let requests: URL[] = [];
let nextFailure: (() => Response) | null = null;

function listCampaigns(url: URL) {
  const status = url.searchParams.get('status');
  const actionRequired = url.searchParams.get('action_required');
  const search = url.searchParams.get('search')?.toLowerCase();
  const [field, direction] = (url.searchParams.get('order_by') ?? 'created_at:desc').split(':') as [keyof Row, string];
  let rows = ROWS.filter(
    (row) =>
      (!status || row.status.toLowerCase() === status) &&
      (!actionRequired || String(row.action_required) === actionRequired) &&
      (!search || row.name.toLowerCase().includes(search)),
  );
  rows = [...rows].sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0) * (direction === 'desc' ? -1 : 1));
  const page = Number(url.searchParams.get('page') ?? 1);
  const perPage = Number(url.searchParams.get('per_page') ?? 50);
  const slice = rows.slice((page - 1) * perPage, page * perPage);
  return {
    total: rows.length,
    count: slice.length,
    page,
    per_page: perPage,
    total_pages: Math.ceil(rows.length / perPage),
    _embedded: { campaigns: slice.map((row) => ({ ...row, _links: { self: { href: `https://api.talkdeskapp.com/campaigns/${row.id}` } } })) },
    _links: {},
  };
}

const server = setupServer(
  http.get('http://localhost:3000/api/campaigns', ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    if (request.headers.get('Authorization') !== 'Bearer test-token') return HttpResponse.json({ code: 'x', message: 'no' }, { status: 401 });
    if (nextFailure) return nextFailure();
    return HttpResponse.json(listCampaigns(url));
  }),
  http.get('http://localhost:3000/api/campaigns/:id', async ({ params, request }) => {
    requests.push(new URL(request.url));
    const row = ROWS.find((r) => r.id === params.id);
    if (!row) return HttpResponse.json({ code: 'NOT_FOUND', message: 'Campaign not found', fields: [] }, { status: 404 });
    await delay(5);
    // Campaign 001's every quantity is one of its unit; the others' two.
    const n = row === ROWS[1] ? 1 : 2;
    return HttpResponse.json({
      ...row,
      dialing_mode_configuration: {
        answering_machine_detection: true,
        max_abandonment_rate: 3,
        max_dialing_ratio: n,
        max_ring_time_in_secs: 30,
        abandonment_timeout: { amount: n, unit: 'SECONDS' },
      },
      dialing_strategy: {
        strategy_type: 'AUTOMATIC',
        max_attempts: 5,
        preview_timeout: { amount: n, unit: 'SECONDS' },
        retry_period: n,
        retry_time_unit: 'MINUTES',
        calling_hours: [{ from: '09:00', to: '18:00', week_days: ['MONDAY', 'TUESDAY'] }],
        dispositions: { busy: { status_after_call: 'RETRY', max_attempts: 3 } },
        record_chain: [{ type: 'MOBILE', max_attempts: n, retry_period: n, retry_time_unit: 'HOURS' }],
      },
    });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests = [];
  nextFailure = null;
});
afterAll(() => server.close());

const listRequests = () => requests.filter((url) => url.pathname === '/api/campaigns' && url.searchParams.get('per_page') !== '1');

let currentLocation = '';
function LocationProbe() {
  const location = useLocation();
  useEffect(() => {
    currentLocation = `${location.pathname}${location.search}`;
  }, [location]);
  return null;
}

function renderRoute(initialUrl = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  const client = createHttpClient({
    basePath: 'http://localhost:3000/api',
    getAccessToken: () => 'test-token',
    renewAccessToken: async () => null,
  });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <HttpClientProvider client={client}>
        <MemoryRouter initialEntries={[initialUrl]}>
          <LocationProbe />
          <Routes>
            <Route path="/" element={<CampaignsRoute />}>
              <Route path="campaigns/:campaignId" element={<CampaignDetailRoute />} />
            </Route>
          </Routes>
        </MemoryRouter>
      </HttpClientProvider>
    </QueryClientProvider>,
  );
  return { ...view, user, queryClient };
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const rowNames = () => bodyRows().map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('campaigns route', () => {
  it('shows the first page, the totals and how many campaigns need action across all pages', async () => {
    renderRoute();
    expect(await screen.findByText('Showing 1–50 of 120')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(50);
    expect(rowNames()[0]).toBe('Campaign 119');
    expect(await screen.findByRole('button', { name: '10 need action' })).toBeInTheDocument();
    const flagged = bodyRows().filter((row) => within(row).queryByText('Needs action'));
    expect(flagged.length).toBe(ROWS.slice(70).filter((row) => row.action_required).length);
  });

  it('filters by status through the URL and returns to page 1', async () => {
    const { user } = renderRoute('/?page=2');
    await screen.findByText('Showing 51–100 of 120');
    await user.selectOptions(screen.getByLabelText('Status'), 'running');
    await screen.findByText('Showing 1–30 of 30');
    expect(currentLocation).toBe('/?status=running');
    expect(bodyRows().every((row) => within(row).getByText('Running'))).toBe(true);
    expect(listRequests().at(-1)!.searchParams.get('status')).toBe('running');
  });

  it('sorts by a column header, marking it with aria-sort, and toggles direction', async () => {
    const { user } = renderRoute();
    await screen.findByText('Showing 1–50 of 120');
    await user.click(screen.getByRole('button', { name: /Name/ }));
    await waitFor(() => expect(rowNames()[0]).toBe('Campaign 000'));
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(currentLocation).toBe('/?order_by=name:asc');
    await user.click(screen.getByRole('button', { name: /Name/ }));
    await waitFor(() => expect(rowNames()[0]).toBe('Campaign 119'));
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
    expect(await screen.findByText('Sorted by name, descending. 120 campaigns.')).toBeInTheDocument();
  });

  it('pages with a prefetched next page: the click costs no request', async () => {
    const { user } = renderRoute();
    await screen.findByText('Showing 1–50 of 120');
    await waitFor(() => expect(listRequests().some((url) => url.searchParams.get('page') === '2')).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Showing 51–100 of 120')).toBeInTheDocument();
    // Page 2 was fetched once, ahead of the click; the click itself asked for nothing new but page 3's prefetch.
    expect(listRequests().filter((url) => url.searchParams.get('page') === '2')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Last page' }));
    expect(await screen.findByText('Showing 101–120 of 120')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.selectOptions(screen.getByLabelText('Rows per page'), '25');
    expect(await screen.findByText('Showing 1–25 of 120')).toBeInTheDocument();
    expect(currentLocation).toBe('/?per_page=25');
  });

  it('sends one request for a word typed in search, written to the URL', async () => {
    const { user } = renderRoute();
    await screen.findByText('Showing 1–50 of 120');
    const before = listRequests().length;
    const box = screen.getByRole('searchbox', { name: 'Search campaigns' });
    // A pause of the debounce or longer is a word boundary by design; on a loaded machine the typing itself may
    // pause that long, so the expectation follows the pauses that really happened.
    const typedAt: Array<{ at: number; value: string }> = [];
    box.addEventListener('input', () => typedAt.push({ at: performance.now(), value: (box as HTMLInputElement).value }));
    await user.type(box, 'gn 11');
    await screen.findByText('Showing 1–10 of 10');
    const expected = typedAt
      .filter((entry, index) => index === typedAt.length - 1 || typedAt[index + 1]!.at - entry.at >= SEARCH_DEBOUNCE_MS)
      .map((entry) => entry.value.trim())
      .filter((value, index, all) => value !== '' && value !== all[index - 1]);
    expect(expected.at(-1)).toBe('gn 11');
    const searches = listRequests().slice(before).filter((url) => url.searchParams.has('search'));
    expect(searches.map((url) => url.searchParams.get('search'))).toEqual(expected);
    expect(currentLocation).toBe('/?search=gn%2011');
  });

  it('corrects a bad URL, says what it ignored, and lets the notice be dismissed', async () => {
    const { user } = renderRoute('/?priority=abc&per_page=1000&status=running');
    expect(await screen.findByText('Ignored priority=“abc”: priority must be a whole number from 1 to 10.')).toBeInTheDocument();
    await waitFor(() => expect(currentLocation).toBe('/?status=running'));
    await user.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByText(/Ignored priority/)).not.toBeInTheDocument();
  });

  it('keeps the last rows on an error, shows the message, and recovers with Retry', async () => {
    const { user } = renderRoute();
    await screen.findByText('Showing 1–50 of 120');
    nextFailure = () => HttpResponse.json({ code: 'UNAVAILABLE', message: 'Service Unavailable', fields: [] }, { status: 503 });
    await user.selectOptions(screen.getByLabelText('Status'), 'paused');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Campaigns could not be loaded.');
    expect(alert).toHaveTextContent('Talkdesk is unavailable (503). Service Unavailable');
    expect(bodyRows()).toHaveLength(50);
    nextFailure = null;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByText('Showing 1–30 of 30');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a 400’s field message beside the filter it names', async () => {
    nextFailure = () =>
      HttpResponse.json(
        { code: 'INVALID', message: 'Invalid query', fields: [{ name: 'priority', description: 'Priority is not allowed here.' }] },
        { status: 400 },
      );
    renderRoute('/?priority=4');
    expect(await screen.findByText('Priority is not allowed here.')).toBeInTheDocument();
    expect(screen.getByLabelText('Priority')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Priority')).toHaveAccessibleDescription('Priority is not allowed here.');
  });

  it('tells an empty account from filters that match nothing', async () => {
    const { user } = renderRoute('/?search=nothing-like-this');
    expect(await screen.findByText('No campaigns match these filters')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' }).at(-1)!);
    await screen.findByText('Showing 1–50 of 120');
    expect(currentLocation).toBe('/');
    expect(screen.getByRole('searchbox', { name: 'Search campaigns' })).toHaveValue('');
  });

  it('reads the documented misspellings campaings and total_page', async () => {
    server.use(
      http.get('http://localhost:3000/api/campaigns', ({ request }) => {
        const body = listCampaigns(new URL(request.url));
        const { campaigns } = body._embedded;
        return HttpResponse.json({ ...body, total_pages: undefined, total_page: body.total_pages, _embedded: { campaings: campaigns } });
      }),
    );
    renderRoute();
    expect(await screen.findByText('Page 1 of 3')).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(50);
  });

  it('aborts the request of a view the supervisor has already left', async () => {
    const aborted: string[] = [];
    server.use(
      http.get('http://localhost:3000/api/campaigns', async ({ request }) => {
        const url = new URL(request.url);
        requests.push(url);
        request.signal.addEventListener('abort', () => aborted.push(url.searchParams.get('status') ?? 'all'));
        await delay(url.searchParams.get('status') === 'ready' ? 400 : 5);
        return HttpResponse.json(listCampaigns(url));
      }),
    );
    const { user } = renderRoute();
    await screen.findByText('Showing 1–50 of 120');
    await user.selectOptions(screen.getByLabelText('Status'), 'ready');
    await user.selectOptions(screen.getByLabelText('Status'), 'paused');
    await screen.findByText('Showing 1–30 of 30');
    await waitFor(() => expect(aborted).toContain('ready'));
    expect(bodyRows().every((row) => within(row).getByText('Paused'))).toBe(true);
  });

  it('renders hostile, right-to-left and emoji names as plain text', async () => {
    const hostile = ['<img src=x onerror=alert(1)>', 'حملة الرياض', '🚀 Launch día'];
    server.use(
      http.get('http://localhost:3000/api/campaigns', ({ request }) => {
        const body = listCampaigns(new URL(request.url));
        const campaigns = body._embedded.campaigns.slice(0, 3).map((row, index) => ({ ...row, name: hostile[index]! }));
        return HttpResponse.json({ ...body, _embedded: { campaigns } });
      }),
    );
    const { container } = renderRoute();
    for (const name of hostile) expect(await screen.findByRole('link', { name })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('opens a campaign in a panel with its own URL and closes it with Escape back to the same list', async () => {
    const { user } = renderRoute('/?status=ready');
    await screen.findByText('Showing 1–30 of 30');
    const link = screen.getByRole('link', { name: 'Campaign 117' });
    await user.click(link);
    const dialog = await screen.findByRole('dialog', { name: 'Campaign 117' });
    expect(currentLocation).toBe(`/campaigns/${ROWS[117]!.id}?status=ready`);
    expect(within(dialog).getByText('09:00–18:00')).toBeInTheDocument();
    expect(within(dialog).getByText('Monday, Tuesday')).toBeInTheDocument();
    expect(requests.at(-1)!.searchParams.get('expand')).toBe('dialing_mode_configuration,dialing_strategy');
    await act(async () => {
      await user.keyboard('{Escape}');
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentLocation).toBe('/?status=ready');
  });
  it('states each quantity in the panel in agreement with its number: 1 line, 2 lines', async () => {
    const read = async (row: Row) => {
      const { unmount } = renderRoute(`/campaigns/${row.id}`);
      const dialog = await screen.findByRole('dialog', { name: row.name });
      await within(dialog).findByText(/per agent$/);
      const text = dialog.textContent ?? '';
      unmount();
      return text;
    };
    const one = await read(ROWS[1]!);
    for (const phrase of ['1 line per agent', '1 second', '1 minute', '1 attempt, retry after 1 hour']) expect(one).toContain(phrase);
    expect(one).not.toMatch(/\b1 (lines|seconds|minutes|attempts|hours)\b/);
    const two = await read(ROWS[2]!);
    for (const phrase of ['2 lines per agent', '2 seconds', '2 minutes', '2 attempts, retry after 2 hours']) expect(two).toContain(phrase);
  });
});
