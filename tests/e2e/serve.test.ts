/*
 * `npm run build && npm run serve` pointed at a separately started sandbox with the override variables, the way
 * it would be pointed at a private Talkdesk test server: sign-in works through it, and its responses carry the
 * security and caching headers (CSP, nosniff, referrer policy, hashed assets cached, the page not).
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EARLY_REQUEST_ELEMENT_ID } from '../../src/first-screen/contract.ts';
import { executableInlineScripts } from '../server/first-screen-bundle.ts';
import { e2eFile, testTab } from './fixtures.ts';
import { campaignRows, screenshot, signIn, startSeparateServers, SUPERVISOR, type Stack } from './harness.ts';

let stack: Stack & { secret: string };
let browser: Browser;
e2eFile(() => startSeparateServers(), (file) => ({ stack, browser } = file));

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
      const [name = '', ...values] = part.split(/\s+/);
      return [name.toLowerCase(), values];
    }),
  );
}

describe('npm run serve against the sandbox', () => {
  it('signs the supervisor in and shows campaigns', async () => {
    const { page, errors } = await testTab(browser);
    await page.goto(`${stack.appUrl}/?dialing_mode=preview`);
    await page.waitForURL((url) => url.href.startsWith(`${stack.sandboxUrl}/`));
    await signIn(page, SUPERVISOR);
    await campaignRows(page).first().getByRole('link').waitFor();
    expect(new URL(page.url()).search).toBe('?dialing_mode=preview');
    expect(await page.getByRole('banner').textContent()).toContain(SUPERVISOR.name);
    const modes = await campaignRows(page).locator('td:nth-child(3)').allInnerTexts();
    expect(modes.length).toBeGreaterThan(0);
    expect(new Set(modes.map((mode) => mode.trim()))).toEqual(new Set(['Preview']));
    await screenshot(page, 'serve-campaigns');

    expect(errors.unexpected()).toEqual([]);
  });

  it('never sends the client secret to the browser', async () => {
    const config = await (await fetch(`${stack.appUrl}/app-config.json`)).text();
    const html = await (await fetch(stack.appUrl)).text();
    expect(config).not.toContain(stack.secret);
    expect(html).not.toContain(stack.secret);
    expect(stack.output()).not.toContain(stack.secret);
  });

  it('sends the security headers with the page', async () => {
    const response = await fetch(`${stack.appUrl}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get('content-security-policy') ?? '');
    const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? [];
    expect(scriptSrc.length).toBeGreaterThan(0);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    // An inline script runs only if the CSP names its hash: the list's one script that sends the first view's
    // request while the page is parsed. Any other inline element is a JSON data block.
    const html = await response.text();
    const executable = executableInlineScripts(html);
    expect(executable).toHaveLength(1);
    expect(executable[0]).toContain('fetch(');
    const hashes = scriptSrc.filter((source) => source.startsWith("'sha256-"));
    expect(hashes).toEqual(executable.map((source) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`));

    // A client route gets the app too (SPA fallback), with the same headers. A detail link gets the list behind its
    // panel drawn by the server, and the early requests for it and for the panel: the page of the list at the same
    // query, with one more URL to send. Other routes are drawn in the browser only, and no inline script runs there.
    expect(html).toMatch(/<div id="root"><div data-first-screen="" inert="" hidden="">.+<\/div><\/div>\n/);
    const list = await fetch(`${stack.appUrl}/?status=running`, { headers: { accept: 'text/html' } });
    const detail = await fetch(`${stack.appUrl}/campaigns/some%20id?status=running`, { headers: { accept: 'text/html' } });
    expect(detail.status).toBe(200);
    const earlyBlock = new RegExp(`<script type="application/json" id="${EARLY_REQUEST_ELEMENT_ID}">([^<]*)</script>`);
    const [listHtml, detailHtml] = [await list.text(), await detail.text()];
    const listUrls = (JSON.parse(earlyBlock.exec(listHtml)![1]!) as { urls: string[] }).urls;
    const detailUrls = (JSON.parse(earlyBlock.exec(detailHtml)![1]!) as { urls: string[] }).urls;
    expect(listUrls).toEqual([expect.stringMatching(/^\/api\/campaigns\?.*status=running/)]);
    expect(detailUrls).toEqual([...listUrls, '/api/campaigns/some%20id?expand=dialing_mode_configuration%2Cdialing_strategy']);
    expect(detailHtml.replace(earlyBlock, '')).toBe(listHtml.replace(earlyBlock, ''));
    expect(detail.headers.get('content-security-policy')).toBe(list.headers.get('content-security-policy'));
    const route = await fetch(`${stack.appUrl}/no-such-page`, { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    const plain = html
      .replace(/<div id="root">.+<\/div>\n/, '<div id="root"></div>\n')
      .replace(new RegExp(`<script type="application/json" id="${EARLY_REQUEST_ELEMENT_ID}">[^<]*</script><script>[\\s\\S]*?</script>`), '');
    expect(await route.text()).toBe(plain);
    expect(route.headers.get('content-security-policy')).toBe(response.headers.get('content-security-policy')!.replace(` ${hashes.join(' ')}`, ''));

    // The server's own code for drawing the first screen is in the build folder, but not part of the site.
    expect((await fetch(`${stack.appUrl}/.first-screen/first-screen.js`)).status).toBe(404);

    // A shared link searching for text that looks like a replacement pattern ($&, $1) gets it back as typed, in a
    // page that is still whole.
    const odd = await (await fetch(`${stack.appUrl}/?search=${encodeURIComponent("a$&b$1$'")}`, { headers: { accept: 'text/html' } })).text();
    expect(odd).toContain(`value="a$&amp;b$1$&#x27;"`);
    expect(odd.match(/<div id="root">/g)).toHaveLength(1);
  });

  it('caches hashed assets for a year and reports health', async () => {
    const html = await (await fetch(`${stack.appUrl}/`, { headers: { accept: 'text/html' } })).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const response = await fetch(`${stack.appUrl}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('cache-control'), asset).toMatch(/max-age=31536000/);
      expect(response.headers.get('cache-control'), asset).toMatch(/immutable/);
      expect(response.headers.get('x-content-type-options'), asset).toBe('nosniff');
    }

    const health = await fetch(`${stack.appUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
