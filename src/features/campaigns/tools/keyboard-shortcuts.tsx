/*
 * Keyboard shortcuts for the list. One table, SHORTCUTS, drives both the key handling and the list in the
 * "Keyboard shortcuts" dialog. Each only moves focus or does what a control on the page does (the search box, the
 * rows' links, the pager), so everything stays reachable without them. Enter and Escape belong to what has focus or
 * is open (the row's link, the detail panel, a menu, a dialog): they are listed, not handled here.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { CampaignListView } from '../routes/use-campaign-list';
import { clampPage } from '../url-state/paging';
import styles from './tools.module.css';

interface Shortcut {
  key: string;
  /** Shown in the dialog; says what happens. */
  does: string;
  run?: (view: CampaignListView, showShortcuts: () => void) => void;
}

const SHORTCUTS: readonly Shortcut[] = [
  { key: '/', does: 'Focus the search box', run: () => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus() },
  { key: 'j', does: 'Move to the next campaign', run: () => moveRowFocus(1) },
  { key: 'k', does: 'Move to the previous campaign', run: () => moveRowFocus(-1) },
  { key: 'Enter', does: 'Open the focused campaign' },
  { key: 'Escape', does: 'Close the campaign, menu or dialog' },
  { key: 'n', does: 'Next page', run: (view) => turnPageBy(view, 1) },
  { key: 'p', does: 'Previous page', run: (view) => turnPageBy(view, -1) },
  { key: '?', does: 'Show these shortcuts', run: (_view, showShortcuts) => showShortcuts() },
];

/**
 * One page on, as the pager's buttons move (the route's onPageChange): from the latest page, kept within the pages
 * by clampPage; and only once the number of pages is known, as those buttons are enabled only then. A shared helper
 * would cost first-screen bytes the route has not got to spare.
 */
function turnPageBy(view: CampaignListView, step: 1 | -1): void {
  const totalPages = view.page?.totalPages;
  if (totalPages === undefined) return;
  view.setFilters((current) => ({ ...current, page: clampPage(current.page + step, totalPages) }));
}

/** Focuses the name link of the row `step` rows from the focused one (the first or last if none is), in view. */
function moveRowFocus(step: 1 | -1): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('tbody a[data-detail-link]')];
  if (links.length === 0) return;
  const current = links.findIndex((link) => link.closest('tr')?.contains(document.activeElement));
  const next = current === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(Math.max(current + step, 0), links.length - 1);
  const link = links[next]!;
  link.focus({ preventScroll: true });
  link.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

const NOT_TYPED_INTO = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** A field that takes the key as input (letters in a text box, a select's type-ahead). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPED_INTO.has(target.type);
}

/** The shortcut a key press asks for, or null when keys must do what they normally do. */
function shortcutFor(event: KeyboardEvent, ownDialog: HTMLDialogElement): Shortcut | null {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  const shortcut = SHORTCUTS.find((candidate) => candidate.key === event.key);
  if (!shortcut?.run) return null;
  // Another dialog (the campaign's detail) owns the keyboard while it is open.
  const dialogs = document.querySelectorAll('dialog[open], [role="dialog"][aria-modal="true"]');
  return [...dialogs].every((dialog) => dialog === ownDialog) ? shortcut : null;
}

export function KeyboardShortcuts(props: { view: CampaignListView }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Its content is rendered only while it is open: nothing of it (a second table) stays in the page meanwhile.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);
  const show = () => setOpen(true);
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const own = dialog.current;
    const shortcut = own && shortcutFor(event, own);
    if (!own || !shortcut?.run) return;
    event.preventDefault();
    // From the open shortcuts dialog, a shortcut closes it and does what it says; ? closes it.
    if (own.open) {
      own.close();
      if (shortcut.key === '?') return;
    }
    shortcut.run(props.view, show);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  return (
    <>
      <button type="button" className={styles.iconButton} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={show}>
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
          <path
            fill="currentColor"
            d="M1.5 4h13c.8 0 1.5.7 1.5 1.5v5c0 .8-.7 1.5-1.5 1.5h-13C.7 12 0 11.3 0 10.5v-5C0 4.7.7 4 1.5 4Zm0 1.3a.2.2 0 0 0-.2.2v5c0 .1.1.2.2.2h13a.2.2 0 0 0 .2-.2v-5a.2.2 0 0 0-.2-.2h-13ZM3 6.3h1.3v1.3H3V6.3Zm2.3 0h1.3v1.3H5.3V6.3Zm2.4 0H9v1.3H7.7V6.3Zm2.3 0h1.3v1.3H10V6.3Zm2.3 0h1.4v1.3h-1.4V6.3ZM4.5 8.7h7v1.3h-7V8.7Z"
          />
        </svg>
      </button>
      <dialog ref={dialog} className={styles.shortcutsDialog} aria-labelledby="keyboard-shortcuts-title" onClose={() => setOpen(false)}>
        {open ? (
          <>
            <div className={styles.dialogHeader}>
              <h2 id="keyboard-shortcuts-title">Keyboard shortcuts</h2>
              <form method="dialog">
                <button type="submit">Close</button>
              </form>
            </div>
            <table className={styles.shortcutsTable}>
              <caption className="visually-hidden">Keys and what they do</caption>
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Does</th>
                </tr>
              </thead>
              <tbody>
                {SHORTCUTS.map((shortcut) => (
                  <tr key={shortcut.key}>
                    <td>
                      <kbd>{shortcut.key === 'Escape' ? 'Esc' : shortcut.key}</kbd>
                    </td>
                    <td>{shortcut.does}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className={styles.dialogNote}>Not while typing in a field, with Ctrl, Alt or ⌘ held, or while a campaign is open.</p>
          </>
        ) : null}
      </dialog>
    </>
  );
}
