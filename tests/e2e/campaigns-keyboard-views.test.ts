/*
 * Keyboard shortcuts (each key, none while typing or with a modifier, none while the detail is open, the dialog
 * that lists them) and saved views (saved from a URL, kept over a reload, opened exactly, the built-in Needs action
 * view, rename, delete, a stale view's notice), with axe in both themes and the toolbar at 375 px.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { seriousViolations } from './axe.ts';
import { screenshot, type PageErrors, type Stack } from './harness.ts';
import { CampaignsApi, campaignRows, expectTableToShow, expectUrl, pagerText } from './campaigns-helpers.ts';
import { signedInFile } from './fixtures.ts';

let stack: Stack, page: Page, api: CampaignsApi, errors: PageErrors;
signedInFile((file) => ({ stack, page, api, errors } = file));

/** The name of the campaign whose row has focus, or null. */
const focusedRowName = () =>
  page.evaluate(() => (document.activeElement?.matches('tbody a[data-detail-link]') ? document.activeElement.textContent : null));

async function expectNoViolationsInBothThemes(state: string) {
  onTestFinished(() => page.emulateMedia({ colorScheme: 'light' }));
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, `${state}-${colorScheme}`);
    expect(await seriousViolations(page, `${state}, ${colorScheme}`)).toEqual([]);
  }
}

describe('keyboard shortcuts', () => {
  it('/, j, k, Enter, Escape, n, p and ? do what the dialog lists; not while typing, with a modifier or over the detail', async () => {
    await page.goto(`${stack.appUrl}/`);
    const first = await api.list({});
    await expectTableToShow(page, first);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).waitFor();

    // j and k walk the rows; the focused row is marked across its width. A menu left open closes as focus leaves it.
    const columns = page.getByRole('button', { name: 'Columns', exact: true });
    await columns.click();
    await expect.poll(() => columns.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('j');
    expect(await focusedRowName()).toBe(first.campaigns[0]!.name);
    expect(await columns.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await focusedRowName()).toBe(first.campaigns[1]!.name);
    const background = (row: Locator) => row.locator('td').nth(1).evaluate((cell) => getComputedStyle(cell).backgroundColor);
    expect(await background(campaignRows(page).nth(1))).not.toBe(await background(campaignRows(page).nth(3)));
    await screenshot(page, 'row-focus');

    // Far down the page, the focused row is scrolled into the table's view, below its sticky header.
    for (let presses = 0; presses < 30; presses += 1) await page.keyboard.press('j');
    expect(await focusedRowName()).toBe(first.campaigns[31]!.name);
    const visible = await page.evaluate(() => {
      const link = document.activeElement!.getBoundingClientRect();
      const scroller = document.activeElement!.closest('table')!.parentElement!.getBoundingClientRect();
      const header = document.querySelector('thead')!.getBoundingClientRect();
      return link.top >= header.bottom - 1 && link.bottom <= scroller.bottom + 1 && link.bottom <= window.innerHeight;
    });
    expect(visible).toBe(true);

    // Enter opens the focused campaign; over it, n does nothing; Escape closes it and focus is back on the row.
    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog', { name: first.campaigns[31]!.name });
    await detail.waitFor();
    const detailUrl = new URL(page.url()).pathname;
    await page.keyboard.press('n');
    await page.keyboard.press('?');
    expect(new URL(page.url()).pathname).toBe(detailUrl);
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await expectUrl(page, '/');
    await expect.poll(focusedRowName).toBe(first.campaigns[31]!.name);

    // n and p turn pages as the pager does, and stop at page 1; Alt+n is left to the browser.
    await page.keyboard.press('n');
    await expectUrl(page, '/?page=2');
    await expectTableToShow(page, await api.list({ page: 2 }));
    await expect.poll(() => pagerText(page).then((text) => text.position)).toBe(`Page 2 of ${first.totalPages}`);
    await page.keyboard.press('Alt+n');
    await page.keyboard.press('p');
    await expectUrl(page, '/');
    await page.keyboard.press('p');
    await expectTableToShow(page, first);
    expect(new URL(page.url()).search).toBe('');

    // / focuses the search box without typing into it; there, every key is typed.
    await page.keyboard.press('/');
    const searchBox = page.getByRole('searchbox', { name: 'Search campaigns' });
    expect(await searchBox.evaluate((box) => box === document.activeElement)).toBe(true);
    expect(await searchBox.inputValue()).toBe('');
    await page.keyboard.type('jkn?p/');
    expect(await searchBox.inputValue()).toBe('jkn?p/');
    await expectUrl(page, `/?search=${encodeURIComponent('jkn?p/')}`);
    expect(await searchBox.evaluate((box) => box === document.activeElement)).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);

    // ? opens the list of shortcuts; from it, a shortcut closes it and does what it says.
    await page.goto(`${stack.appUrl}/`);
    await expectTableToShow(page, first);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.waitFor();
    expect(await shortcuts.locator('kbd').allTextContents()).toEqual(['/', 'j', 'k', 'Enter', 'Esc', 'n', 'p', '?']);
    expect(await shortcuts.getByRole('row').nth(7).textContent()).toBe('pPrevious page');
    await expectNoViolationsInBothThemes('shortcuts-dialog');
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await shortcuts.waitFor();
    await page.keyboard.press('n');
    await shortcuts.waitFor({ state: 'hidden' });
    await expectUrl(page, '/?page=2');
  });
});

