/**
 * Resolves in a new task, so the browser can finish the current one (paint the pressed button, handle other input)
 * before the work that follows. scheduler.yield (Chromium 129+) puts the continuation ahead of other queued tasks;
 * elsewhere it is a plain timeout.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
