/*
 * Sorting and paging happen on the server: every header click and pager button must show the API's own answer
 * for that order_by / page / per_page, and say where the supervisor is.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PageErrors, Stack } from './harness.ts';
import {
  CampaignsApi,
  expectTableToShow,
  expectUrl,
  formatCount,
  pagerText,
  selectedText,
  type ViewState,
} from './campaigns-helpers.ts';
import { signedInFile } from './fixtures.ts';

let stack: Stack, page: Page, api: CampaignsApi, errors: PageErrors;
signedInFile((file) => ({ stack, page, api, errors } = file));

const table = () => page.getByRole('table', { name: 'Campaigns' });
const header = (label: string) => table().locator('th', { has: page.getByRole('button', { name: label, exact: true }) });

async function expectPager(position: string, range: string) {
  await expect.poll(() => pagerText(page)).toEqual({ position, range });
}

describe('sorting', () => {
  const columns = [
    { label: 'Name', field: 'name' },
    { label: 'Dialing mode', field: 'dialing_mode' },
    { label: 'Priority', field: 'priority' },
  ] as const;

  for (const { label, field } of columns) {
    it(`${label}: ascending, then descending, as the API orders it`, async () => {
      await page.goto(`${stack.appUrl}/`);
      await expectTableToShow(page, await api.list({}));
      expect(await header(label).getAttribute('aria-sort')).toBeNull();
      expect(await header('Created').getAttribute('aria-sort')).toBe('descending');

      await header(label).getByRole('button').click();
      await expectUrl(page, `/?order_by=${field}:asc`);
      await expectTableToShow(page, await api.list({ order_by: `${field}:asc` }));
      expect(await header(label).getAttribute('aria-sort')).toBe('ascending');
      expect(await header('Created').getAttribute('aria-sort')).toBeNull();

      await header(label).getByRole('button').click();
      await expectUrl(page, `/?order_by=${field}:desc`);
      await expectTableToShow(page, await api.list({ order_by: `${field}:desc` }));
      expect(await header(label).getAttribute('aria-sort')).toBe('descending');
    });
  }

  it('Created (the default, newest first): ascending, then back to descending with a clean URL', async () => {
    await page.goto(`${stack.appUrl}/`);
    await expectTableToShow(page, await api.list({}));
    await header('Created').getByRole('button').click();
    await expectUrl(page, '/?order_by=created_at:asc');
    await expectTableToShow(page, await api.list({ order_by: 'created_at:asc' }));
    expect(await header('Created').getAttribute('aria-sort')).toBe('ascending');

    await header('Created').getByRole('button').click();
    await expectUrl(page, '/');
    await expectTableToShow(page, await api.list({ order_by: 'created_at:desc' }));
    expect(await header('Created').getAttribute('aria-sort')).toBe('descending');
  });

  it('announces the result politely', async () => {
    await page.goto(`${stack.appUrl}/?status=running&order_by=priority:desc`);
    const answer = await api.list({ status: 'running', order_by: 'priority:desc' });
    await expectTableToShow(page, answer);
    const live = page.locator('[aria-live="polite"]', { hasText: 'Sorted by' });
    await expect.poll(() => live.textContent()).toBe(`Sorted by priority, descending. ${formatCount(answer.total)} campaigns.`);
  });
});

describe('paging', () => {
  it('Next, Last, Previous and First walk the pages the API serves', async () => {
    await page.goto(`${stack.appUrl}/`);
    const first = await api.list({});
    await expectTableToShow(page, first);
    const total = formatCount(first.total);
    const lastPage = first.totalPages;
    expect(lastPage).toBeGreaterThan(2);
    await expectPager(`Page 1 of ${lastPage}`, `Showing 1–50 of ${total}`);
    const pager = page.getByRole('navigation', { name: 'Pagination' });
    expect(await pager.getByRole('button', { name: 'First page' }).isDisabled()).toBe(true);
    expect(await pager.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);

    await pager.getByRole('button', { name: 'Next page' }).click();
    await expectUrl(page, '/?page=2');
    await expectTableToShow(page, await api.list({ page: 2 }));
    await expectPager(`Page 2 of ${lastPage}`, `Showing 51–100 of ${total}`);

    await pager.getByRole('button', { name: 'Last page' }).click();
    await expectUrl(page, `/?page=${lastPage}`);
    const last = await api.list({ page: lastPage });
    await expectTableToShow(page, last);
    const lastFirstRow = (lastPage - 1) * 50 + 1;
    await expectPager(
      `Page ${lastPage} of ${lastPage}`,
      `Showing ${formatCount(lastFirstRow)}–${formatCount(lastFirstRow + last.campaigns.length - 1)} of ${total}`,
    );
    expect(await pager.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    expect(await pager.getByRole('button', { name: 'Last page' }).isDisabled()).toBe(true);

    await pager.getByRole('button', { name: 'Previous page' }).click();
    await expectUrl(page, `/?page=${lastPage - 1}`);
    await expectTableToShow(page, await api.list({ page: lastPage - 1 }));
    await expectPager(`Page ${lastPage - 1} of ${lastPage}`, `Showing ${formatCount(lastFirstRow - 50)}–${formatCount(lastFirstRow - 1)} of ${total}`);

    await pager.getByRole('button', { name: 'First page' }).click();
    await expectUrl(page, '/');
    await expectTableToShow(page, first);
    await expectPager(`Page 1 of ${lastPage}`, `Showing 1–50 of ${total}`);
  });

  it('Rows per page 10, 25 and 100 return to page 1 and show that many rows', async () => {
    await page.goto(`${stack.appUrl}/?status=ready&page=3`);
    const ready = await api.list({ status: 'ready', page: 3 });
    await expectTableToShow(page, ready);
    const total = formatCount(ready.total);

    for (const size of [10, 25, 100]) {
      await page.getByLabel('Rows per page').selectOption(String(size));
      await expectUrl(page, `/?status=ready&per_page=${size}`);
      const view: ViewState = { status: 'ready', per_page: size };
      const answer = await api.list(view);
      expect(answer.campaigns).toHaveLength(size);
      await expectTableToShow(page, answer);
      await expectPager(`Page 1 of ${formatCount(answer.totalPages)}`, `Showing 1–${size} of ${total}`);
      expect(await selectedText(page, 'Rows per page')).toBe(String(size));
      // Move off page 1, so the next size change has something to reset.
      await page.getByRole('button', { name: 'Next page' }).click();
      await expectUrl(page, `/?status=ready&per_page=${size}&page=2`);
      await expectTableToShow(page, await api.list({ ...view, page: 2 }));
      await expectPager(`Page 2 of ${formatCount(answer.totalPages)}`, `Showing ${size + 1}–${size * 2} of ${total}`);
    }
  });

  it('any change of filter or sort returns to page 1', async () => {
    await page.goto(`${stack.appUrl}/?per_page=25&page=4`);
    await expectTableToShow(page, await api.list({ per_page: 25, page: 4 }));

    await page.getByLabel('Priority', { exact: true }).selectOption('2');
    await expectUrl(page, '/?priority=2&per_page=25');
    await expectTableToShow(page, await api.list({ priority: 2, per_page: 25 }));
    await expect.poll(() => pagerText(page).then((text) => text.position)).toMatch(/^Page 1 of /);

    await page.getByRole('button', { name: 'Next page' }).click();
    await expectUrl(page, '/?priority=2&per_page=25&page=2');
    await header('Name').getByRole('button').click();
    await expectUrl(page, '/?priority=2&order_by=name:asc&per_page=25');
    await expectTableToShow(page, await api.list({ priority: 2, per_page: 25, order_by: 'name:asc' }));

    await page.getByRole('button', { name: 'Next page' }).click();
    await expectUrl(page, '/?priority=2&order_by=name:asc&per_page=25&page=2');
    await page.getByRole('searchbox', { name: 'Search campaigns' }).fill('promo');
    await expectUrl(page, '/?search=promo&priority=2&order_by=name:asc&per_page=25');
    await expectTableToShow(page, await api.list({ search: 'promo', priority: 2, per_page: 25, order_by: 'name:asc' }));
  });

  it('leaves no console errors behind', () => {
    expect(errors.unexpected()).toEqual([]);
  });
});
