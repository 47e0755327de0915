/*
 * Serves the built app from `dist/`. The file list is read once at start, so a request can only ever name a file
 * that exists in the build (no path resolution from user input). Text files are compressed on first request and
 * kept in memory: the build is small and immutable while the server runs.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { StartupError } from './config.ts';

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
const MIN_COMPRESS_BYTES = 1024;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

type Encoding = 'br' | 'gzip' | 'identity';

interface StaticFile {
  absolutePath: string;
  contentType: string;
  cacheControl: string;
  /** Filled on first request. */
  bodies: Partial<Record<Encoding, Buffer>>;
  etag?: string;
}

export interface StaticSite {
  /** Answers GET/HEAD for files and client routes; returns false when the request is not for it. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export function createStaticSite(distDir: string): StaticSite {
  const files = indexFiles(distDir);
  const indexHtml = files.get('/index.html');
  if (!indexHtml) {
    throw new StartupError(`${join(distDir, 'index.html')} not found: run npm run build first`);
  }

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
      sendFile(req, res, file);
      return true;
    },
  };
}

function indexFiles(distDir: string): Map<string, StaticFile> {
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
    files.set(urlPath, {
      absolutePath,
      contentType: CONTENT_TYPES[extensionOf(urlPath)] ?? 'application/octet-stream',
      // Vite puts content-hashed names under /assets/; everything else keeps its name across builds.
      cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      bodies: {},
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

function sendFile(req: IncomingMessage, res: ServerResponse, file: StaticFile): void {
  const identity = (file.bodies.identity ??= readFileSync(file.absolutePath));
  file.etag ??= `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
  const compressible = COMPRESSIBLE.test(file.contentType) && identity.length >= MIN_COMPRESS_BYTES;
  const encoding = compressible ? pickEncoding(req.headers['accept-encoding']) : 'identity';
  const body = (file.bodies[encoding] ??= compress(identity, encoding));

  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Cache-Control', file.cacheControl);
  res.setHeader('ETag', file.etag);
  if (compressible) res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === file.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body);
}

function pickEncoding(header: string | string[] | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  if ((accepted.get('br') ?? 0) > 0) return 'br';
  if ((accepted.get('gzip') ?? 0) > 0) return 'gzip';
  return 'identity';
}

function compress(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'br') {
    return brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } });
  }
  return encoding === 'gzip' ? gzipSync(body, { level: 9 }) : body;
}

function sendText(res: ServerResponse, status: number, text: string, headOnly: boolean): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(headOnly ? undefined : text);
}
