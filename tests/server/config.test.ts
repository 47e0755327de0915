import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadServerConfig, toRuntimeConfig, toServerConfig } from '../../src/server/config.ts';
import { readServerEnv } from '../../src/server/server-env.ts';
import { runtimeConfigSchema } from '../../src/config/runtime-config.ts';

const sandbox = { TALKDESK_API_URL: 'http://localhost:4010', TALKDESK_IDENTITY_URL: 'http://localhost:4010' };
const us = { TALKDESK_REGION: 'us', TALKDESK_ACCOUNT: 'acme', TALKDESK_CLIENT_ID: 'client-123' };
const load = (env: Record<string, string>) => loadServerConfig(env, { defaultPort: 8080 });

describe('loadServerConfig', () => {
  it('defaults to the sandbox region with the demo client', () => {
    const config = load(sandbox);
    expect(config).toMatchObject({
      region: 'sandbox',
      regionLabel: 'Sandbox',
      apiUrl: 'http://localhost:4010',
      identityUrl: 'http://localhost:4010',
      clientId: 'campaigns-dashboard',
      scope: 'openid campaigns:read',
      port: 8080,
      host: '127.0.0.1',
      upstreamTimeoutMs: 15_000,
    });
    expect(config.clientSecret).toBeUndefined();
  });

  it('fills the regional presets with the account name', () => {
    expect(load(us)).toMatchObject({ apiUrl: 'https://api.talkdeskapp.com', identityUrl: 'https://acme.talkdeskid.com', regionLabel: 'US' });
    expect(load({ ...us, TALKDESK_REGION: 'eu' })).toMatchObject({ apiUrl: 'https://api.talkdeskapp.eu', identityUrl: 'https://acme.talkdeskid.eu' });
    expect(load({ ...us, TALKDESK_REGION: 'ca' })).toMatchObject({ identityUrl: 'https://acme.talkdeskidca.com' });
    expect(load({ ...us, TALKDESK_REGION: 'au' })).toMatchObject({ identityUrl: 'https://acme.talkdeskid.au' });
    expect(load({ ...us, TALKDESK_REGION: 'uk' })).toMatchObject({ apiUrl: 'https://api.talkdeskapp.co.uk' });
  });

  it('lets the override URLs replace the presets, normalised to origins', () => {
    const config = load({ ...us, TALKDESK_API_URL: 'https://api.mytalkdesk.au/', TALKDESK_IDENTITY_URL: 'https://acme.example.test' });
    expect(config.apiUrl).toBe('https://api.mytalkdesk.au');
    expect(config.identityUrl).toBe('https://acme.example.test');
  });

  it('does not need the account when the identity host is given', () => {
    expect(load({ TALKDESK_REGION: 'us', TALKDESK_CLIENT_ID: 'client-123', TALKDESK_IDENTITY_URL: 'https://id.example.test' }).identityUrl).toBe('https://id.example.test');
  });

  it('reads every optional variable', () => {
    const config = load({
      ...us,
      TALKDESK_SCOPE: 'openid campaigns:read offline_access',
      PORT: '9000',
      HOST: '0.0.0.0',
      UPSTREAM_TIMEOUT_MS: '2500',
      TALKDESK_CLIENT_SECRET: 's3cr3t value',
    });
    expect(config).toMatchObject({ scope: 'openid campaigns:read offline_access', port: 9000, host: '0.0.0.0', upstreamTimeoutMs: 2500 });
    expect(config.clientSecret).toBe('s3cr3t value');
  });

  it('treats empty values as unset', () => {
    expect(load({ ...sandbox, TALKDESK_REGION: '', PORT: '', TALKDESK_CLIENT_SECRET: '' })).toMatchObject({ region: 'sandbox', port: 8080 });
  });

  it.each([
    [{ ...sandbox, TALKDESK_REGION: 'mars' }, /^TALKDESK_REGION must be one of us, eu, ca, au, uk, sandbox/],
    [{ TALKDESK_REGION: 'us', TALKDESK_CLIENT_ID: 'c' }, /^TALKDESK_ACCOUNT is required for region us/],
    [{ ...us, TALKDESK_ACCOUNT: 'Acme Corp' }, /^TALKDESK_ACCOUNT must be/],
    [{ ...us, TALKDESK_ACCOUNT: 'evil.com/x' }, /^TALKDESK_ACCOUNT must be/],
    [{ TALKDESK_REGION: 'eu', TALKDESK_ACCOUNT: 'acme' }, /^TALKDESK_CLIENT_ID is required for region eu/],
    [{ ...us, TALKDESK_CLIENT_ID: 'has space' }, /^TALKDESK_CLIENT_ID must be/],
    [{}, /^TALKDESK_API_URL is required for region sandbox/],
    [{ TALKDESK_API_URL: 'http://localhost:4010' }, /^TALKDESK_IDENTITY_URL is required for region sandbox/],
    [{ ...us, TALKDESK_API_URL: 'api.talkdeskapp.com' }, /^TALKDESK_API_URL must be an absolute http\(s\) URL/],
    [{ ...us, TALKDESK_API_URL: 'ftp://api.example.test' }, /^TALKDESK_API_URL must use http or https/],
    [{ ...us, TALKDESK_API_URL: 'https://api.example.test/v1' }, /^TALKDESK_API_URL must be an origin only/],
    [{ ...us, TALKDESK_API_URL: 'https://api.example.test/?x=1' }, /^TALKDESK_API_URL must be an origin only/],
    [{ ...us, TALKDESK_IDENTITY_URL: 'https://user:pw@id.example.test' }, /^TALKDESK_IDENTITY_URL must not contain credentials/],
    [{ ...us, TALKDESK_IDENTITY_URL: 'https://id.example.test#x' }, /^TALKDESK_IDENTITY_URL must be an origin only/],
    [{ ...us, TALKDESK_SCOPE: 'openid  campaigns:read' }, /^TALKDESK_SCOPE must be/],
    [{ ...us, TALKDESK_SCOPE: 'openid "x"' }, /^TALKDESK_SCOPE must be/],
    [{ ...us, TALKDESK_CLIENT_SECRET: 'line\nbreak' }, /^TALKDESK_CLIENT_SECRET must be/],
    [{ ...us, PORT: 'http' }, /^PORT must be a whole number from 1 to 65535/],
    [{ ...us, PORT: '70000' }, /^PORT must be a whole number from 1 to 65535/],
    [{ ...us, PORT: '0' }, /^PORT must be/],
    [{ ...us, HOST: 'a b' }, /^HOST must be a host name or an IP address/],
    [{ ...us, UPSTREAM_TIMEOUT_MS: '1.5' }, /^UPSTREAM_TIMEOUT_MS must be a whole number/],
    [{ ...us, UPSTREAM_TIMEOUT_MS: '0' }, /^UPSTREAM_TIMEOUT_MS must be a whole number/],
    [{ ...us, TALKDESK_API_URL: 'http://api.example.test' }, 'TALKDESK_API_URL must use https (plain http is allowed for localhost only): http://api.example.test'],
    [{ ...us, TALKDESK_IDENTITY_URL: 'http://10.0.0.7:8080' }, 'TALKDESK_IDENTITY_URL must use https (plain http is allowed for localhost only): http://10.0.0.7:8080'],
    [{ ...us, PUBLIC_URL: 'https://dash.example.test/app' }, /^PUBLIC_URL must be an origin only/],
    [{ ...us, TLS_PROXY: 'yes' }, /^TLS_PROXY must be true or false/],
    [{ ...us, TLS_PROXY: 'true', PUBLIC_URL: 'http://dash.example.test' }, /^TLS_PROXY=true says the dashboard is served over https, but PUBLIC_URL is http:/],
  ])('refuses a bad value with a message naming the variable: %#', (env, message) => {
    expect(() => load(env)).toThrow(message);
  });

  it('allows plain http upstreams on this machine only', () => {
    for (const host of ['localhost:4010', '127.0.0.1:4010', '127.8.9.10', '[::1]:4010']) {
      expect(load({ TALKDESK_API_URL: `http://${host}`, TALKDESK_IDENTITY_URL: `http://${host}` }).apiUrl).toBe(`http://${host}`);
    }
    expect(() => load({ TALKDESK_API_URL: 'http://localhost.evil.test', TALKDESK_IDENTITY_URL: 'http://localhost:1' })).toThrow(/^TALKDESK_API_URL must use https/);
  });

  it('sends HSTS when PUBLIC_URL is https or a TLS proxy is declared, not otherwise', () => {
    expect(load(us)).toMatchObject({ publicUrl: null, hsts: false });
    expect(load({ ...us, PUBLIC_URL: 'https://dash.example.test/' })).toMatchObject({ publicUrl: 'https://dash.example.test', hsts: true });
    expect(load({ ...us, PUBLIC_URL: 'http://localhost:8080' })).toMatchObject({ hsts: false });
    expect(load({ ...us, TLS_PROXY: 'true' })).toMatchObject({ publicUrl: null, hsts: true });
    expect(load({ ...us, TLS_PROXY: 'false' })).toMatchObject({ hsts: false });
  });

  it('never echoes a bad secret in its error', () => {
    expect(() => load({ ...us, TALKDESK_CLIENT_SECRET: 'hunter2\u0000' })).toThrow(/^TALKDESK_CLIENT_SECRET must be/);
    expect(() => load({ ...us, TALKDESK_CLIENT_SECRET: 'hunter2\u0000' })).not.toThrow(/hunter2/);
  });

  it('keeps the secret out of JSON, inspect, spread and key listings', () => {
    const secret = 'very-secret-value-123';
    const config = load({ ...us, TALKDESK_CLIENT_SECRET: secret });
    expect(config.clientSecret).toBe(secret);
    expect(JSON.stringify(config)).not.toContain(secret);
    expect(inspect(config, { depth: 10 })).not.toContain(secret);
    expect(String(config)).not.toContain(secret);
    expect(JSON.stringify({ ...config })).not.toContain(secret);
    expect(Object.keys(config)).not.toContain('clientSecret');
    expect(JSON.stringify(toRuntimeConfig(config))).not.toContain(secret);
    expect(Object.isFrozen(config)).toBe(true);
  });
});

