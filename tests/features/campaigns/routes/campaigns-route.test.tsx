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
import { SECURITY_TEST_NAMES, type Campaign } from '../../../../src/server/sandbox/campaign-data.ts';
import { sandboxApi } from '../sandbox-api.ts';

const API = 'http://localhost:3000/api';
// Links in its answers point at Talkdesk's API host, as the real ones do: the app must not follow them.
const sandbox = sandboxApi(120, 'https://api.talkdeskapp.com');
/** "Showing 1–50 of 120" for a view's first page of 50. */
const showingFirstPage = (total: number) => `Showing 1–${Math.min(50, total)} of ${total}`;

let requests: URL[] = [];
let nextFailure: (() => Response) | null = null;

const listAnswer = (url: URL) => {
  const { status, body } = sandbox.list(url);
  return HttpResponse.json(body as Record<string, unknown>, { status });
};

const server = setupServer(
  http.get(`${API}/campaigns`, ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    if (request.headers.get('Authorization') !== 'Bearer test-token') return HttpResponse.json({ code: 'x', message: 'no' }, { status: 401 });
    if (nextFailure) return nextFailure();
    return listAnswer(url);
  }),
  http.get(`${API}/campaigns/:id`, async ({ params, request }) => {
    const url = new URL(request.url);
    requests.push(url);
    await delay(5);
    const { status, body } = sandbox.detail(url, String(params.id));
    return HttpResponse.json(body as Record<string, unknown>, { status });
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
    basePath: API,
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
    const firstPage = sandbox.page();
    const needAction = sandbox.page('action_required=true').total;
    renderRoute();
    expect(await screen.findByText('Showing 1–50 of 120')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(50);
    expect(rowNames()).toEqual(firstPage.campaigns.map((campaign) => campaign.name));
    expect(await screen.findByRole('button', { name: `${needAction} need action` })).toBeInTheDocument();
    const flagged = bodyRows().filter((row) => within(row).queryByText('Needs action'));
    expect(flagged.length).toBe(firstPage.campaigns.filter((campaign) => campaign.action_required).length);
    expect(flagged.length).toBeLessThan(needAction);
  });

  it('filters by status through the URL and returns to page 1', async () => {
    const { user } = renderRoute('/?page=2');
    await screen.findByText('Showing 51–100 of 120');
    await user.selectOptions(screen.getByLabelText('Status'), 'running');
    await screen.findByText(showingFirstPage(sandbox.page('status=running').total));
    expect(currentLocation).toBe('/?status=running');
    expect(bodyRows().every((row) => within(row).getByText('Running'))).toBe(true);
    expect(listRequests().at(-1)!.searchParams.get('status')).toBe('running');
  });

  it('sorts by a column header, marking it with aria-sort, and toggles direction', async () => {
    const [first] = sandbox.page('order_by=name:asc').campaigns;
    const [last] = sandbox.page('order_by=name:desc').campaigns;
    const { user } = renderRoute();
    await screen.findByText('Showing 1–50 of 120');
    await user.click(screen.getByRole('button', { name: /Name/ }));
    await waitFor(() => expect(rowNames()[0]).toBe(first!.name));
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(currentLocation).toBe('/?order_by=name:asc');
    await user.click(screen.getByRole('button', { name: /Name/ }));
    await waitFor(() => expect(rowNames()[0]).toBe(last!.name));
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
    // Without accents, as a supervisor types it: the sandbox matches "São Paulo".
    await user.type(box, 'sao paulo');
    const found = sandbox.page('search=sao%20paulo');
    expect(found.campaigns.every((campaign) => campaign.name.includes('São Paulo'))).toBe(true);
    await screen.findByText(showingFirstPage(found.total));
    expect(rowNames()).toEqual(found.campaigns.map((campaign) => campaign.name));
    const expected = typedAt
      .filter((entry, index) => index === typedAt.length - 1 || typedAt[index + 1]!.at - entry.at >= SEARCH_DEBOUNCE_MS)
      .map((entry) => entry.value.trim())
      .filter((value, index, all) => value !== '' && value !== all[index - 1]);
    expect(expected.at(-1)).toBe('sao paulo');
    const searches = listRequests().slice(before).filter((url) => url.searchParams.has('search'));
    expect(searches.map((url) => url.searchParams.get('search'))).toEqual(expected);
    expect(currentLocation).toBe('/?search=sao%20paulo');
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
    await screen.findByText(showingFirstPage(sandbox.page('status=paused').total));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a refused view (400) as empty with the reason, its filter’s message beside it, and offers to clear that filter', async () => {
    nextFailure = () =>
      HttpResponse.json(
        { code: 'INVALID', message: 'Invalid query', fields: [{ name: 'priority', description: 'Priority is not allowed here.' }] },
        { status: 400 },
      );
    const { user } = renderRoute('/?priority=4');
    expect(await screen.findByText('Priority is not allowed here.')).toBeInTheDocument();
    expect(screen.getByLabelText('Priority')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Priority')).toHaveAccessibleDescription('Priority is not allowed here.');
    // Not loading: no skeleton, the table says why it is empty; a retry would only fail again, so none is offered.
    const table = screen.getByRole('table', { name: 'Campaigns' });
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'Talkdesk did not accept these filters.',
    ]);
    const alert = screen.getByRole('alert');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    nextFailure = null;
    await user.click(within(alert).getByRole('button', { name: 'Clear Priority' }));
    await screen.findByText('Showing 1–50 of 120');
    expect(currentLocation).toBe('/');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(bodyRows()).toHaveLength(50);
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
      http.get(`${API}/campaigns`, ({ request }) => {
        const body = sandbox.list(new URL(request.url)).body as { total_pages: number; _embedded: { campaigns: unknown[] } };
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
      http.get(`${API}/campaigns`, async ({ request }) => {
        const url = new URL(request.url);
        requests.push(url);
        request.signal.addEventListener('abort', () => aborted.push(url.searchParams.get('status') ?? 'all'));
        await delay(url.searchParams.get('status') === 'ready' ? 400 : 5);
        return listAnswer(url);
      }),
    );
    const { user } = renderRoute();
    await screen.findByText('Showing 1–50 of 120');
    await user.selectOptions(screen.getByLabelText('Status'), 'ready');
    await user.selectOptions(screen.getByLabelText('Status'), 'paused');
    await screen.findByText(showingFirstPage(sandbox.page('status=paused').total));
    await waitFor(() => expect(aborted).toContain('ready'));
    expect(bodyRows().every((row) => within(row).getByText('Paused'))).toBe(true);
  });

  it('renders hostile, right-to-left and emoji names as plain text', async () => {
    // The sandbox's data holds one of each; in name order, symbols come first and Arabic script last.
    const { container, user } = renderRoute('/?order_by=name:asc');
    expect(await screen.findByRole('link', { name: SECURITY_TEST_NAMES.markup })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: SECURITY_TEST_NAMES.emoji })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    await user.click(screen.getByRole('button', { name: /Name/ }));
    expect(await screen.findByRole('link', { name: SECURITY_TEST_NAMES.rightToLeft })).toBeInTheDocument();
  });

  it('opens a campaign in a panel with its own URL and closes it with Escape back to the same list', async () => {
    const ready = sandbox.page('status=ready');
    const campaign = ready.campaigns[2]!;
    const { user } = renderRoute('/?status=ready');
    await screen.findByText(showingFirstPage(ready.total));
    // By position: campaign names are not unique.
    await user.click(within(bodyRows()[2]!).getByRole('link'));
    const dialog = await screen.findByRole('dialog', { name: campaign.name });
    expect(currentLocation).toBe(`/campaigns/${campaign.id}?status=ready`);
    const [weekdays] = campaign.dialing_strategy.calling_hours;
    expect(within(dialog).getByText(`${weekdays!.from}–${weekdays!.to}`)).toBeInTheDocument();
    expect(within(dialog).getByText('Monday, Tuesday, Wednesday, Thursday, Friday')).toBeInTheDocument();
    expect(requests.at(-1)!.searchParams.get('expand')).toBe('dialing_mode_configuration,dialing_strategy');
    await act(async () => {
      await user.keyboard('{Escape}');
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentLocation).toBe('/?status=ready');
  });

  it('states each quantity in the panel in agreement with its number: 1 line, 2 lines', async () => {
    const [one, two] = [sandbox.campaigns[3]!, sandbox.campaigns[4]!];
    // The sandbox's campaigns, each quantity set to 1 or 2, in the documented shapes that carry a unit.
    server.use(
      http.get(`${API}/campaigns/:id`, ({ params, request }) => {
        const { body } = sandbox.detail(new URL(request.url), String(params.id));
        const n = params.id === one.id ? 1 : 2;
        return HttpResponse.json({
          ...(body as Record<string, unknown>),
          dialing_mode_configuration: { max_dialing_ratio: n, abandonment_timeout: { amount: n, unit: 'SECONDS' } },
          dialing_strategy: {
            preview_timeout: { amount: n, unit: 'SECONDS' },
            retry_period: n,
            retry_time_unit: 'MINUTES',
            record_chain: [{ type: 'MOBILE', max_attempts: n, retry_period: n, retry_time_unit: 'HOURS' }],
          },
        });
      }),
    );
    const read = async (campaign: Campaign) => {
      const { unmount } = renderRoute(`/campaigns/${campaign.id}`);
      const dialog = await screen.findByRole('dialog', { name: campaign.name });
      await within(dialog).findByText(/per agent$/);
      const text = dialog.textContent ?? '';
      unmount();
      return text;
    };
    const textOfOne = await read(one);
    for (const phrase of ['1 line per agent', '1 second', '1 minute', '1 attempt, retry after 1 hour']) expect(textOfOne).toContain(phrase);
    expect(textOfOne).not.toMatch(/\b1 (lines|seconds|minutes|attempts|hours)\b/);
    const textOfTwo = await read(two);
    for (const phrase of ['2 lines per agent', '2 seconds', '2 minutes', '2 attempts, retry after 2 hours']) expect(textOfTwo).toContain(phrase);
  });
});
