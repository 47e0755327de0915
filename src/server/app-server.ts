/*
 * The production server: the built app, the same-origin proxy, a health check and a readiness check, with security
 * headers on every response. It keeps no state between requests, so any number of copies can run behind a load
 * balancer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { toRuntimeConfig, type ServerConfig } from './config.ts';
import { inlineRuntimeConfig } from './inline-config.ts';
import { createProxy, type ProxyOptions } from './proxy.ts';
import { createStaticSite } from './static.ts';
import { loadFirstScreen } from '../first-screen/node/load-first-screen.ts';
import { isLoopbackHost } from './loopback.ts';
import { READINESS_PATH, readinessReply, watchUpstreams } from './readiness.ts';

export interface AppServerOptions extends ProxyOptions {
  distDir: string;
  /** How often the readiness check probes the upstream hosts (default 30 s). */
  readinessIntervalMs?: number;
}

/**
 * The most a request's line and headers may take. Shared links can be long (filters, search text): Node's 16 KiB
 * default would answer some with a bare 431. Larger requests get that 431.
 */
export const MAX_REQUEST_HEADER_BYTES = 64 * 1024;
/** One year: the browser's memory of "https only" for this host. */
export const HSTS = 'max-age=31536000';

/** `scriptSources`: what may run besides the app's own files (the first screen's inline script, by its hash). */
export function securityHeaders(config: ServerConfig, scriptSources: string[] = []): Record<string, string> {
  return {
    // The app reaches the identity host by assigning location, which CSP does not restrict; form-action covers
    // a form post to it should the sign-in flow ever use one.
    'Content-Security-Policy': [
      "default-src 'self'",
      ["script-src 'self'", ...scriptSources].join(' '),
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      `form-action 'self' ${config.identityUrl}`,
      "frame-ancestors 'none'",
    ].join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  };
}

export function createAppServer(config: ServerConfig, options: AppServerOptions): Server {
  const headers = Object.entries(securityHeaders(config));
  const proxy = createProxy(config, options);
  const runtimeConfig = toRuntimeConfig(config);
  const site = createStaticSite(options.distDir, {
    transformIndexHtml: (html) => inlineRuntimeConfig(html, runtimeConfig),
    firstScreen: loadFirstScreen(options.distDir, runtimeConfig, options.log),
    contentSecurityPolicy: (scriptSources) => securityHeaders(config, scriptSources)['Content-Security-Policy']!,
  });

  const readiness = watchUpstreams(config, options.readinessIntervalMs);

  const serveRest = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' || path === READINESS_PATH) {
      const reply = path === '/healthz' ? { status: 200, body: JSON.stringify({ status: 'ok' }) } : readinessReply(readiness, !server.listening);
      res.statusCode = reply.status;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(req.method === 'HEAD' ? undefined : reply.body);
      return;
    }
    if (!site.handle(req, res)) {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Method not allowed');
    }
  };

  const server = createServer({ maxHeaderSize: MAX_REQUEST_HEADER_BYTES }, (req, res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    // Never on plain-http localhost: the browser would then refuse http for every port of it.
    if (config.hsts && !isLoopbackHost(req.headers.host ?? '')) res.setHeader('Strict-Transport-Security', HSTS);
    // Shutting down (lifecycle.ts): finish this request, then let the connection go.
    if (!server.listening) res.setHeader('Connection', 'close');
    try {
      proxy(req, res, (error?: unknown) => {
        if (error) throw error;
        serveRest(req, res);
      });
    } catch (error) {
      process.stderr.write(`request failed: ${error instanceof Error ? error.message : String(error)}\n`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Internal server error');
      } else {
        res.destroy();
      }
    }
  });
  server.on('close', () => readiness.stop());
  return server;
}