describe('saved views', () => {
  const SAVED_PATH = '/?status=running&order_by=name:asc&per_page=25&page=2';
  const viewsButton = () => page.getByRole('button', { name: 'Views', exact: true });
  const viewList = () => page.getByRole('list', { name: 'Views' });
  const viewNames = () => viewList().getByRole('link').allTextContents();
  const problemOf = async (field: Locator) => page.locator(`#${await field.getAttribute('aria-describedby')}`).textContent();

  async function openViews() {
    await viewsButton().click();
    await viewList().waitFor();
  }

  it('are saved from the URL, kept over a reload, opened exactly, renamed and deleted; Needs action is built in', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${stack.appUrl}${SAVED_PATH}`);
    const saved = await api.list({ status: 'running', order_by: 'name:asc', per_page: 25, page: 2 });
    await expectTableToShow(page, saved);

    // An empty name is refused, saying why; the name kept is trimmed.
    await openViews();
    expect(await viewNames()).toEqual(['Needs action']);
    const nameField = page.getByLabel('Name the view on screen');
    await nameField.fill('   ');
    await page.getByRole('button', { name: 'Save view' }).click();
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    expect(await problemOf(nameField)).toBe('Enter a name for the view.');
    await nameField.fill('  Running   by name ');
    await page.getByRole('button', { name: 'Save view' }).click();
    await expect.poll(viewNames).toEqual(['Needs action', 'Running by name']);
    expect(await page.getByRole('status').filter({ hasText: 'Saved' }).textContent()).toBe('Saved “Running by name”.');
    expect(await viewList().getByRole('link', { name: 'Running by name' }).getAttribute('aria-current')).toBe('page');

    // The same name, in any case, asks before it replaces.
    await nameField.fill('running BY NAME');
    await page.getByRole('button', { name: 'Save view' }).click();
    expect(await problemOf(nameField)).toBe('A view named “running BY NAME” exists: Replace saves this view in its place.');
    await page.getByRole('button', { name: 'Replace' }).click();
    await expect.poll(viewNames).toEqual(['Needs action', 'running BY NAME']);
    await expectNoViolationsInBothThemes('views-menu');

    // The built-in view: every campaign that needs action, newest first.
    await viewList().getByRole('link', { name: 'Needs action' }).click();
    await expectUrl(page, '/?action_required=true');
    await expectTableToShow(page, await api.list({ action_required: true, order_by: 'created_at:desc' }));
    expect(await viewList().count()).toBe(0);

    // After a reload, the saved view opens the exact URL it was saved from; Back returns.
    await page.reload();
    await expectTableToShow(page, await api.list({ action_required: true }));
    await openViews();
    await viewList().getByRole('link', { name: 'running BY NAME' }).click();
    await expectUrl(page, SAVED_PATH);
    await expectTableToShow(page, saved);
    await page.goBack();
    await expectUrl(page, '/?action_required=true');

    // Rename: the built-in name is refused; the new name is kept over a reload.
    await openViews();
    await page.getByRole('button', { name: 'Rename running BY NAME' }).click();
    const renameField = page.getByLabel('New name for running BY NAME');
    expect(await renameField.evaluate((field) => field === document.activeElement)).toBe(true);
    // Escape in the field cancels the rename only: the menu stays open, with focus back on Rename.
    await page.keyboard.press('Escape');
    await renameField.waitFor({ state: 'detached' });
    expect(await viewList().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Rename running BY NAME' }).evaluate((button) => button === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Rename running BY NAME' }).click();
    await renameField.fill('needs ACTION');
    await page.getByRole('button', { name: 'Save name' }).click();
    expect(await problemOf(renameField)).toBe('“Needs action” is a built-in view: choose another name.');
    await renameField.fill('Running, 2nd page');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(viewNames).toEqual(['Needs action', 'Running, 2nd page']);
    await page.reload();
    await openViews();
    expect(await viewNames()).toEqual(['Needs action', 'Running, 2nd page']);

    // Delete: gone, and still gone after a reload.
    await page.getByRole('button', { name: 'Delete Running, 2nd page' }).click();
    await expect.poll(viewNames).toEqual(['Needs action']);
    await page.reload();
    await openViews();
    expect(await viewNames()).toEqual(['Needs action']);
  });

  it('a view whose parameters are no longer valid opens with the notice; the toolbar and menu fit 375 px', async () => {
    await page.evaluate(() => localStorage.setItem('campaigns-saved-views', JSON.stringify([{ name: 'Archived', search: 'status=archived&priority=3' }])));
    onTestFinished(() => page.evaluate(() => localStorage.clear()));
    await page.goto(`${stack.appUrl}/`);
    await expectTableToShow(page, await api.list({}));
    await openViews();
    await viewList().getByRole('link', { name: 'Archived' }).click();
    await expectUrl(page, '/?priority=3');
    const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
    expect(await notice.textContent()).toContain('Ignored status=“archived”');
    await expectTableToShow(page, await api.list({ priority: 3 }));

    await page.setViewportSize({ width: 375, height: 740 });
    onTestFinished(() => page.setViewportSize({ width: 1280, height: 800 }));
    await screenshot(page, 'toolbar-375');
    await openViews();
    const within375 = async (locator: Locator) => {
      const box = (await locator.boundingBox())!;
      return box.x >= 0 && box.x + box.width <= 375;
    };
    // Every tool of the toolbar, wrapped onto the narrow screen.
    for (const name of ['Views', 'Columns', 'Copy link', 'Export CSV', 'Keyboard shortcuts']) {
      expect(await within375(page.getByRole('button', { name, exact: true })), name).toBe(true);
    }
    expect(await within375(page.getByRole('combobox', { name: 'Auto-refresh' }))).toBe(true);
    const panel = page.locator(`#${await viewsButton().getAttribute('aria-controls')}`);
    expect(await within375(panel)).toBe(true);
    await screenshot(page, 'views-menu-375');
    await page.keyboard.press('Escape');
    await viewList().waitFor({ state: 'detached' });
    expect(await viewsButton().evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await within375(page.getByRole('dialog', { name: 'Keyboard shortcuts' }))).toBe(true);
    await screenshot(page, 'shortcuts-dialog-375');
    await page.keyboard.press('Escape');
  });

  it('leaves no console errors behind', () => {
    expect(errors.unexpected()).toEqual([]);
  });
});
