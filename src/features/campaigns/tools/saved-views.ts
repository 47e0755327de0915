/*
 * Saved views: names a supervisor gives to list views, kept per browser (localStorage). A view is its canonical
 * query string, as the app writes it (url-state/search-params.ts): opening one is navigating to that URL, so a view
 * whose parameters are no longer valid opens like any such link, with the notice of what was ignored.
 */
import { DEFAULT_FILTERS } from '../url-state/campaign-filters';
import { toSearchString } from '../url-state/search-params';

export interface SavedView {
  name: string;
  /** The list's query string, without `?`. */
  search: string;
}

const SAVED_VIEWS_KEY = 'campaigns-saved-views';
export const MAX_VIEW_NAME_LENGTH = 60;

/** Built in, not stored: every campaign that needs action, newest first. */
export const NEEDS_ACTION_VIEW: SavedView = {
  name: 'Needs action',
  search: toSearchString({ ...DEFAULT_FILTERS, actionRequired: true, sort: { field: 'created_at', direction: 'desc' } }),
};

/** A name as it is kept: trimmed, runs of spaces as one. */
export function viewName(typed: string): string {
  return typed.trim().replace(/\s+/g, ' ');
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** Whatever localStorage holds (another version's shape, hand edits, nothing): the views that can be read from it. */
export function parseSavedViews(stored: string | null): SavedView[] {
  let value: unknown;
  try {
    value = JSON.parse(stored ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const views: SavedView[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { name, search } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || typeof search !== 'string') continue;
    const kept = viewName(name).slice(0, MAX_VIEW_NAME_LENGTH);
    if (kept === '' || views.some((view) => sameName(view.name, kept))) continue;
    views.push({ name: kept, search: search.replace(/^\?/, '') });
  }
  return views;
}

export function readSavedViews(): SavedView[] {
  try {
    return parseSavedViews(localStorage.getItem(SAVED_VIEWS_KEY));
  } catch {
    return [];
  }
}

/** False when the browser refused to keep them (storage full or disabled). */
export function writeSavedViews(views: SavedView[]): boolean {
  try {
    localStorage.setItem(SAVED_VIEWS_KEY, JSON.stringify(views));
    return true;
  } catch {
    return false;
  }
}

export type NameProblem = 'empty' | 'built-in' | 'taken';

/** Why `name` (already through viewName) cannot be given to a view; `renaming` is the view's own current name. */
export function nameProblem(views: readonly SavedView[], name: string, renaming?: string): NameProblem | null {
  if (name === '') return 'empty';
  if (sameName(name, NEEDS_ACTION_VIEW.name)) return 'built-in';
  const other = views.find((view) => sameName(view.name, name));
  return other && other.name !== renaming ? 'taken' : null;
}

/** The views with `saved` added at the end, or in place of the view of the same name. */
export function withView(views: readonly SavedView[], saved: SavedView): SavedView[] {
  const index = views.findIndex((view) => sameName(view.name, saved.name));
  return index === -1 ? [...views, saved] : views.map((view, at) => (at === index ? saved : view));
}

export function renamedView(views: readonly SavedView[], from: string, to: string): SavedView[] {
  return views.map((view) => (view.name === from ? { ...view, name: to } : view));
}

export function withoutView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((view) => view.name !== name);
}