describe('embedded sandbox', () => {
  it('leaves the sandbox hosts open so that the launcher can start one', () => {
    expect(readServerEnv({}, { defaultPort: 5173 })).toMatchObject({ region: 'sandbox', apiUrl: null, identityUrl: null, port: 5173 });
  });

  it('takes the started sandbox’s URL and in-memory secret', () => {
    const config = toServerConfig(readServerEnv({}, { defaultPort: 5173 }), { url: 'http://localhost:4010', clientSecret: 'generated' });
    expect(config).toMatchObject({ apiUrl: 'http://localhost:4010', identityUrl: 'http://localhost:4010', port: 5173 });
    expect(config.clientSecret).toBe('generated');
    expect(JSON.stringify(config)).not.toContain('generated');
  });
});

describe('toRuntimeConfig', () => {
  it('gives the browser the public values it needs, valid for its schema', () => {
    const runtime = toRuntimeConfig(load({ ...us, TALKDESK_CLIENT_SECRET: 'x', TALKDESK_QUERY_NAMES: 'priority=campaign_priority, search=q' }));
    expect(runtimeConfigSchema.parse(runtime)).toEqual({
      region: 'us',
      regionLabel: 'US',
      clientId: 'client-123',
      authorizeUrl: 'https://acme.talkdeskid.com/oauth/authorize',
      tokenPath: '/oauth/token',
      revokePath: '/oauth/revoke',
      apiBasePath: '/api',
      scope: 'openid campaigns:read',
      issuer: 'https://acme.talkdeskid.com',
      queryNames: { priority: 'campaign_priority', search: 'q' },
    });
  });
});
