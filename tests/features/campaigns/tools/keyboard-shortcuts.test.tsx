import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CampaignListView } from '../../../../src/features/campaigns/routes/use-campaign-list';
import { KeyboardShortcuts } from '../../../../src/features/campaigns/tools/keyboard-shortcuts';
import { DEFAULT_FILTERS, type CampaignFilters } from '../../../../src/features/campaigns/url-state/campaign-filters';
import type { FiltersUpdate } from '../../../../src/features/campaigns/url-state/use-campaign-search';

/** The page the shortcuts asked for, from page 2 of 3, each time they changed it. */
function renderShortcuts() {
  const pages: number[] = [];
  const from: CampaignFilters = { ...DEFAULT_FILTERS, page: 2 };
  // The shortcuts read only the number of pages and write through setFilters: the rest of the view is not needed.
  const view = {
    page: { totalPages: 3 },
    setFilters: vi.fn((update: FiltersUpdate) => pages.push(update(from).page)),
  } as unknown as CampaignListView;
  render(
    <>
      <input type="text" aria-label="Note" />
      <select aria-label="Size">
        <option>n</option>
      </select>
      <input type="checkbox" aria-label="Pick" />
      <KeyboardShortcuts view={view} />
    </>,
  );
  return pages;
}

describe('keyboard shortcuts', () => {
  it('n and p turn the page from anywhere but a field, and not with a modifier held', async () => {
    const user = userEvent.setup();
    const pages = renderShortcuts();
    await user.keyboard('n');
    await user.keyboard('p');
    expect(pages).toEqual([3, 1]);

    await user.keyboard('{Control>}n{/Control}{Alt>}n{/Alt}{Meta>}p{/Meta}');
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.keyboard('np');
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('np');
    screen.getByRole('combobox', { name: 'Size' }).focus();
    await user.keyboard('n');
    expect(pages).toEqual([3, 1]);

    await user.click(screen.getByRole('checkbox', { name: 'Pick' }));
    await user.keyboard('n');
    expect(pages).toEqual([3, 1, 3]);
  });

  it('does nothing while another dialog is open', async () => {
    const user = userEvent.setup();
    const pages = renderShortcuts();
    render(<div role="dialog" aria-modal="true" aria-label="Campaign" />);
    await user.keyboard('np');
    expect(pages).toEqual([]);
  });
});
