import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignPageSchema } from '../../../../src/features/campaigns/api/campaign-schemas';

const campaign = fc.record({
  id: fc.uuid(),
  name: fc.string({ minLength: 3, maxLength: 35 }),
  dialing_mode: fc.constantFrom('PREDICTIVE', 'PREVIEW'),
  priority: fc.integer({ min: 1, max: 10 }),
  run_once: fc.boolean(),
  action_required: fc.boolean(),
  status: fc.constantFrom('INCOMPLETE', 'READY', 'RUNNING', 'PAUSED'),
  created_at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
});

const validPage = fc
  .record({ campaigns: fc.array(campaign, { maxLength: 20 }), page: fc.integer({ min: 1, max: 50 }), perPage: fc.integer({ min: 1, max: 100 }), extra: fc.nat(500) })
  .map(({ campaigns, page, perPage, extra }) => ({
    total: campaigns.length + extra,
    count: campaigns.length,
    page,
    per_page: perPage,
    total_pages: Math.ceil((campaigns.length + extra) / perPage),
    _embedded: { campaigns },
    _links: { self: { href: 'https://api.talkdeskapp.com/campaigns' } },
  }));

/** A valid page with one top-level field left out or replaced by any JSON value: sometimes still a page, mostly not. */
const pageWithAnyField = fc
  .tuple(validPage, fc.constantFrom('total', 'count', 'page', 'per_page', 'total_pages', '_embedded'), fc.option(fc.jsonValue(), { nil: undefined }))
  .map(([body, field, value]) => {
    const page: Record<string, unknown> = { ...body };
    if (value === undefined) delete page[field];
    else page[field] = value;
    return page;
  });

interface LoosePage {
  total?: unknown;
  page?: unknown;
  per_page?: unknown;
  total_pages?: unknown;
  total_page?: unknown;
  _embedded?: { campaigns?: unknown; campaings?: unknown };
}

describe('campaignPageSchema', () => {
  it('never throws on any JSON value: a body it reads gives its own rows and totals, a body it refuses says why', () => {
    const outcomes = { read: 0, refused: 0 };
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), validPage, pageWithAnyField), (body) => {
        const result = campaignPageSchema.safeParse(body);
        if (result.success) {
          outcomes.read += 1;
          const page = body as LoosePage;
          expect(result.data).toEqual({
            campaigns: page._embedded?.campaigns ?? page._embedded?.campaings ?? [],
            total: page.total,
            page: page.page,
            perPage: page.per_page,
            totalPages: page.total_pages ?? page.total_page ?? Math.ceil(Number(page.total) / Number(page.per_page)),
          });
        } else {
          outcomes.refused += 1;
          expect(result.error.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2_000 },
    );
    // Both halves of the property ran, many times each.
    expect(outcomes.read).toBeGreaterThan(200);
    expect(outcomes.refused).toBeGreaterThan(200);
  });

  it('refuses a page whose paging numbers are any other JSON, naming the field', () => {
    fc.assert(
      fc.property(
        validPage,
        fc.constantFrom('total', 'page', 'per_page'),
        fc.jsonValue().filter((value) => typeof value !== 'number'),
        (body, field, value) => {
          const result = campaignPageSchema.safeParse({ ...body, [field]: value });
          expect(result.success).toBe(false);
          expect(result.error?.issues.map((issue) => issue.path)).toContainEqual([field]);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('reads every valid page, in both documented spellings, without losing a row', () => {
    fc.assert(
      fc.property(validPage, fc.boolean(), (body, misspelled) => {
        const input = misspelled
          ? { ...body, total_pages: undefined, total_page: body.total_pages, _embedded: { campaings: body._embedded.campaigns } }
          : body;
        expect(campaignPageSchema.parse(input)).toEqual({
          campaigns: body._embedded.campaigns,
          total: body.total,
          page: body.page,
          perPage: body.per_page,
          totalPages: body.total_pages,
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses a body whose campaigns break the schema rather than showing wrong rows, naming the broken field', () => {
    fc.assert(
      fc.property(
        validPage.filter((body) => body._embedded.campaigns.length > 0),
        fc.constantFrom('status', 'priority', 'id', 'created_at', 'action_required'),
        fc.oneof(fc.constant(null), fc.constant('BOGUS'), fc.constant(11), fc.constant('not a date')),
        (body, field, value) => {
          const [first, ...rest] = body._embedded.campaigns;
          const broken = { ...first, [field]: field === 'id' ? null : value };
          const result = campaignPageSchema.safeParse({ ...body, _embedded: { campaigns: [broken, ...rest] } });
          expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(`_embedded.campaigns.0.${field}`);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
