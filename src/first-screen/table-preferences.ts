/*
 * The supervisor's table preferences, kept per browser in localStorage (not in the URL, which stays the shareable
 * view): hidden columns and density. They are applied before the page's first frame by the drawn page's inline
 * script (inline-request.ts runs `applyTablePreferences` at the top of <head>), and again by the Columns menu after a
 * change. What they do is CSS: `data-density` on <html>, and a constructed stylesheet (the page's first) hiding every cell, header and
 * `<col>` of a hidden column (`data-col`), whoever drew it (the server, the boot script's painter or React). So
 * nothing moves when the app takes over, and the row templates know nothing of preferences.
 */

/**
 * Runs as part of the page's inline script, from its source text: it may use no import and no name from outside
 * itself. Stored values are checked, and anything else is ignored: a bad entry shows the default table.
 */
export function applyTablePreferences(key: string): void {
  try {
    // Nothing stored parses as null.
    const stored = JSON.parse(localStorage.getItem(key) as string);
    // CSS reads only the values the Columns menu writes ('compact'); anything else is the default.
    document.documentElement.dataset.density = stored?.density;
    // Ids are words: a stored value is never written into the stylesheet as anything else.
    const hidden: string[] = [].concat(stored?.hidden ?? []).filter((id) => /^\w+$/.test(id));
    const sheet = new CSSStyleSheet();
    // With no column hidden the rule has no selector, and the browser drops it.
    sheet.replaceSync(`${hidden.map((id) => `[data-col="${id}"]`).join()}{display:none}`);
    // This one takes the place of the last one applied, the first; any other adopted sheet (the refresh's
    // highlights) stays. Every browser with adopted stylesheets and `:has()` lets the list be changed in place.
    document.adoptedStyleSheets.splice(0, 1, sheet);
  } catch {
    // No storage or no constructable stylesheets: the default table.
  }
}
