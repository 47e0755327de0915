/*
 * The first screen the server draws for a list URL (../draw.tsx, built by `vite build` into the dist folder): loaded
 * once, in the background. A build without it, or a render that fails, gets the plain page: the app draws everything
 * in the browser then, as it always can.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuntimeConfig } from '../../config/runtime-config.ts';
import { FIRST_SCREEN_DIR, FIRST_SCREEN_FILE, type FirstScreen } from '../contract.ts';

/** A drawn screen as the server sends it. */
export interface DrawnScreen extends FirstScreen {
  /** CSP sources allowing the inline scripts in `head` ('sha256-…'). */
  scriptSources: string[];
}

type RenderFirstScreen = (url: string, config: RuntimeConfig) => FirstScreen | null;

/** Draws first screens: `viewUrl` names the view a URL shows (null: none drawn), `draw` draws a view's screen. */
export interface FirstScreens {
  viewUrl(url: string): string | null;
  draw(viewUrl: string): DrawnScreen | null;
}

/**
 * Resolves to the first screens of the build (for a page without one, null). `warn` hears why there is none, for
 * every page or for one whose render failed: the pages still work, but their rows come only once the app has loaded.
 */
export async function loadFirstScreen(
  distDir: string,
  config: RuntimeConfig,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<FirstScreens> {
  const file = join(distDir, FIRST_SCREEN_DIR, FIRST_SCREEN_FILE);
  const none: FirstScreens = { viewUrl: () => null, draw: () => null };
  if (!existsSync(file)) {
    warn(`${file} is missing (not built by vite build?): pages are drawn in the browser`);
    return none;
  }
  try {
    const module = (await import(pathToFileURL(file).href)) as {
      renderFirstScreen?: RenderFirstScreen;
      firstScreenUrl?: (url: string) => string | null;
      EARLY_REQUEST_SCRIPT?: string;
    };
    const render = module.renderFirstScreen;
    if (typeof render !== 'function') throw new Error('it exports no renderFirstScreen');
    const viewUrl = module.firstScreenUrl;
    if (typeof viewUrl !== 'function') throw new Error('it exports no firstScreenUrl');
    const script = module.EARLY_REQUEST_SCRIPT;
    if (typeof script !== 'string') throw new Error('it exports no EARLY_REQUEST_SCRIPT');
    const scriptSources = [`'sha256-${createHash('sha256').update(script).digest('base64')}'`];
    const draw = (url: string) => {
      try {
        const screen = render(url, config);
        return screen && { ...screen, scriptSources };
      } catch (error) {
        warn(`first screen for ${url.split('?')[0]} failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    };
    return { viewUrl, draw };
  } catch (error) {
    warn(`${file} could not be loaded, pages are drawn in the browser: ${error instanceof Error ? error.message : String(error)}`);
    return none;
  }
}
