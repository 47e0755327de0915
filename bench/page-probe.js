/*
 * Injected into every measured page (app and baseline alike) before its own scripts: notes input events, long
 * tasks, and when campaign rows first appear or change, as the time of the frame after they were painted.
 */
/* global window, document, performance, requestAnimationFrame, MutationObserver, PerformanceObserver, MessageChannel */
(() => {
  const probe = { events: [], longTasks: [], armedAt: 0, pending: null, firstRows: null };
  window.__bench = probe;

  for (const type of ['click', 'change', 'input', 'popstate']) {
    window.addEventListener(type, (event) => probe.events.push({ type, t: event.timeStamp }), true);
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the figures stay empty.
  }

  /** The rows on screen, or null while there are none with content (skeleton rows are aria-hidden). */
  const signature = () => {
    const rows = document.querySelectorAll('tbody tr:not([aria-hidden="true"])');
    if (rows.length === 0) return null;
    const first = rows[0].textContent.trim();
    if (!first) return null;
    return `${rows.length}|${first}|${rows[rows.length - 1].textContent}`;
  };

  /** Resolves with the time just after the frame that painted rows different from `before`. */
  const rowsPaintedAfter = (before) =>
    new Promise((resolve) => {
      const afterPaint = () =>
        requestAnimationFrame(() => {
          // The first task after this frame, ahead of any the page queued meanwhile: the frame's end, not theirs.
          if (window.scheduler?.postTask) {
            window.scheduler.postTask(() => resolve(performance.now()), { priority: 'user-blocking' });
            return;
          }
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        });
      const check = () => {
        const now = signature();
        if (now === null || now === before) return false;
        observer.disconnect();
        afterPaint();
        return true;
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      check();
    });

  probe.firstRows = rowsPaintedAfter(null);
  /**
   * When the page became usable: the rows' time, or for a page whose server-drawn first screen stays until its app
   * has run (the dashboard's: the app's chunks download after its rows), when the app replaced that screen.
   */
  probe.usable = probe.firstRows.then(
    (rowsAt) =>
      new Promise((resolve) => {
        const root = document.getElementById('root');
        const drawn = () => root?.querySelector(':scope > [data-first-screen]');
        if (!drawn()) return resolve(rowsAt);
        const observer = new MutationObserver(() => {
          if (drawn()) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(root, { childList: true });
      }),
  );
  probe.arm = () => {
    probe.armedAt = performance.now();
    probe.pending = rowsPaintedAfter(signature());
  };
  /** After arm() and an interaction: from its last event of `types` (or arm() when none) to rows painted. */
  probe.result = async (types) => {
    const painted = await probe.pending;
    const events = probe.events.filter((event) => types.includes(event.type) && event.t >= probe.armedAt);
    const start = events.length ? events[events.length - 1].t : probe.armedAt;
    return { start, painted, ms: painted - start };
  };
})();
