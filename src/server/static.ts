/*
 * Serves the built app from `dist/` (static-files.ts holds it in memory): files by their path, client routes as
 * index.html, drawn with the first screen of the URL's view where there is one (drawn-pages.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { acceptedEncodings, type Encoding } from './accept-encoding.ts';
import { createDrawnPages, type DrawnPageOptions } from './drawn-pages.ts';
import { StartupError } from './env-variables.ts';
import { extensionOf, indexFiles, type StaticFile } from './static-files.ts';

export interface StaticSite {
  /** Answers GET/HEAD for files and client routes; returns false when the request is not for it. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export interface StaticSiteOptions extends Partial<DrawnPageOptions> {
  transformIndexHtml?: (html: string) => string;
}

export function createStaticSite(distDir: string, options: StaticSiteOptions = {}): StaticSite {
  const files = indexFiles(distDir, options.transformIndexHtml);
  const indexHtml = files.get('/index.html');
  if (!indexHtml) {
    throw new StartupError(`${join(distDir, 'index.html')} not found: run npm run build first`);
  }
  const { firstScreen } = options;
  const drawnPage = firstScreen ? createDrawnPages(indexHtml, { ...options, firstScreen }) : undefined;

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
      const page = file === indexHtml && drawnPage ? drawnPage(target) : Promise.resolve(file);
      page.then((sent) => sendFile(req, res, sent)).catch(() => {
        if (!res.headersSent) sendText(res, 500, 'Internal server error', false);
      });
      return true;
    },
  };
}

/** A navigation to an app route: no file extension, and the browser wants HTML. */
function isClientRoute(path: string, req: IncomingMessage): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    extensionOf(path) === '' &&
    (req.headers.accept ?? '').includes('text/html')
  );
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
