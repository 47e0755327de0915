/*
 * The entry. The boot script (boot.ts, first) sends the first view's request and paints its rows into the server's
 * first screen; the app (src/app/start.tsx, React and everything else) is downloaded meanwhile (or right after them, when
 * their answer was in before the boot script ran) but evaluated only after those rows are on screen, or at once when
 * there are none to paint. Its evaluation and first render are the page's longest tasks: done first, they would hold
 * the rows back.
 */
import { bootFirstPaint } from './first-screen/boot';
import { preloadApp } from './first-screen/preload-app';
import { firstViewPatience } from './first-screen/contract';
import { afterNextPaint } from './lib/after-next-paint';
// All of the app's CSS is one stylesheet linked from the page (build.cssCodeSplit: false): the server's first screen
// is styled before any script runs.
import './app/global.css';

const painted = await Promise.race([bootFirstPaint, firstViewPatience().then(() => false)]);
if (painted) await afterNextPaint();
// The app's other chunks download with start.tsx, not after it (unless the boot script has asked for them already).
preloadApp(document);
await import('./app/start');
