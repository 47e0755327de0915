/*
 * The public part of the server's configuration, fetched by the browser at start (`/app-config.json`) so that one
 * build serves any account and region. It never carries the client secret.
 */
import * as z from 'zod/mini';

export const RUNTIME_CONFIG_PATH = '/app-config.json';
/** Id of the JSON data block the server writes into index.html with the same content. */
export const RUNTIME_CONFIG_ELEMENT_ID = 'app-config';

export const runtimeConfigSchema = z.object({
  region: z.string(),
  regionLabel: z.string(),
  clientId: z.string(),
  /** The identity host's authorize endpoint: the browser navigates there, so it is absolute. */
  authorizeUrl: z.string(),
  /** Same-origin path of the token proxy. */
  tokenPath: z.string(),
  /** Same-origin path of the token revocation proxy. */
  revokePath: z.string(),
  /** Same-origin path prefix of the API proxy, e.g. `/api`. */
  apiBasePath: z.string(),
  scope: z.string(),
  /** The issuer the id_token is expected to carry. */
  issuer: z.string(),
  /** The deployment's corrections to the API's query parameter names (TALKDESK_QUERY_NAMES), checked by the server. */
  queryNames: z.optional(z.record(z.string(), z.string())),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
