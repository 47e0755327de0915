/*
 * The first screen the server draws for a list URL (src/app/first-screen.tsx, built by `vite build` into the dist
 * folder): loaded once, in the background. A build without it, or a render that fails, gets the plain page: the app
 * draws everything in the browser then, as it always can.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuntimeConfig } from '../config/runtime-config.ts';
import { FIRST_SCREEN_DIR, FIRST_SCREEN_FILE } from './first-screen-files.ts';

type RenderFirstScreen = (url: string, config: RuntimeConfig) => string | null;

/** Resolves to a function giving the HTML for inside #root at a URL (null: none for that page). */
export async function loadFirstScreen(distDir: string, config: RuntimeConfig): Promise<(url: string) => string | null> {
  const file = join(distDir, FIRST_SCREEN_DIR, FIRST_SCREEN_FILE);
  const none = () => null;
  if (!existsSync(file)) return none;
  try {
    const module = (await import(pathToFileURL(file).href)) as { renderFirstScreen?: RenderFirstScreen };
    const render = module.renderFirstScreen;
    if (typeof render !== 'function') throw new Error('it exports no renderFirstScreen');
    return (url) => {
      try {
        return render(url, config);
      } catch (error) {
        process.stderr.write(`first screen for ${url.split('?')[0]} failed: ${error instanceof Error ? error.message : String(error)}\n`);
        return null;
      }
    };
  } catch (error) {
    process.stderr.write(`${file} could not be loaded, pages are drawn in the browser: ${error instanceof Error ? error.message : String(error)}\n`);
    return none;
  }
}
