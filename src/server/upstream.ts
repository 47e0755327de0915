/*
 * One call to Talkdesk and the relay of its answer: no redirects followed, a time limit, aborted when the browser
 * goes away, and a size limit on the answer (fetch decompresses, so a small compressed body cannot grow into
 * gigabytes here). API answers are compressed for the browser as it asks, at a level quick enough per request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { acceptedEncodings } from './accept-encoding.ts';
import type { ServerConfig } from './config.ts';

/** An upstream answer larger than this (decompressed) is refused with 502: no campaigns page comes near it. */
export const MAX_UPSTREAM_BODY_BYTES = 5 * 1024 * 1024;
const MIN_COMPRESS_BYTES = 1024;
const COMPRESSIBLE = /^(?:application\/(?:[\w.+-]*\+)?json|text\/)/i;
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type UpstreamOutcome =
  | { kind: 'answered'; response: Response; body: Buffer }
  | { kind: 'failed'; status: 502 | 504; message: string };

export async function callUpstream(
  config: ServerConfig,
  res: ServerResponse,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
): Promise<UpstreamOutcome> {
  const clientGone = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) clientGone.abort();
  };
  res.on('close', onClose);
  const timeout = AbortSignal.timeout(config.upstreamTimeoutMs);
  try {
    const response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      redirect: 'manual',
      signal: AbortSignal.any([timeout, clientGone.signal]),
    });
    const body = await readLimited(response, MAX_UPSTREAM_BODY_BYTES);
    if (body === null) {
      return { kind: 'failed', status: 502, message: `The upstream answer exceeds ${MAX_UPSTREAM_BODY_BYTES} bytes.` };
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      return { kind: 'failed', status: 502, message: 'The upstream service answered with a redirect, which the proxy does not follow.' };
    }
    return { kind: 'answered', response, body };
  } catch {
    if (timeout.aborted) {
      return { kind: 'failed', status: 504, message: 'The upstream service did not answer in time.' };
    }
    return { kind: 'failed', status: 502, message: 'The upstream service could not be reached.' };
  } finally {
    res.off('close', onClose);
  }
}

/** The whole body, or null (and the rest left unread) once it passes `limit` bytes. */
async function readLimited(response: Response, limit: number): Promise<Buffer | null> {
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > limit) {
        // Leaving the loop cancels the stream, and with it the upstream connection.
        return null;
      }
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

export interface RelayOptions {
  /** Upstream headers passed on. */
  returned: readonly string[];
  /** Set over upstream's. */
  extra: Record<string, string>;
  /** Compress JSON and text for a browser that accepts it. */
  compress: boolean;
}

export async function relay(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response,
  body: Buffer,
  options: RelayOptions,
): Promise<number> {
  for (const name of options.returned) {
    const value = response.headers.get(name);
    if (value !== null) res.setHeader(name, value);
  }
  for (const [name, value] of Object.entries(options.extra)) res.setHeader(name, value);
  const bodyless = req.method === 'HEAD' || response.status === 204 || response.status === 304;
  let sent = body;
  if (options.compress && COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) {
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = bodyless || body.length < MIN_COMPRESS_BYTES ? null : preferredEncoding(req);
    if (encoding) {
      sent = await compress(body, encoding);
      res.setHeader('Content-Encoding', encoding);
      // The same resource in another encoding: equal by meaning, not byte for byte.
      const etag = response.headers.get('etag');
      if (etag && !etag.startsWith('W/')) res.setHeader('ETag', `W/${etag}`);
    }
  }
  // fetch decompresses, so the upstream Content-Length may not match: describe the body actually sent.
  if (!bodyless) res.setHeader('Content-Length', sent.length);
  res.statusCode = response.status;
  res.end(bodyless ? undefined : sent);
  return response.status;
}

function preferredEncoding(req: IncomingMessage): 'br' | 'gzip' | null {
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
}

/** Brotli at quality 4 is about as quick as gzip at 6 and smaller; both run off the main thread. */
function compress(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipAsync(body, { level: 6 });
}
