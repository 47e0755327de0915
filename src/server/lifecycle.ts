/*
 * Start-up and shut-down shared by the entry points: one clear line for a port in use or a bad setting (no stack
 * trace), and Ctrl-C / SIGTERM closing every server so the ports are free when the process exits.
 */
import type { Server } from 'node:http';
import { StartupError } from './config.ts';

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

/** Stops accepting connections and drops idle keep-alive ones, so close() does not wait for browsers. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
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
