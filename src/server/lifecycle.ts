/*
 * Start-up and shut-down shared by the entry points: one clear line for a port in use or a bad setting (no stack
 * trace), and Ctrl-C / SIGTERM closing every server so the ports are free when the process exits. Shutting down
 * drains: no new connections, the requests in flight are answered (up to a limit), then the process exits.
 */
import type { Server } from 'node:http';
import * as z from 'zod/mini';
import { readVariable, StartupError } from './env-variables.ts';

/** How long requests in flight may take to finish once the server is asked to stop (after UPSTREAM_TIMEOUT_MS's 15 s). */
export const DEFAULT_DRAIN_MS = 20_000;
const DRAIN_CHECK_MS = 100;

const drainMs = z.pipe(
  z.string().check(z.regex(/^\d{1,6}$/, { error: 'must be a whole number of milliseconds' })),
  z.transform((value: string) => Number(value)),
);

/** SHUTDOWN_DRAIN_MS, or the default. */
export function drainLimitFromEnv(env: NodeJS.ProcessEnv): number {
  return readVariable(env, 'SHUTDOWN_DRAIN_MS', drainMs) ?? DEFAULT_DRAIN_MS;
}

/** Listens and resolves with the URL to print; a busy port becomes a StartupError naming the variable to change. */
export function listen(server: Server, port: number, host: string, portVariable: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new StartupError(`Port ${port} is already in use: set ${portVariable} to another port`));
      } else if (error.code === 'EACCES') {
        reject(new StartupError(`Port ${port} needs privileges this process lacks: set ${portVariable} to another port`));
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve(`http://localhost:${actualPort}`);
    });
  });
}

/**
 * Stops accepting connections, lets the requests in flight finish and closes each connection once it is idle (so
 * close() does not wait for browsers' keep-alive); connections still busy after `drainLimitMs` are cut.
 */
export function closeServer(server: Server, drainLimitMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    const idleCheck = setInterval(() => server.closeIdleConnections(), DRAIN_CHECK_MS);
    const limit = setTimeout(() => server.closeAllConnections(), drainLimitMs);
    server.close(() => {
      clearInterval(idleCheck);
      clearTimeout(limit);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Runs an entry point: prints start-up errors as one line and exits 1; on SIGINT/SIGTERM runs `stop` and exits 0. */
export function runMain(main: () => Promise<() => Promise<void>>): void {
  main().then(
    (stop) => {
      let stopping = false;
      const onSignal = () => {
        if (stopping) return;
        stopping = true;
        stop().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`Error while stopping: ${describe(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof StartupError ? error.message : describe(error)}\n`);
      process.exit(1);
    },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
