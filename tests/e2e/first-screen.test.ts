/*
 * The first screen of a returning supervisor: the server draws the list view at the URL, the boot script
 * paints the first view's rows into it before the app's code (React and the rest) has run, and the app then renders
 * the same screen in its place. Here the app's chunks are held back, so what a supervisor sees before the app runs
 * can be looked at, and compared with what the app renders once they are let through.
 */
import type { Page, Request, Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SUPERVISOR, screenshot, type PageErrors, type Stack } from './harness.ts';
import { CampaignsApi, expectTableToShow, expectedSnapshot, selectedText, SETTLE_MS, tableNames, type ApiPage } from './campaigns-helpers.ts';
import { signedInFile } from './fixtures.ts';

let stack: Stack, page: Page, api: CampaignsApi, errors: PageErrors;
signedInFile((file) => ({ stack, page, api, errors } = file));

/** What the app's chunks are, as the built page lists them for the boot script to preload. */
async function appChunks(): Promise<string[]> {
  const html = await (await fetch(`${stack.appUrl}/`, { headers: { accept: 'text/html' } })).text();
  const block = /<script type="application\/json" id="app-chunks">([^<]*)<\/script>/.exec(html);
  if (!block) throw new Error('The page lists no app chunks');
  return (JSON.parse(block[1]!) as string[]).map((path) => `${stack.appUrl}${path}`);
}

/** Holds a test left in place when it failed: released after it, so the file's next tests get the app. */
const unreleased = new Set<() => Promise<void>>();
afterEach(async () => {
  await Promise.all([...unreleased].map((release) => release()));
});

/**
 * Holds every request of the page that `matches`, from now until `release` is called; then lets them go, and any
 * later one through.
 */
async function holdRequests(matches: (url: URL) => boolean): Promise<{ held: Route[]; release: () => Promise<void> }> {
  const held: Route[] = [];
  let released = false;
  const handler = (route: Route) => (released ? route.continue() : void held.push(route));
  await page.route(matches, handler);
  const release = async () => {
    if (released) return;
    // In this order: Playwright settles the requests a handler still holds when it is removed.
    released = true;
    unreleased.delete(release);
    await Promise.all(held.map((route) => route.continue()));
    await page.unroute(matches, handler);
  };
  unreleased.add(release);
  return { held, release };
}

/** The page's own script files. */
const isScript = (url: URL) => url.origin === new URL(stack.appUrl).origin && url.pathname.endsWith('.js');

/** Holds every request for the app's chunks until the returned function is called. */
async function holdApp(): Promise<() => Promise<void>> {
  const chunks = new Set(await appChunks());
  return (await holdRequests((url) => chunks.has(url.href))).release;
}

/** The first screen as a supervisor sees it: the rows' markup and text, the count, who is signed in, the controls. */
async function readScreen() {
  return page.evaluate(() => {
    const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? null;
    const body = document.querySelector('tbody');
    const rows = [...document.querySelectorAll<HTMLTableRowElement>('tbody tr:not([aria-hidden])')];
    const table = document.querySelector('table')!.getBoundingClientRect();
    const firstRow = rows[0]?.getBoundingClientRect();
    return {
      firstScreen: document.querySelector('#root > [data-first-screen]') !== null,
      inert: document.querySelector('#root > [data-first-screen]')?.hasAttribute('inert') ?? false,
      rowsMarkup: body?.innerHTML ?? '',
      names: rows.map((row) => row.querySelector('a')?.textContent?.trim() ?? ''),
      summary: text('#campaigns-summary'),
      user: text('[data-signed-in-user]'),
      busy: document.querySelector('table')?.getAttribute('aria-busy'),
      tableTop: Math.round(table.top),
      firstRowTop: firstRow ? Math.round(firstRow.top) : null,
    };
  });
}

