/*
 * The app's chunks (src/app/start.tsx and what it imports) start downloading once the first view's request has left: sooner,
 * they would compete with the boot script's own chunk and hold that request back. The boot script asks for them
 * while it waits for the answer, and main.tsx at the latest when it imports the app. The build lists them in a JSON
 * data block (src/first-screen/node/entry-loading.ts), which the first call takes out of the page; modulepreload fetches
 * and compiles them without running them. Without the block (Vite's dev server) nothing happens here.
 */
import { APP_CHUNKS_ELEMENT_ID } from './contract';

export function preloadApp(doc: Document): void {
  const block = doc.getElementById(APP_CHUNKS_ELEMENT_ID);
  if (!block?.textContent) return;
  block.remove();
  let files: unknown;
  try {
    files = JSON.parse(block.textContent);
  } catch {
    return;
  }
  if (!Array.isArray(files)) return;
  for (const href of files) {
    if (typeof href !== 'string') continue;
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    doc.head.append(link);
  }
}
