/*
 * The files of the built app in `dist/`, read into memory at start: a request can only ever name a file that was in
 * the build (no path resolution from user input), and rebuilding `dist/` under a running server cannot break it. Text
 * files are compressed in the background at start (brotli at its best quality is slow, so gzip answers until brotli
 * is ready); source maps are only for developer tools and stay uncompressed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { StartupError } from './env-variables.ts';
import { FIRST_SCREEN_DIR } from '../first-screen/contract.ts';
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

export interface Compressed {
  /** The body in `encoding` if it is ready now. */
  ready(encoding: 'gzip' | 'br'): Buffer | undefined;
  /** The body in `encoding`, once it is ready. */
  whenReady(encoding: 'gzip' | 'br'): Promise<Buffer>;
}

export interface StaticFile {
  contentType: string;
  cacheControl: string;
  etag: string;
  identity: Buffer;
  /** Absent for files not worth compressing. */
  compressed?: Compressed;
  /** Set on this response only, over the server's own. */
  headers?: Record<string, string>;
}

/** A strong ETag for a body: a prefix of its SHA-256. */
export function etagOf(identity: Buffer): string {
  return `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
}

export function indexFiles(distDir: string, transformIndexHtml?: (html: string) => string): Map<string, StaticFile> {
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
      etag: etagOf(identity),
      identity,
      ...(worthCompressing ? { compressed: startCompressing(identity) } : {}),
    });
  }
  return files;
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
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
