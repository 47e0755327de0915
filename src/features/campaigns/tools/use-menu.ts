/*
 * A toolbar menu: a button that shows and hides a panel beside it. Escape, a click elsewhere or focus moving elsewhere
 * closes it; Escape gives focus back to its button, so the keyboard is where it was before the menu opened.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';

export function useMenu() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  /** Closes it and puts focus back on its button (what was focused in the panel may be gone with it). */
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    // A click elsewhere, or focus moved elsewhere (Tab, or a keyboard shortcut that focuses a row or the search box).
    const onOutside = (event: Event) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open, close]);

  return {
    open,
    close,
    panelRef: panel,
    buttonProps: {
      type: 'button' as const,
      ref: button,
      'aria-expanded': open,
      'aria-controls': open ? panelId : undefined,
      onClick: () => setOpen((value) => !value),
    },
    panelProps: { id: panelId, ref: panel },
  };
}
