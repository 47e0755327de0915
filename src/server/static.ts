/*
 * Serves the built app from `dist/`. The whole build is read into memory at start: a request can only ever name a
 * file that was in the build (no path resolution from user input), and rebuilding `dist/` under a running server
 * cannot break it. Text files are compressed in the background at start (brotli at its best quality is slow, so
 * gzip answers until brotli is ready); source maps are only for developer tools and stay uncompressed. Pages with a
 * first screen are drawn per URL, kept for the URLs asked for most recently, and compressed in the encoding a browser
 * asks for when it first does.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants as zlibConstants, gzip, gzipSync } from 'node:zlib';
import { acceptedEncodings, type Encoding } from './accept-encoding.ts';
import { StartupError } from './env-variables.ts';
import { FIRST_SCREEN_DIR } from '../first-screen/contract.ts';
import type { FirstScreens } from '../first-screen/node/load-first-screen.ts';
import { SERVER_BUILD_DIR } from './dist-dir.ts';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|manifest\+json)|image\/svg\+xml)/;
const UNCOMPRESSED_EXTENSIONS = new Set(['.map']);
const MIN_COMPRESS_BYTES = 1024;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

interface Compressed {
  /** The body in `encoding` if it is ready now. */
  ready(encoding: 'gzip' | 'br'): Buffer | undefined;
  /** The body in `encoding`, once it is ready. */
  whenReady(encoding: 'gzip' | 'br'): Promise<Buffer>;
}

interface StaticFile {
  contentType: string;
  cacheControl: string;
  etag: string;
  identity: Buffer;
  /** Absent for files not worth compressing. */
  compressed?: Compressed;
  /** Set on this response only, over the server's own. */
  headers?: Record<string, string>;
}

export interface StaticSite {
  /** Answers GET/HEAD for files and client routes; returns false when the request is not for it. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export interface StaticSiteOptions {
  transformIndexHtml?: (html: string) => string;
  /** The first screens drawn into the page, by the view an app URL (path and query) shows. */
  firstScreen?: Promise<FirstScreens>;
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

export function createStaticSite(distDir: string, options: StaticSiteOptions = {}): StaticSite {
  const files = indexFiles(distDir, options.transformIndexHtml);
  const indexHtml = files.get('/index.html');
  if (!indexHtml) {
    throw new StartupError(`${join(distDir, 'index.html')} not found: run npm run build first`);
  }
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

  const drawnPage = async (screens: Promise<FirstScreens>, url: string): Promise<StaticFile> => {
    const view = (await screens).viewUrl(url);
    return view === null ? indexHtml : pageFor(view);
  };

  return {
    handle(req, res) {
      const target = req.url ?? '/';
      const queryStart = target.indexOf('?');
      const path = queryStart === -1 ? target : target.slice(0, queryStart);
      const method = req.method ?? 'GET';

      let file = files.get(path === '/' ? '/index.html' : path);
      if (!file && isClientRoute(path, req)) file = indexHtml;
      if (!file) {
        if (method !== 'GET' && method !== 'HEAD') return false;
        sendText(res, 404, 'Not found', method === 'HEAD');
        return true;
      }
      if (method !== 'GET' && method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        sendText(res, 405, 'Method not allowed', false);
        return true;
      }
      const page = file === indexHtml && options.firstScreen ? drawnPage(options.firstScreen, target) : Promise.resolve(file);
      page.then((sent) => sendFile(req, res, sent)).catch(() => {
        if (!res.headersSent) sendText(res, 500, 'Internal server error', false);
      });
      return true;
    },
  };
}

/** index.html with the first screen drawn for the view `url`, compressed on demand (see createStaticSite for the cache). */
async function withFirstScreen(index: StaticFile, options: StaticSiteOptions, url: string): Promise<StaticFile> {
  const screen = (await options.firstScreen!).draw(url);
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
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
    identity,
    compressed: compressOnDemand(identity),
    ...(options.contentSecurityPolicy ? { headers: { 'Content-Security-Policy': options.contentSecurityPolicy(screen.scriptSources) } } : {}),
  };
}

function indexFiles(distDir: string, transformIndexHtml?: (html: string) => string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  let entries: string[];
  try {
    entries = readdirSync(distDir, { recursive: true, encoding: 'utf8' });
  } catch {
    throw new StartupError(`${distDir} not found: run npm run build first`);
  }
  for (const entry of entries) {
    const absolutePath = join(distDir, entry);
    if (!statSync(absolutePath).isFile()) continue;
    const urlPath = `/${relative(distDir, absolutePath).split(sep).join('/')}`;
    // Server code, not part of the site.
    if (urlPath.startsWith(`/${FIRST_SCREEN_DIR}/`) || urlPath.startsWith(`/${SERVER_BUILD_DIR}/`)) continue;
    const extension = extensionOf(urlPath);
    const contentType = CONTENT_TYPES[extension] ?? 'application/octet-stream';
    const raw = readFileSync(absolutePath);
    const identity = urlPath === '/index.html' && transformIndexHtml ? Buffer.from(transformIndexHtml(raw.toString('utf8'))) : raw;
    const worthCompressing =
      COMPRESSIBLE.test(contentType) && !UNCOMPRESSED_EXTENSIONS.has(extension) && identity.length >= MIN_COMPRESS_BYTES;
    files.set(urlPath, {
      contentType,
      // Vite puts content-hashed names under /assets/; everything else keeps its name across builds.
      cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
      identity,
      ...(worthCompressing ? { compressed: startCompressing(identity) } : {}),
    });
  }
  return files;
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** A navigation to an app route: no file extension, and the browser wants HTML. */
function isClientRoute(path: string, req: IncomingMessage): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    extensionOf(path) === '' &&
    (req.headers.accept ?? '').includes('text/html')
  );
}

/** For files of the build: both encodings at their best, in the background. */
function startCompressing(identity: Buffer): Compressed {
  const ready: Partial<Record<'gzip' | 'br', Buffer>> = {};
  const bodies = {
    gzip: gzipAsync(identity, { level: 9 }),
    br: brotliAsync(identity, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
  };
  void bodies.gzip.then((body) => (ready.gzip = body), () => {});
  void bodies.br.then((body) => (ready.br = body), () => {});
  return { ready: (encoding) => ready[encoding], whenReady: (encoding) => bodies[encoding] };
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

async function sendFile(req: IncomingMessage, res: ServerResponse, file: StaticFile): Promise<void> {
  for (const [name, value] of Object.entries(file.headers ?? {})) res.setHeader(name, value);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Cache-Control', file.cacheControl);
  res.setHeader('ETag', file.etag);
  if (file.compressed) res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === file.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }

  let encoding: Encoding = 'identity';
  let body = file.identity;
  if (file.compressed) {
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    const compressed = file.compressed;
    const brotli = accepted.has('br') ? compressed.ready('br') : undefined;
    if (brotli) [encoding, body] = ['br', brotli];
    else if (accepted.has('gzip')) [encoding, body] = ['gzip', compressed.ready('gzip') ?? (await compressed.whenReady('gzip'))];
    else if (accepted.has('br')) [encoding, body] = ['br', await compressed.whenReady('br')];
  }
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendText(res: ServerResponse, status: number, text: string, headOnly: boolean): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(headOnly ? undefined : text);
}
