/*
 * A sandbox on an ephemeral port with a test client, for the sandbox's own tests (and anyone else's).
 */
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/server/sandbox/sandbox.ts';
import type { AuthorizeOptions } from './oidc-flow.ts';

export const TEST_CLIENT = {
  clientId: 'campaigns-dashboard',
  clientSecret: 'test-secret-not-for-production',
  redirectUri: 'http://localhost:5173/auth/callback',
};

export async function startTestSandbox(overrides: Partial<SandboxOptions> = {}): Promise<{ sandbox: RunningSandbox; client: AuthorizeOptions }> {
  const sandbox = await startSandbox({
    port: 0,
    clientId: TEST_CLIENT.clientId,
    clientSecret: TEST_CLIENT.clientSecret,
    redirectUris: [TEST_CLIENT.redirectUri],
    ...overrides,
  });
  return { sandbox, client: { origin: sandbox.url, ...TEST_CLIENT } };
}