describe('the first screen', () => {
  it('shows the rows at the URL before the app runs, and the app takes over without changing a thing', async () => {
    const view = { status: 'running', order_by: 'priority:asc' } as const;
    const answer: ApiPage = await api.list(view);
    const release = await holdApp();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/campaigns') requests.push(request.url());
    });

    await page.goto(`${stack.appUrl}/?status=running&order_by=priority:asc`);
    await page.waitForFunction((count) => document.querySelectorAll('[data-first-screen] tbody tr:not([aria-hidden])').length === count, answer.campaigns.length);
    const before = await readScreen();
    await screenshot(page, 'first-screen-before-app');

    // The app has not run: this is the server's screen with the boot script's rows, and it cannot be used yet.
    expect(before.firstScreen).toBe(true);
    expect(before.inert).toBe(true);
    expect({ names: before.names, summary: before.summary }).toEqual(expectedSnapshot(answer));
    expect(before.user).toBe(`Signed in as ${SUPERVISOR.name}`);
    expect(before.busy).toBe('false');
    // The server drew the controls as the URL says.
    expect(await selectedText(page, 'Status')).toBe('Running');
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Priority');
    expect(requests, requests.join('\n')).toHaveLength(1);

    await release();
    await page.waitForFunction(() => document.querySelector('#root > [data-first-screen]') === null);
    const after = await readScreen();
    await screenshot(page, 'first-screen-after-app');

    // React rendered exactly the rows the boot script painted, in the same place: nothing moved or changed.
    expect(after.rowsMarkup).toBe(before.rowsMarkup);
    expect(after.names).toEqual(before.names);
    expect(after.summary).toBe(before.summary);
    expect(after.user).toBe(before.user);
    expect(after.tableTop).toBe(before.tableTop);
    expect(after.firstRowTop).toBe(before.firstRowTop);
    // The app adopted the boot script's request instead of sending its own for the same view (it also prefetches the
    // next page, and counts those that need action).
    expect(requests.filter((url) => url === requests[0])).toHaveLength(1);

    // And it is the working app now: the controls respond.
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => page.url()).toContain('page=2');
    expect(errors.unexpected()).toEqual([]);
  });

  it('paints the rows that fit the window first, and the rest of the page right after, before the app runs', async () => {
    const answer: ApiPage = await api.list({});
    expect(answer.campaigns.length).toBeGreaterThan(30);
    const release = await holdApp();
    // What the first frame with rows would show: how many there are, and whether they reach the window's bottom edge.
    const watching = await page.addInitScript(() => {
      const watch = new MutationObserver(() => {
        const rows = document.querySelectorAll('[data-first-screen] tbody tr:not([aria-hidden])');
        if (rows.length === 0) return;
        watch.disconnect();
        const last = rows[rows.length - 1]!.getBoundingClientRect();
        Object.assign(window, { firstRows: { count: rows.length, reachBottom: last.bottom >= window.innerHeight, lastShown: last.top < window.innerHeight } });
      });
      watch.observe(document, { childList: true, subtree: true });
    });

    await page.goto(`${stack.appUrl}/`);
    await page.waitForFunction((count) => document.querySelectorAll('[data-first-screen] tbody tr:not([aria-hidden])').length === count, answer.campaigns.length);
    await watching.dispose();
    const first = (await page.evaluate('window.firstRows')) as { count: number; reachBottom: boolean; lastShown: boolean };
    expect(first.count).toBeLessThan(answer.campaigns.length);
    // Exactly the rows the window shows: down to its bottom edge, and none wholly below it.
    expect(first.reachBottom).toBe(true);
    expect(first.lastShown).toBe(true);
    // All of them, in order, before the app has run.
    const before = await readScreen();
    expect(before.firstScreen).toBe(true);
    expect(before.names).toEqual(expectedSnapshot(answer).names);
    await release();
    await page.waitForFunction(() => document.querySelector('#root > [data-first-screen]') === null);
    // The app's own requests (the next page, the count of those needing action) are done before the next test counts.
    await page.waitForLoadState('networkidle');
    expect(errors.unexpected()).toEqual([]);
  });

  it("downloads the app while a slow answer is awaited, and only after the rows when the answer is in already", async () => {
    const chunks = await appChunks();
    // When the first rows entered the page, and when each of the app's chunks was asked for (performance.now()).
    const timeline = () =>
      page.evaluate((chunkUrls) => {
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const list = resources.find((entry) => new URL(entry.name).pathname === '/api/campaigns')!;
        return {
          rowsAt: (window as unknown as { rowsAt: number }).rowsAt,
          answerAt: list.responseStart,
          chunksAt: chunkUrls.map((url) => resources.find((entry) => entry.name === url)?.startTime ?? null),
        };
      }, chunks);
    const watching = await page.addInitScript(() => {
      const watch = new MutationObserver(() => {
        if (!document.querySelector('[data-first-screen] tbody tr:not([aria-hidden])')) return;
        watch.disconnect();
        Object.assign(window, { rowsAt: performance.now() });
      });
      watch.observe(document, { childList: true, subtree: true });
    });
    const loaded = () => page.waitForFunction(() => document.querySelector('#root > [data-first-screen]') === null);

    // A fast network: the answer is in before any script file (its body too, but it is not read before they are,
    // and the browser does not report it complete before then). Downloading and compiling the app's chunks meanwhile
    // would hold the rows back, so they are asked for once the rows are painted.
    const scripts = await holdRequests(isScript);
    const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/campaigns');
    await page.goto(`${stack.appUrl}/`, { waitUntil: 'commit' });
    await answered;
    await scripts.release();
    await loaded();
    const fast = await timeline();
    expect(fast.chunksAt.every((at) => at !== null && at > fast.rowsAt), JSON.stringify(fast)).toBe(true);

    // A slow answer: the chunks download while it is awaited. It is held until every chunk has been asked for, so
    // an app that waited for the answer before downloading itself would never get it, and fail here.
    const answer = await holdRequests((url) => url.pathname === '/api/campaigns');
    const requested = new Set<string>();
    const onRequest = (request: Request) => void requested.add(request.url());
    page.on('request', onRequest);
    try {
      await page.goto(`${stack.appUrl}/`, { waitUntil: 'commit' });
      await expect.poll(() => chunks.filter((url) => !requested.has(url)), { timeout: SETTLE_MS }).toEqual([]);
      expect(answer.held.length).toBeGreaterThan(0);
    } finally {
      page.off('request', onRequest);
      // Released even when the test fails: the tests after it share the page.
      await answer.release();
    }
    await page.locator('tbody tr a').first().waitFor();
    const slow = await timeline();
    expect(slow.chunksAt.every((at) => at !== null && at < slow.answerAt), JSON.stringify(slow)).toBe(true);
    await watching.dispose();
    await page.waitForLoadState('networkidle');
    expect(errors.unexpected()).toEqual([]);
  });

  it('sends the first view\'s request while the page is parsed, before any script file has arrived', async () => {
    // Every script file is held back: only the page's own inline script can run.
    const scripts = await holdRequests(isScript);
    const requests: Array<{ url: string; headers: Record<string, string> }> = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/campaigns') requests.push({ url: request.url(), headers: request.headers() });
    });

    await page.goto(`${stack.appUrl}/?dialing_mode=preview`, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => requests.length).toBe(1);
    expect(new URL(requests[0]!.url).searchParams.get('dialing_mode')).toBe('PREVIEW');
    // Held, not merely late: the browser asked for them (the route sees that a moment after the page does).
    await expect.poll(() => scripts.held.length).toBeGreaterThan(0);

    await scripts.release();
    // The boot script took that answer instead of asking again, and painted it; then the app took over.
    await expectTableToShow(page, await api.list({ dialing_mode: 'preview' }));
    await page.waitForFunction(() => document.querySelector('#root > [data-first-screen]') === null);
    await expect.poll(() => requests.length).toBeGreaterThan(1);
    expect(requests.filter((request) => request.url === requests[0]!.url)).toHaveLength(1);
    // It went out the way the app's own requests go (the next page's prefetch, say): same token, same headers.
    const own = requests.find((request) => request.url !== requests[0]!.url)!;
    // No referrer either way (the page's policy): Playwright reports an empty one while requests are routed, none after.
    const sent = (headers: Record<string, string>) => ({ accept: headers.accept, authorization: headers.authorization, referer: headers.referer || null });
    expect(sent(requests[0]!.headers)).toEqual(sent(own.headers));
    expect(requests[0]!.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(errors.unexpected()).toEqual([]);
  });

  it("sends a shared detail link's two requests, the list's and the panel's, before any script file has arrived", async () => {
    const campaign = (await api.list({ status: 'paused' })).campaigns[0]!;
    const scripts = await holdRequests(isScript);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/campaigns')) requests.push(new URL(request.url()).pathname);
    });

    await page.goto(`${stack.appUrl}/campaigns/${campaign.id}?status=paused`, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => [...requests].sort()).toEqual(['/api/campaigns', `/api/campaigns/${campaign.id}`]);
    // Held, not merely late: the browser asked for them (the route sees that a moment after the page does).
    await expect.poll(() => scripts.held.length).toBeGreaterThan(0);

    await scripts.release();
    const dialog = page.getByRole('dialog', { name: campaign.name });
    await dialog.waitFor();
    await expect.poll(() => dialog.getAttribute('aria-busy')).toBe('false');
    // The panel showed the early answer: the app asked for the campaign no second time.
    expect(requests.filter((path) => path === `/api/campaigns/${campaign.id}`)).toHaveLength(1);
    expect(errors.unexpected()).toEqual([]);
  });

  it('draws the list behind a shared detail link before the app runs; the panel opens over it once the app is in', async () => {
    const answer: ApiPage = await api.list({ status: 'running' });
    const campaign = answer.campaigns[3]!;
    const release = await holdApp();
    const requests: string[] = [];
    const panelRequests: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname === '/api/campaigns') requests.push(request.url());
      if (pathname === `/api/campaigns/${campaign.id}`) panelRequests.push(request.url());
    });

    await page.goto(`${stack.appUrl}/campaigns/${campaign.id}?status=running`);
    // Every row: those the window shows are painted a frame before the rest.
    await page.waitForFunction((count) => document.querySelectorAll('[data-first-screen] tbody tr:not([aria-hidden])').length === count, answer.campaigns.length);
    // The panel's campaign is on its way already, with the list: the app, which opens the panel, is still held back.
    expect(panelRequests).toHaveLength(1);
    const before = await readScreen();
    expect(before.firstScreen).toBe(true);
    expect({ names: before.names, summary: before.summary }).toEqual(expectedSnapshot(answer));
    expect(await selectedText(page, 'Status')).toBe('Running');
    expect(await page.getByRole('dialog').count()).toBe(0);
    // A click on the list now is not kept for later: the panel will be where it was aimed.
    const row = await page.locator('[data-first-screen] tbody tr').nth(8).boundingBox();
    if (!row) throw new Error('no ninth row on the first screen');
    await page.mouse.click(row.x + 40, row.y + row.height / 2);

    // The app's first render has the panel in it: no frame shows the app's list without it.
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-first-screen]')) return;
        observer.disconnect();
        (window as unknown as { panelAtTakeover: boolean }).panelAtTakeover = document.querySelector('[role="dialog"]') !== null;
      });
      observer.observe(document.getElementById('root')!, { childList: true });
    });
    await release();
    const dialog = page.getByRole('dialog', { name: campaign.name });
    await dialog.waitFor();
    expect(await page.evaluate(() => (window as unknown as { panelAtTakeover?: boolean }).panelAtTakeover)).toBe(true);
    await screenshot(page, 'first-screen-detail-link');
    expect(new URL(page.url()).pathname).toBe(`/campaigns/${campaign.id}`);
    const after = await readScreen();
    expect(after.firstScreen).toBe(false);
    // The list under the panel is the one that was drawn, where it was drawn (the panel has a table of its own).
    expect(await tableNames(page)).toEqual(before.names);
    expect(after.tableTop).toBe(before.tableTop);
    // One request for the list and one for the panel: the page's early ones, which the boot script and then the app
    // took over. The panel shows that campaign.
    expect(requests.filter((url) => url === requests[0])).toHaveLength(1);
    await expect.poll(() => dialog.getAttribute('aria-busy')).toBe('false');
    await expect(dialog.getByText(campaign.name).count()).resolves.toBeGreaterThan(0);
    expect(panelRequests).toHaveLength(1);
    expect(errors.unexpected()).toEqual([]);
  });

  it('shows the columns and density chosen in the Columns menu from the first frame after a reload, and keeps them out of the URL', async () => {
    await page.goto(`${stack.appUrl}/?status=running`);
    const columns = page.getByRole('button', { name: 'Columns' });
    await columns.waitFor();
    const rowHeight = () => page.locator('tbody tr:not([aria-hidden])').first().evaluate((row) => row.getBoundingClientRect().height);
    const comfortable = await rowHeight();
    await columns.click();
    await expect(page.getByRole('checkbox', { name: 'Name' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('checkbox', { name: 'Priority' }).uncheck();
    await page.getByRole('checkbox', { name: 'Run once' }).uncheck();
    await page.getByRole('radiogroup', { name: 'Density' }).getByRole('radio', { name: 'Compact' }).check();
    await screenshot(page, 'first-screen-columns-menu');
    await page.keyboard.press('Escape');
    await expect.poll(() => columns.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(new URL(page.url()).search).toBe('?status=running');
    const visibleHeaders = () =>
      page.locator('thead th').evaluateAll((cells) => cells.filter((cell) => cell.getBoundingClientRect().width > 0).map((cell) => cell.textContent?.replace(/[▲▼↕]/g, '').trim()));
    const shown = ['Name', 'Status', 'Dialing mode', 'Needs action', 'Created'];
    expect(await visibleHeaders()).toEqual(shown);
    const compact = await rowHeight();
    expect(compact / comfortable).toBeGreaterThan(0.55);
    expect(compact / comfortable).toBeLessThan(0.75);

    // A reload: the server's screen with the painted rows, before the app runs, is already this table.
    const release = await holdApp();
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-first-screen] tbody tr:not([aria-hidden])').length > 0);
    const geometry = () =>
      page.evaluate(() => ({
        headers: [...document.querySelectorAll('thead th')].map((cell) => Math.round(cell.getBoundingClientRect().left) + ':' + Math.round(cell.getBoundingClientRect().width)),
        rowHeight: document.querySelector('tbody tr:not([aria-hidden])')!.getBoundingClientRect().height,
        hiddenCells: document.querySelectorAll('tbody td[data-col="priority"], tbody td[data-col="run_once"]').length,
        shownHiddenCells: [...document.querySelectorAll('tbody td[data-col="priority"], tbody td[data-col="run_once"]')].filter((cell) => cell.getBoundingClientRect().width > 0).length,
      }));
    const before = await geometry();
    await screenshot(page, 'first-screen-columns-before-app');
    expect(await visibleHeaders()).toEqual(shown);
    expect(before.rowHeight).toBe(compact);
    // The cells are there (the row template knows nothing of preferences), and hidden.
    expect(before.hiddenCells).toBeGreaterThan(0);
    expect(before.shownHiddenCells).toBe(0);
    await release();
    await page.waitForFunction(() => document.querySelector('#root > [data-first-screen]') === null);
    // Nothing moves when the app takes over.
    expect(await geometry()).toEqual(before);
    expect(new URL(page.url()).search).toBe('?status=running');

    await columns.click();
    await page.getByRole('button', { name: 'Reset columns and density' }).click();
    await page.keyboard.press('Escape');
    expect(await visibleHeaders()).toEqual(['Name', 'Status', 'Dialing mode', 'Priority', 'Run once', 'Needs action', 'Created']);
    expect(await rowHeight()).toBe(comfortable);
    expect(errors.unexpected()).toEqual([]);
  });

  it('keeps a click made before the app runs, and gives it to the app once it does', async () => {
    const release = await holdApp();
    await page.goto(`${stack.appUrl}/`);
    await page.waitForFunction(() => document.querySelectorAll('[data-first-screen] tbody tr:not([aria-hidden])').length > 0);
    // A supervisor clicks the Name header at once: the screen is inert, so nothing happens yet.
    const header = await page.locator('[data-first-screen] thead button', { hasText: 'Name' }).boundingBox();
    if (!header) throw new Error('no Name header on the first screen');
    await page.mouse.click(header.x + header.width / 2, header.y + header.height / 2);
    expect(new URL(page.url()).search).toBe('');

    await release();
    // Once the app is in, the click reaches it: sorted by name, as if the app had been there all along.
    await expect.poll(() => new URL(page.url()).search).toBe('?order_by=name:asc');
    await expectTableToShow(page, await api.list({ order_by: 'name:asc' }));
    expect(errors.unexpected()).toEqual([]);
  });

  // Last: the browser's own console errors for the 404s stay in this page's log.
  it('opens a shared link to a campaign that does not exist with the panel saying so, over its list', async () => {
    const requests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/campaigns/no-such-campaign') requests.push(request.url());
    });
    await page.goto(`${stack.appUrl}/campaigns/no-such-campaign?status=running`);
    const dialog = page.getByRole('dialog', { name: 'Campaign unavailable' });
    await dialog.waitFor();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/not found|no longer exists|does not exist/i);
    await expectTableToShow(page, await api.list({ status: 'running' }));
    await screenshot(page, 'first-screen-detail-link-missing');
    // The early request's 404 is not taken as the answer for good: the panel asks once more itself (it could have
    // been an expired token), and that is all.
    expect(requests).toHaveLength(2);
    // The browser logs each 404 itself; nothing else went wrong.
    expect(errors.unexpected([/status of 404 \(Not Found\) \(http:\/\/[^)]+\/api\/campaigns\/no-such-campaign\?/])).toEqual([]);
  });
});
