/*
 * Token handling and injection in Chromium against `npm start`: over a whole session the tokens stay in sessionStorage and in
 * Authorization headers to the app's own origin (never a URL, localStorage, the console or another origin, and
 * the API's HAL links are never followed); a hostile campaign name is text; the production CSP stops injected
 * script; an over-long link opens the default view. The proxy's refusals are in proxy.test.ts; the few cases it
 * lacks (OPTIONS and TRACE, a Host header naming another host, a client secret sent by the browser) are here.
 */
import { request as httpRequest } from 'node:http';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInFile, testTab } from './fixtures.ts';
import { campaignRows, collectErrors, pathAndQuery, signIn, storedUser, SUPERVISOR, type Stack, waitForRowsWithStatus } from './harness.ts';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

let stack: Stack;
let browser: Browser;
// The tab the file's tests share, signed in; the test that follows a whole session from signed out opens its own.
let context: BrowserContext, page: Page;
signedInFile((file) => ({ stack, browser, context, page } = file));

interface SeenRequest {
  request: Request;
  /** The page's URL when the request started: a sandbox subresource is fine only while the login page shows. */
  pageUrl: string;
}

/** Everything a page exposes that a token could leak through, recorded from the first navigation on. */
function recordPage(page: Page) {
  const requests: SeenRequest[] = [];
  const consoleLines: string[] = [];
  const urls = new Set<string>();
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push({ request, pageUrl: page.url() }));
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('framenavigated', (frame) => urls.add(frame.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { requests, consoleLines, urls, dialogs };
}

async function localStorageDump(page: Page): Promise<string> {
  return (await page.evaluate('JSON.stringify(Object.entries(localStorage))')) as string;
}

/** The shared tab back on the list, with rows. */
async function openList(): Promise<void> {
  await page.goto(`${stack.appUrl}/`);
  await campaignRows(page).first().getByRole('link').waitFor();
}

describe('the tokens', () => {
  it('never reach a URL, localStorage, the console or another origin over a whole session', async () => {
    // Its own tab: recorded from the first navigation on, signed out at the end.
    const { page, errors } = await testTab(browser);
    const seen = recordPage(page);
    const appOrigin = new URL(stack.appUrl).origin;
    const sandboxOrigin = new URL(stack.sandboxUrl).origin;
    const storage: string[] = [];
    const visited: string[] = [];
    const step = async () => {
      visited.push(page.url());
      storage.push(await localStorageDump(page));
    };

    await page.goto(stack.appUrl);
    await page.waitForURL((url) => url.origin === sandboxOrigin);
    await step();
    await signIn(page, SUPERVISOR);
    await campaignRows(page).first().getByRole('link').waitFor();
    await step();
    const user = await storedUser(page);
    const secrets = [user?.access_token, user?.refresh_token].filter((token): token is string => typeof token === 'string' && token.length > 0);
    expect(secrets.length, 'an access and a refresh token in sessionStorage').toBe(2);

    await page.getByLabel('Status').selectOption({ label: 'Running' });
    await waitForRowsWithStatus(page, 'Running');
    await step();
    await page.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
    await page.waitForURL((url) => url.searchParams.get('order_by')?.startsWith('name') === true);
    await step();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await waitForRowsWithStatus(page, 'Running');
    await step();
    await campaignRows(page).first().getByRole('link').click();
    await page.getByRole('dialog').waitFor();
    await step();
    await page.reload();
    await page.getByRole('dialog').waitFor();
    await step();
    await page.goBack();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await step();
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('page') === null);
    await step();
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await step();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signed-out');
    await step();

    const leaks = (where: string, text: string) =>
      secrets.filter((secret) => text.includes(secret)).map((secret) => `${where} holds the ${secret === user?.access_token ? 'access' : 'refresh'} token`);
    const headersOf = await Promise.all(seen.requests.map(({ request }) => request.allHeaders().catch(() => request.headers())));
    const problems: string[] = [];
    for (const url of [...seen.urls, ...visited]) problems.push(...leaks(`URL ${url.slice(0, 120)}`, url));
    for (const [index, dump] of storage.entries()) {
      problems.push(...leaks(`localStorage at step ${index}`, dump));
      if (/oidc\./.test(dump)) problems.push(`localStorage at step ${index} holds an oidc-client-ts entry: ${dump.slice(0, 200)}`);
    }
    for (const line of seen.consoleLines) problems.push(...leaks(`console "${line.slice(0, 80)}"`, line));

    const apiCalls = new Set<string>();
    let signInNavigations = 0;
    for (const [index, { request, pageUrl }] of seen.requests.entries()) {
      const url = new URL(request.url());
      const headers = headersOf[index] ?? {};
      const label = `${request.method()} ${request.resourceType()} ${url.href.slice(0, 120)}`;
      problems.push(...leaks(`the URL of ${label}`, url.href));
      if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
      if (url.origin === appOrigin) {
        if (headers.authorization) apiCalls.add(url.pathname.startsWith('/api/campaigns') ? 'api' : url.pathname);
        continue;
      }
      if (headers.authorization) problems.push(`${label} carries Authorization to ${url.origin}`);
      problems.push(...leaks(`the headers of ${label}`, JSON.stringify(headers)));
      problems.push(...leaks(`the body of ${label}`, request.postData() ?? ''));
      if (url.origin !== sandboxOrigin) {
        problems.push(`${label} goes to a third origin`);
      } else if (['fetch', 'xhr', 'eventsource', 'websocket', 'ping'].includes(request.resourceType())) {
        problems.push(`${label} is a script request to the identity/API host`);
      } else if (!request.isNavigationRequest() && new URL(pageUrl).origin !== sandboxOrigin) {
        problems.push(`${label} was loaded by the app page (on ${pageUrl})`);
      } else if (request.isNavigationRequest() && !/^\/(oauth\/authorize|interaction\/)/.test(url.pathname)) {
        problems.push(`${label} navigates to a sandbox page other than sign-in`);
      }
      if (request.isNavigationRequest()) signInNavigations += 1;
      if (url.pathname.startsWith('/campaigns')) problems.push(`${label} follows a HAL link to the sandbox API`);
    }

    expect(problems).toEqual([]);
    // The checks above looked at real traffic: the session did call the API with the token, only on /api.
    expect([...apiCalls]).toEqual(['api']);
    expect(signInNavigations).toBeGreaterThanOrEqual(2);
    expect(seen.dialogs).toEqual([]);
    expect(errors.unexpected()).toEqual([]);
    expect(pathAndQuery(page)).toBe('/signed-out');
  });
});

