import { RUNTIME_CONFIG_ELEMENT_ID, RUNTIME_CONFIG_PATH, runtimeConfigSchema, type RuntimeConfig } from '../config/runtime-config';
import { applyQueryNames } from '../config/talkdesk-api-contract';

/**
 * The production server writes the configuration into index.html (no extra round trip before the first request);
 * the Vite dev and preview servers only answer `/app-config.json`, which is the fallback.
 */
export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  const inline = readInlineRuntimeConfig(document);
  if (inline) return inline;
  const response = await fetchImpl(RUNTIME_CONFIG_PATH, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new Error(`The dashboard's server configuration could not be loaded (HTTP ${response.status}).`);
  const parsed = runtimeConfigSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error('The dashboard server sent an invalid configuration.');
  return inForce(parsed.data);
}

/** The configuration the production server wrote into index.html, or null when there is none or it is damaged. */
export function readInlineRuntimeConfig(doc: Document): RuntimeConfig | null {
  const inline = doc.getElementById(RUNTIME_CONFIG_ELEMENT_ID)?.textContent;
  if (!inline) return null;
  try {
    const parsed = runtimeConfigSchema.safeParse(JSON.parse(inline));
    return parsed.success ? inForce(parsed.data) : null;
  } catch {
    // A damaged block: the caller asks the server instead.
    return null;
  }
}

/** The page's queries use the configuration's query parameter names from here on. */
function inForce(config: RuntimeConfig): RuntimeConfig {
  applyQueryNames(config.queryNames);
  return config;
}
