/*
 * With the sandbox region and no upstream URLs, `npm start`, `vite dev` and `vite preview` run the sandbox in their
 * own process (one Ctrl-C stops everything), registered with a client secret that exists only in memory.
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { toServerConfig, type ServerConfig } from './config.ts';
import { queryNameOverrides, readVariable, StartupError } from './env-variables.ts';
import { readServerEnv } from './server-env.ts';

export const DEFAULT_SANDBOX_PORT = 4010;

export interface Upstream {
  config: ServerConfig;
  /** Set when this process started the sandbox. */
  sandboxUrl: string | null;
  close(): Promise<void>;
}

const port = z.pipe(
  z.string().check(z.regex(/^\d+$/, { error: 'must be a whole number from 1 to 65535' })),
  z.pipe(
    z.transform((value: string) => Number(value)),
    z.number().check(z.gte(1, { error: 'must be a whole number from 1 to 65535' }), z.lte(65_535, { error: 'must be a whole number from 1 to 65535' })),
  ),
);
const seconds = z.pipe(
  z.string().check(z.regex(/^\d+$/, { error: 'must be a whole number of seconds from 5 to 86400' })),
  z.pipe(
    z.transform((value: string) => Number(value)),
    z.number().check(z.gte(5, { error: 'must be a whole number of seconds from 5 to 86400' }), z.lte(86_400, { error: 'must be a whole number of seconds from 5 to 86400' })),
  ),
);

/**
 * Validates the environment and, when it asks for the sandbox without naming one, starts it. `appPort` is the
 * port the browser will use (the redirect URIs registered with the sandbox depend on it); it defaults to PORT.
 */
export async function prepareUpstream(
  env: NodeJS.ProcessEnv,
  options: { defaultPort: number; appPort?: number },
): Promise<Upstream> {
  const serverEnv = readServerEnv(env, { defaultPort: options.defaultPort });
  if (serverEnv.region !== 'sandbox' || serverEnv.apiUrl || serverEnv.identityUrl) {
    return { config: toServerConfig(serverEnv), sandboxUrl: null, close: () => Promise.resolve() };
  }

  const sandboxPort = readVariable(env, 'SANDBOX_PORT', port) ?? DEFAULT_SANDBOX_PORT;
  const accessTokenTtlSeconds = readVariable(env, 'SANDBOX_ACCESS_TOKEN_TTL', seconds);
  const sandboxQueryNames = readVariable(env, 'SANDBOX_QUERY_NAMES', queryNameOverrides);
  const appPort = options.appPort ?? serverEnv.port;
  if (sandboxPort === appPort) {
    throw new StartupError(`SANDBOX_PORT and the dashboard port are both ${appPort}: set SANDBOX_PORT to another port`);
  }
  const clientSecret = serverEnv.clientSecret ?? randomBytes(32).toString('base64url');
  const appOrigins = [`http://localhost:${appPort}`, `http://127.0.0.1:${appPort}`];

  const { startSandbox } = await import('./sandbox/sandbox.ts');
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({
      port: sandboxPort,
      host: serverEnv.host,
      clientId: serverEnv.clientId,
      clientSecret,
      redirectUris: appOrigins.map((origin) => `${origin}/auth/callback`),
      postLogoutRedirectUris: appOrigins.map((origin) => `${origin}/signed-out`),
      ...(accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds }),
      ...(sandboxQueryNames === undefined ? {} : { queryNames: sandboxQueryNames }),
    });
  } catch (error) {
    if (isAddressInUse(error)) {
      throw new StartupError(`Port ${sandboxPort} is already in use: set SANDBOX_PORT to another port`);
    }
    throw error;
  }
  return {
    config: toServerConfig(serverEnv, { url: sandbox.url, clientSecret }),
    sandboxUrl: sandbox.url,
    close: () => sandbox.close(),
  };
}

function isAddressInUse(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  return code === 'EADDRINUSE' || (typeof message === 'string' && message.includes('EADDRINUSE')) || isAddressInUse(cause);
}
