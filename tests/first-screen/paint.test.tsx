/*
 * The boot script's rows (src/first-screen/paint.ts, through react-node-to-dom.ts) must be exactly the rows React
 * renders for the same answer: React replaces them a moment later, and any difference would flash on screen. Checked
 * for arbitrary campaigns (names with markup, right-to-left text, emoji, every status and flag) and list queries.
 */
import { render } from '@testing-library/react';
import fc from 'fast-check';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { paintFirstView } from '../../src/first-screen/paint';
import { SIGNED_IN_USER_ATTRIBUTE, type Session } from '../../src/features/auth/session';
import type { Campaign, CampaignPage } from '../../src/features/campaigns/api/campaign-schemas';
import { DEFAULT_FILTERS, type CampaignFilters } from '../../src/features/campaigns/url-state/campaign-filters';
import { CAMPAIGNS_SUMMARY_ID } from '../../src/features/campaigns/components/campaign-columns';
import { CampaignsTable } from '../../src/features/campaigns/components/campaigns-table';
import { toSearchString } from '../../src/features/campaigns/url-state/search-params';

const name = fc.oneof(
  fc.string({ minLength: 1, maxLength: 35 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', 'مرحبا بالعالم', 'שלום & "quotes"', '👩🏽‍💻 Café — 東京', '   spaced   '),
);

const campaign: fc.Arbitrary<Campaign> = fc.record({
  id: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 36 })),
  name,
  dialing_mode: fc.constantFrom('PREDICTIVE', 'PREVIEW'),
  priority: fc.integer({ min: 1, max: 10 }),
  run_once: fc.boolean(),
  action_required: fc.boolean(),
  status: fc.constantFrom('INCOMPLETE', 'READY', 'RUNNING', 'PAUSED'),
  created_at: fc.date({ min: new Date('2015-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
});

const filters: fc.Arbitrary<CampaignFilters> = fc.record({
  status: fc.constantFrom(null, 'running', 'paused'),
  search: fc.constantFrom('', 'acme', 'a&b=c?'),
  page: fc.integer({ min: 1, max: 40 }),
}).map((changes) => ({ ...DEFAULT_FILTERS, ...changes }) as CampaignFilters);

const session: Session = { accessToken: 't', refreshToken: null, expiresAt: null, profile: { sub: 'u1', name: 'Sam Supervisor' } };

/** The parts of the server's first screen the boot script writes into. */
function firstScreen(): HTMLElement {
  const screen = document.createElement('div');
  screen.innerHTML =
    `<span ${SIGNED_IN_USER_ATTRIBUTE}=""><span class="visually-hidden">Signed in as </span></span>` +
    `<p id="${CAMPAIGNS_SUMMARY_ID}">\u00a0</p>` +
    '<table aria-busy="true"><tbody><tr aria-hidden="true"><td></td></tr></tbody></table>';
  document.body.append(screen);
  return screen;
}

function reactRows(campaigns: Campaign[], listFilters: CampaignFilters): string {
  const { container, unmount } = render(
    <MemoryRouter>
      <CampaignsTable
        rows={campaigns}
        sort={listFilters.sort}
        onSort={() => undefined}
        listSearch={toSearchString(listFilters)}
        busy={false}
        stale={false}
        skeletonRows={null}
        empty={null}
      />
    </MemoryRouter>,
  );
  const markup = container.querySelector('tbody')!.innerHTML;
  unmount();
  return markup;
}

describe('the rows painted before the app runs', () => {
  it('are exactly the rows React renders for the same answer', () => {
    fc.assert(
      fc.property(fc.array(campaign, { minLength: 1, maxLength: 12 }), filters, (campaigns, listFilters) => {
        const page: CampaignPage = { campaigns, total: campaigns.length + 40, page: listFilters.page, perPage: 50, totalPages: 9 };
        const screen = firstScreen();
        try {
          expect(paintFirstView(screen, listFilters, page, session)).not.toBeNull();
          expect(screen.querySelector('tbody')!.innerHTML).toBe(reactRows(campaigns, listFilters));
        } finally {
          screen.remove();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('can be painted in two steps, the rows that fit the window first, ending with the same rows', () => {
    fc.assert(
      fc.property(fc.array(campaign, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 14 }), fc.boolean(), (campaigns, rowsNow, measured) => {
        const page: CampaignPage = { campaigns, total: campaigns.length, page: 1, perPage: 50, totalPages: 1 };
        const screen = firstScreen();
        try {
          const body = screen.querySelector('tbody')!;
          // Given as a count, or (as the boot script does) from the first row, once it is the table's only row.
          const fromFirst = (first: HTMLTableRowElement) => {
            expect([...body.rows]).toEqual([first]);
            return rowsNow;
          };
          const paintRest = paintFirstView(screen, DEFAULT_FILTERS, page, session, measured ? fromFirst : rowsNow);
          const first = Math.min(rowsNow, campaigns.length);
          expect(body.innerHTML).toBe(reactRows(campaigns.slice(0, first), DEFAULT_FILTERS));
          paintRest!();
          expect(body.innerHTML).toBe(reactRows(campaigns, DEFAULT_FILTERS));
          // Once is all: painting the rest again adds nothing.
          paintRest!();
          expect(body.rows).toHaveLength(campaigns.length);
        } finally {
          screen.remove();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('also write the count and who is signed in, and stop the table looking busy', () => {
    const screen = firstScreen();
    const campaigns = fc.sample(campaign, { numRuns: 3, seed: 7 });
    paintFirstView(screen, DEFAULT_FILTERS, { campaigns, total: 1234, page: 1, perPage: 50, totalPages: 25 }, session);
    expect(screen.querySelector(`#${CAMPAIGNS_SUMMARY_ID}`)!.textContent).toBe('1,234 campaigns');
    expect(screen.querySelector(`[${SIGNED_IN_USER_ATTRIBUTE}]`)!.textContent).toBe('Signed in as Sam Supervisor');
    expect(screen.querySelector(`[${SIGNED_IN_USER_ATTRIBUTE}]`)!.getAttribute('title')).toBe('Sam Supervisor');
    expect(screen.querySelector('table')!.getAttribute('aria-busy')).toBe('false');
    screen.remove();
  });

  it('leave an empty answer to the app (its empty state has a message and actions)', () => {
    const screen = firstScreen();
    expect(paintFirstView(screen, DEFAULT_FILTERS, { campaigns: [], total: 0, page: 1, perPage: 50, totalPages: 0 }, session)).toBeNull();
    expect(screen.querySelector('tbody tr')!.getAttribute('aria-hidden')).toBe('true');
    screen.remove();
  });
});
