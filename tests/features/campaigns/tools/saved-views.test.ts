import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT } from '../../../../src/features/campaigns/url-state/campaign-filters';
import { parseCampaignSearch } from '../../../../src/features/campaigns/url-state/search-params';
import {
  NEEDS_ACTION_VIEW,
  nameProblem,
  parseSavedViews,
  renamedView,
  viewName,
  withView,
  withoutView,
  type SavedView,
} from '../../../../src/features/campaigns/tools/saved-views';

const running: SavedView = { name: 'Running', search: 'status=running' };
const paused: SavedView = { name: 'Paused by name', search: 'status=paused&order_by=name:asc' };

describe('parseSavedViews', () => {
  it('reads what it wrote', () => {
    expect(parseSavedViews(JSON.stringify([running, paused]))).toEqual([running, paused]);
  });

  it('reads nothing from nothing, broken JSON or another shape', () => {
    for (const stored of [null, '', '{', 'null', '42', '"views"', '{"name":"Running","search":""}']) {
      expect(parseSavedViews(stored)).toEqual([]);
    }
  });

  it('keeps the readable entries of a damaged list: names trimmed, the first of two same names, no leading ?', () => {
    const stored = JSON.stringify([
      null,
      'Running',
      { name: 42, search: 'status=running' },
      { name: 'No search' },
      { name: '   ', search: 'status=ready' },
      { name: '  Running \n today ', search: '?status=running' },
      { name: 'running TODAY', search: 'status=paused' },
      { name: 'Paused by name', search: 'status=paused&order_by=name:asc', extra: true },
    ]);
    expect(parseSavedViews(stored)).toEqual([{ name: 'Running today', search: 'status=running' }, paused]);
  });
});

describe('names', () => {
  it('are kept trimmed, with runs of spaces as one', () => {
    expect(viewName('  Paused \t by   name  ')).toBe('Paused by name');
  });

  it('must not be empty, the built-in view’s, or another view’s in any case', () => {
    const views = [running, paused];
    expect(nameProblem(views, viewName('   '))).toBe('empty');
    expect(nameProblem(views, 'needs ACTION')).toBe('built-in');
    expect(nameProblem(views, 'RUNNING')).toBe('taken');
    expect(nameProblem(views, 'Ready')).toBeNull();
    // Renaming a view to its own name, in another case, is not a clash with itself.
    expect(nameProblem(views, 'RUNNING', 'Running')).toBeNull();
    expect(nameProblem(views, 'paused BY name', 'Running')).toBe('taken');
  });
});

describe('changing the list', () => {
  it('saves a new view at the end and a view of a taken name in its place', () => {
    expect(withView([running], paused)).toEqual([running, paused]);
    const replaced = { name: 'RUNNING', search: 'status=running&page=2' };
    expect(withView([running, paused], replaced)).toEqual([replaced, paused]);
  });

  it('renames and deletes the one view named', () => {
    expect(renamedView([running, paused], 'Running', 'Live')).toEqual([{ name: 'Live', search: 'status=running' }, paused]);
    expect(withoutView([running, paused], 'Running')).toEqual([paused]);
  });
});

describe('the built-in Needs action view', () => {
  it('is every campaign that needs action, newest first, written as the app writes that view', () => {
    expect(NEEDS_ACTION_VIEW.search).toBe('action_required=true');
    const { filters, ignored } = parseCampaignSearch(NEEDS_ACTION_VIEW.search);
    expect(ignored).toEqual([]);
    expect(filters.actionRequired).toBe(true);
    expect(filters.sort).toEqual({ field: 'created_at', direction: 'desc' });
    expect(filters.sort).toEqual(DEFAULT_SORT);
  });
});
