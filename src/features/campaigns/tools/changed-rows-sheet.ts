/*
 * The highlight of changed rows, as CSS: the rows are drawn from one template (components/campaign-columns.tsx) and
 * keyed by their place, so they carry no campaign id to style; a row is found by its name cell's detail link instead
 * (`tr:has(a[href="/campaigns/<id>…"])`). A constructed stylesheet (allowed by the page's CSP, as the table
 * preferences' is) holds the rules: changing it re-renders no row, and a row that now shows another campaign (a
 * new page, a new order) loses the highlight by itself.
 */
import { campaignDetailHref } from '../components/campaign-columns';
import type { CampaignChange } from './campaign-changes';

export const HIGHLIGHT_MS = 10_000;

export interface Highlight extends CampaignChange {
  /** Which refresh found it: each gets its own animation, so a row changed again fades from the start again. */
  generation: number;
}

function rowSelector(id: string): string {
  const href = CSS.escape(campaignDetailHref(id, ''));
  const byLink = (match: string) => `tbody tr:has(>td>a[data-detail-link][href${match}])`;
  // The link carries the list's query after the path, when it has one.
  return `${byLink(`="${href}"`)},${byLink(`^="${href}?"`)}`;
}

function rules(highlight: Highlight): string {
  const row = rowSelector(highlight.id);
  const name = `changed-${highlight.generation}`;
  const marker = highlight.nowNeedsAction ? 'Now needs action' : 'Changed';
  return `@keyframes ${name}{from{background-color:var(--accent-soft)}}
:is(${row})>td{animation:${name} ${HIGHLIGHT_MS}ms ease-in both}
:is(${row})>td[data-col="name"]{position:relative;padding-inline-end:${highlight.nowNeedsAction ? 9 : 5.5}rem}
:is(${row})>td[data-col="name"]::after{content:"${marker}";position:absolute;inset-inline-end:var(--space-3);top:50%;translate:0 -50%;padding:0 var(--space-2);border:1px solid var(--accent);border-radius:999px;background:var(--surface);color:var(--accent-text);font-size:var(--text-xs);font-weight:650;line-height:1.5}
@media (prefers-reduced-motion:reduce){:is(${row})>td{animation:none;background-color:var(--accent-soft)}}`;
}

let sheet: CSSStyleSheet | null = null;

/** Shows `highlights` (and only those), after the table preferences' sheet, which is replaced in place (table-preferences.ts). */
export function showHighlights(highlights: readonly Highlight[]): void {
  sheet ??= new CSSStyleSheet();
  sheet.replaceSync(highlights.map(rules).join('\n'));
  const adopted = document.adoptedStyleSheets;
  if (highlights.length === 0) document.adoptedStyleSheets = adopted.filter((other) => other !== sheet);
  else if (!adopted.includes(sheet)) document.adoptedStyleSheets = [...adopted, sheet];
}