describe('hostile data and injected script', () => {
  it('shows a campaign named like markup as text, with no element and no alert', async () => {
    await openList();
    const seen = recordPage(page);
    const errors = collectErrors(page);

    await page.getByLabel('Search campaigns').fill(HOSTILE_NAME);
    await page.waitForURL((url) => url.searchParams.get('search') === HOSTILE_NAME);
    const link = campaignRows(page).getByRole('link', { name: HOSTILE_NAME, exact: true });
    await link.first().waitFor();

    expect(await link.first().textContent()).toBe(HOSTILE_NAME);
    expect(await page.getByRole('table', { name: 'Campaigns' }).locator('img').count()).toBe(0);
    await link.first().click();
    const dialog = page.getByRole('dialog', { name: HOSTILE_NAME });
    await dialog.waitFor();
    expect(await dialog.locator('img').count()).toBe(0);
    expect(await page.title()).not.toContain('<img');
    expect(seen.dialogs).toEqual([]);
    expect(errors.unexpected()).toEqual([]);
  });

  it('the production CSP stops an injected inline script and an inline event handler, and reports both', async () => {
    const inject = `(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 1';
      document.body.append(script);
      document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__pwned2 = 1">');
    })()`;
    const outcome = `({ pwned: window.__pwned, pwned2: window.__pwned2, violations: window.__violations })`;

    // The same injection does run in a page without the app's CSP: what follows is the CSP, not a dud attack.
    const bare = await context.newPage();
    await bare.setContent('<!doctype html><title>no CSP</title><body></body>');
    await bare.evaluate(inject);
    await bare.waitForFunction('window.__pwned2 === 1');
    expect(await bare.evaluate(outcome)).toEqual({ pwned: 1, pwned2: 1, violations: [] });
    await bare.close();

    await openList();
    const seen = recordPage(page);
    await page.evaluate(inject);
    await page.waitForFunction('window.__violations.length >= 2');
    const result = (await page.evaluate(outcome)) as { pwned?: number; pwned2?: number; violations: string[] };
    expect(result.pwned).toBeUndefined();
    expect(result.pwned2).toBeUndefined();
    expect(result.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
    expect(seen.dialogs).toEqual([]);
  });
});

describe('an over-long link', () => {
  // Node's HTTP server takes a request line of up to 16 kB; this one is about 11 kB, with 200 unknown parameters.
  const unknown = Array.from({ length: 200 }, (_, index) => `utm_${index}=x`).join('&');
  const longLink = `/?search=${'a'.repeat(9_000)}&${unknown}`;

  it('opens the default view and says what it ignored', async () => {
    await openList();
    const errors = collectErrors(page);

    await page.goto(`${stack.appUrl}${longLink}`);
    const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
    await notice.waitFor();
    expect(await notice.getByRole('listitem').count()).toBe(201);
    expect(await notice.textContent()).toContain('Ignored search=');
    expect(await notice.textContent()).toContain('Ignored unknown parameter “utm_199”');
    await campaignRows(page).first().getByRole('link').waitFor();
    expect(await page.getByLabel('Search campaigns').inputValue()).toBe('');
    expect(pathAndQuery(page)).toBe('/');
    expect(errors.unexpected()).toEqual([]);
  });

  it('is refused with 414 by the proxy when it would reach the API', async () => {
    const response = await fetch(`${stack.appUrl}/api/campaigns?search=${'a'.repeat(9_000)}`, { headers: { authorization: 'Bearer x' } });
    expect(response.status).toBe(414);
    expect(await response.json()).toMatchObject({ code: 'uri_too_long' });
  });
});

/** One request with the headers exactly as given (fetch refuses to set Host). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(stack.appUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the running proxy, beyond proxy.test.ts', () => {
  it.each(['OPTIONS', 'TRACE'])('refuses %s on /api/campaigns without calling the API', async (method) => {
    const before = await stack.requestCounts();
    const response = await raw(method, '/api/campaigns', { authorization: 'Bearer probe' });
    expect(response.status).toBe(405);
    expect(response.body).not.toContain('probe');
    expect(await stack.requestCounts()).toEqual(before);
  });

  it('calls only the configured API whatever Host or X-Forwarded-Host the request names', async () => {
    const before = (await stack.requestCounts()).list;
    const response = await raw('GET', '/api/campaigns', { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    // The sandbox's own 401 (not a 502 from trying evil.example) and one more list request counted by the sandbox.
    expect(response.status).toBe(401);
    expect((await stack.requestCounts()).list).toBe(before + 1);
  });

  it('refuses a client secret sent by the browser, with any grant, without calling the identity host', async () => {
    const before = (await stack.requestCounts()).token;
    for (const body of ['grant_type=client_credentials&client_secret=guess', 'grant_type=refresh_token&refresh_token=x&client_secret=guess']) {
      const response = await raw('POST', '/oauth/token', { 'content-type': 'application/x-www-form-urlencoded' }, body);
      expect(response.status, body).toBe(400);
      expect(response.body, body).not.toContain('access_token');
    }
    expect((await stack.requestCounts()).token).toBe(before);
  });
});
