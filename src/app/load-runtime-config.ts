import { RUNTIME_CONFIG_PATH, runtimeConfigSchema, type RuntimeConfig } from '../config/runtime-config';

export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  const response = await fetchImpl(RUNTIME_CONFIG_PATH, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new Error(`The dashboard's server configuration could not be loaded (HTTP ${response.status}).`);
  const parsed = runtimeConfigSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error('The dashboard server sent an invalid configuration.');
  return parsed.data;
}
