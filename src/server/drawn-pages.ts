/*
 * Pages with a first screen: index.html drawn per view, kept for the views asked for most recently, and compressed
 * in the encoding a browser asks for when it first does.
 */
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FirstScreens } from '../first-screen/node/load-first-screen.ts';
import { etagOf, type Compressed, type StaticFile } from './static-files.ts';

export interface DrawnPageOptions {
  /** The first screens drawn into the page, by the view an app URL (path and query) shows. */
  firstScreen: Promise<FirstScreens>;
  /** The Content-Security-Policy for a page whose inline scripts are allowed by `scriptSources`. */
  contentSecurityPolicy?: (scriptSources: string[]) => string;
}

const EMPTY_ROOT = '<div id="root"></div>';

/**
 * How many drawn pages are kept, by the view they show (the canonical URL: junk or reordered parameters share their
 * view's page). A page depends only on that (the server does not know who is asking), so a kept one is always right;
 * the most recently asked for stay (a few MB at most).
 */
export const PAGE_CACHE_SIZE = 200;

/** The page for an app URL: drawn for its view when it has a first screen, kept as PAGE_CACHE_SIZE says; else `indexHtml`. */
export function createDrawnPages(indexHtml: StaticFile, options: DrawnPageOptions): (url: string) => Promise<StaticFile> {
  const pages = new Map<string, Promise<StaticFile>>();
  const pageFor = (url: string): Promise<StaticFile> => {
    let page = pages.get(url);
    if (page) {
      // Most recently used last: the first key is the one to let go.
      pages.delete(url);
    } else {
      const drawn = withFirstScreen(indexHtml, options, url);
      // Only drawn pages are kept: the plain page needs no drawing, and a drawing that failed is tried again.
      const forget = () => {
        if (pages.get(url) === drawn) pages.delete(url);
      };
      drawn.then((sent) => sent === indexHtml && forget(), forget);
      page = drawn;
    }
    pages.set(url, page);
    const [oldest] = pages.keys();
    if (pages.size > PAGE_CACHE_SIZE && oldest !== undefined) pages.delete(oldest);
    return page;
  };

  return async (url) => {
    const view = (await options.firstScreen).viewUrl(url);
    return view === null ? indexHtml : pageFor(view);
  };
}

/** index.html with the first screen drawn for the view `url`, compressed on demand (see createDrawnPages for the cache). */
async function withFirstScreen(index: StaticFile, options: DrawnPageOptions, url: string): Promise<StaticFile> {
  const screen = (await options.firstScreen).draw(url);
  const html = index.identity.toString('utf8');
  // Early in <head>, before the stylesheet (which would hold an inline script back until it has loaded); after the
  // charset, which belongs in the first 1024 bytes.
  const at = /<meta charset[^>]*>/i.exec(html) ?? /<head[^>]*>/i.exec(html);
  if (screen === null || !html.includes(EMPTY_ROOT) || !at) return index;
  const headAt = at.index + at[0].length;
  const page = `${html.slice(0, headAt)}${screen.head}${html.slice(headAt)}`.replace(EMPTY_ROOT, () => `<div id="root">${screen.root}</div>`);
  const identity = Buffer.from(page);
  return {
    ...index,
    etag: etagOf(identity),
    identity,
    compressed: compressOnDemand(identity),
    ...(options.contentSecurityPolicy ? { headers: { 'Content-Security-Policy': options.contentSecurityPolicy(screen.scriptSources) } } : {}),
  };
}

/** For drawn pages: each encoding when it is first asked for, at a level quick enough to do in the request. */
function compressOnDemand(identity: Buffer): Compressed {
  const bodies: Partial<Record<'gzip' | 'br', Buffer>> = {};
  const ready = (encoding: 'gzip' | 'br') =>
    (bodies[encoding] ??=
      encoding === 'gzip'
        ? gzipSync(identity, { level: 6 })
        : brotliCompressSync(identity, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }));
  return { ready, whenReady: async (encoding) => ready(encoding) };
}
