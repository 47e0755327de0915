/*
 * Reading one environment variable: the validators shared by the serving process's variables and the error a bad
 * value becomes (named for the variable, never echoing its value).
 */
import * as z from 'zod/mini';
import { parseQueryNameOverrides } from '../config/query-name-overrides.ts';

/** A configuration problem the entry points print as one line (no stack trace) before exiting with status 1. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** An http(s) origin (scheme, host and port only), without a trailing slash. */
export const origin = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.issues.push({ code: 'custom', input: value, message: 'must be an absolute http(s) URL such as https://api.example.com' });
      return z.NEVER;
    }
    const problem =
      url.protocol !== 'http:' && url.protocol !== 'https:' ? 'must use http or https'
      : url.username || url.password ? 'must not contain credentials'
      : url.pathname !== '/' || url.search || url.hash || value.includes('?') || value.includes('#')
        ? 'must be an origin only, with no path, query or fragment (e.g. https://api.example.com)'
      : null;
    if (problem) {
      ctx.issues.push({ code: 'custom', input: value, message: problem });
      return z.NEVER;
    }
    return url.origin;
  }),
);

/** A whole number from `min` to `max`, written in decimal digits. */
export const integer = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d+$/, { error: `must be a whole number from ${min} to ${max}` })),
    z.pipe(
      z.transform((value: string) => Number(value)),
      z.number().check(
        z.gte(min, { error: `must be a whole number from ${min} to ${max}` }),
        z.lte(max, { error: `must be a whole number from ${min} to ${max}` }),
      ),
    ),
  );

/** `table_name=account_name,...` (TALKDESK_QUERY_NAMES, SANDBOX_QUERY_NAMES). */
export const queryNameOverrides = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    try {
      return parseQueryNameOverrides(value);
    } catch (error) {
      ctx.issues.push({ code: 'custom', input: value, message: `is not usable: ${(error as Error).message}` });
      return z.NEVER;
    }
  }),
);

/** Reads one variable; an empty value counts as unset. The message names the variable and never echoes its value. */
export function readVariable<S extends z.ZodMiniType>(env: NodeJS.ProcessEnv, name: string, schema: S): z.output<S> | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new StartupError(`${name} ${result.error.issues[0]?.message ?? 'is invalid'}`);
  }
  return result.data;
}
