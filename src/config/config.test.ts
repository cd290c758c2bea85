import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3001);
    expect(c.databaseUrl).toBe('sqlite:data/flowledger.db');
    expect(c.bodyLimit).toBe(1024 * 1024);
    expect(c.ingestBodyLimit).toBe(25 * 1024 * 1024);
    expect(c.slaIntervalMs).toBe(10 * 60_000);
    expect(c.outboxLeaseMs).toBe(5 * 60_000);
    expect(c.webhookAllowPrivateNetworks).toBe(false);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('parses durations, sizes and booleans with units', () => {
    const c = loadConfig({ SLA_INTERVAL: '30s', BODY_LIMIT: '2mb', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', PORT: '8080' });
    expect(c.slaIntervalMs).toBe(30_000);
    expect(c.bodyLimit).toBe(2 * 1024 * 1024);
    expect(c.webhookAllowPrivateNetworks).toBe(true);
    expect(c.port).toBe(8080);
  });

  it('drains 5 s on shutdown by default; 0 turns the delay off; it must end before SHUTDOWN_TIMEOUT', () => {
    expect(loadConfig({}).shutdownDrainDelayMs).toBe(5_000);
    expect(loadConfig({ SHUTDOWN_DRAIN_DELAY: '0' }).shutdownDrainDelayMs).toBe(0);
    expect(loadConfig({ SHUTDOWN_DRAIN_DELAY: '250ms' }).shutdownDrainDelayMs).toBe(250);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_DELAY: 'soon' })).toThrow(/SHUTDOWN_DRAIN_DELAY must be a duration/);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_DELAY: '10s' })).toThrow(/SHUTDOWN_DRAIN_DELAY .* must be shorter than SHUTDOWN_TIMEOUT/);
    expect(loadConfig({ SHUTDOWN_DRAIN_DELAY: '10s', SHUTDOWN_TIMEOUT: '30s' }).shutdownDrainDelayMs).toBe(10_000);
  });

  it('reads retention ages as durations, with off or 0 keeping forever', () => {
    expect(loadConfig({})).toMatchObject({ retentionDeliveryMs: 30 * 86_400_000, retentionHistoryMs: 365 * 86_400_000, retentionIntervalMs: 10 * 60_000 });
    expect(loadConfig({ RETENTION_DELIVERY: '12h', RETENTION_HISTORY: 'off' })).toMatchObject({ retentionDeliveryMs: 12 * 3_600_000, retentionHistoryMs: null });
    expect(loadConfig({ RETENTION_DELIVERY: '0', RETENTION_HISTORY: 'OFF' })).toMatchObject({ retentionDeliveryMs: null, retentionHistoryMs: null });
    expect(() => loadConfig({ RETENTION_HISTORY: 'a year' })).toThrow(/RETENTION_HISTORY must be a duration such as 30d or 12h, or off/);
  });

  it('keeps the origin of PUBLIC_URL and reads the session timeouts (defaults 12h idle, 30d in all)', () => {
    expect(loadConfig({})).toMatchObject({ publicOrigin: undefined, sessionIdleTimeoutMs: 12 * 3_600_000, sessionMaxAgeMs: 30 * 86_400_000 });
    expect(loadConfig({ PUBLIC_URL: 'https://Flow.Example.com:443/app/', SESSION_IDLE_TIMEOUT: '30m', SESSION_MAX_AGE: '7d' })).toMatchObject({
      publicOrigin: 'https://flow.example.com',
      sessionIdleTimeoutMs: 30 * 60_000,
      sessionMaxAgeMs: 7 * 86_400_000,
    });
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3001' }).publicOrigin).toBe('http://localhost:3001');
    expect(() => loadConfig({ PUBLIC_URL: 'flow.example.com' })).toThrow(/PUBLIC_URL must be an http\(s\) URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://flow.example.com' })).toThrow(/PUBLIC_URL must start with http/);
  });

  it('reports every problem at once instead of stopping at the first', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SLA_INTERVAL: '10 minutes', LOG_LEVEL: 'loud' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/SLA_INTERVAL/);
    expect(problems).toMatch(/LOG_LEVEL/);
    expect((err as ConfigError).problems).toHaveLength(4);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', METRICS_TOKEN: '' }).port).toBe(3001);
  });
  it('turns OpenID Connect sign-in on with issuer, client id and secret together, and PUBLIC_URL for the redirect URI', () => {
    const oidc = { OIDC_ISSUER: 'https://accounts.google.com', OIDC_CLIENT_ID: 'id', OIDC_CLIENT_SECRET: 'secret' };
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({ ...oidc, PUBLIC_URL: 'https://fl.example.com/x' }).oidc).toEqual({
      issuer: 'https://accounts.google.com',
      clientId: 'id',
      clientSecret: 'secret',
      scopes: 'openid email profile',
      displayName: 'single sign-on',
    });
    expect(() => loadConfig(oidc)).toThrow(/PUBLIC_URL: needed for OpenID Connect sign-in/);
    expect(() => loadConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER, PUBLIC_URL: 'https://fl.example.com' })).toThrow(/OIDC_CLIENT_ID: needed[\s\S]*OIDC_CLIENT_SECRET: needed/);
    expect(() => loadConfig({ ...oidc, OIDC_ISSUER: 'http://idp.example.com', PUBLIC_URL: 'https://fl.example.com' })).toThrow(/OIDC_ISSUER must start with https:\/\//);
    expect(loadConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:8080', PUBLIC_URL: 'http://localhost' }).oidc?.issuer).toBe('http://127.0.0.1:8080');
    expect(() => loadConfig({ ...oidc, OIDC_SCOPES: 'email profile', PUBLIC_URL: 'https://fl.example.com' })).toThrow(/OIDC_SCOPES must include openid/);
  });
});
