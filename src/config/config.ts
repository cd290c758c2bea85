import { isIP } from 'node:net';
import { z } from 'zod';
import { parseDuration, parseSize } from '../shared/duration.js';
import { parseSecretKey, secretKeyId } from '../shared/secret-box.js';
import { parseOrgGroup, type OrgGroup } from '../db/org-group.js';

/**
 * The only place that reads process.env. Everything is parsed once, every problem is reported
 * together, and the result is frozen.
 */
const duration = (name: string, dflt: string) =>
  z
    .string()
    .default(dflt)
    .transform((v, ctx) => {
      const ms = parseDuration(v);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a duration such as 500ms, 10s, 10m or 1h (got "${v}")` });
        return z.NEVER;
      }
      return ms;
    });

const size = (name: string, dflt: string) =>
  z
    .string()
    .default(dflt)
    .transform((v, ctx) => {
      const bytes = parseSize(v);
      if (bytes === undefined || bytes <= 0) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a size such as 1mb or 1048576 (got "${v}")` });
        return z.NEVER;
      }
      return bytes;
    });

/** A retention age: a duration, or `off` / `0` to keep forever (null). */
const retention = (name: string, dflt: string) =>
  z
    .string()
    .default(dflt)
    .transform((v, ctx) => {
      if (/^\s*(off|0)\s*$/i.test(v)) return null;
      const ms = parseDuration(v);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a duration such as 30d or 12h, or off to keep forever (got "${v}")` });
        return z.NEVER;
      }
      return ms === 0 ? null : ms;
    });

const bool = (dflt: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? dflt : ['true', '1', 'yes'].includes(v)));

const int = (name: string, dflt: number, min: number, max: number) =>
  z
    .string()
    .default(String(dflt))
    .transform((v, ctx) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be an integer from ${min} to ${max} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

/**
 * Which proxies' X-Forwarded-For to believe, with Fastify's meanings: unset/false none (the socket
 * address is the client), true all, a number of hops, or addresses and CIDR ranges (comma-separated).
 */
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): boolean | number | string[] => {
    if (v === undefined || v === 'false') return false;
    if (v === 'true') return true;
    if (/^\d+$/.test(v)) return Number(v);
    const list = v.split(',').map((x) => x.trim()).filter(Boolean);
    const bad = list.filter((x) => {
      const [addr, bits, extra] = x.split('/');
      const family = isIP(addr ?? '');
      if (!family || extra !== undefined) return true;
      return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
    });
    if (list.length === 0 || bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `TRUST_PROXY must be true, false, a hop count, or addresses/CIDR ranges such as 10.0.0.0/8,127.0.0.1 (bad: "${bad.join(', ') || v}")` });
      return z.NEVER;
    }
    return list;
  });
const KEY_FORMAT = '32 bytes as 64 hex digits or base64 (e.g. the output of: openssl rand -base64 32)';

/** SECRETS_KEY: one key; SECRETS_KEY_PREVIOUS: a comma-separated list (keys still opened, never used to seal). */
const secretKeys = (name: string, many: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return [];
      const parts = many ? v.split(',').map((p) => p.trim()).filter(Boolean) : [v];
      const keys: Buffer[] = [];
      for (const [i, p] of parts.entries()) {
        const key = parseSecretKey(p);
        // Never echo the value: it is a key, and config errors are printed.
        if (!key) ctx.addIssue({ code: 'custom', message: `${name}${many ? ` (entry ${i + 1})` : ''} must be ${KEY_FORMAT}` });
        else keys.push(key);
      }
      return keys;
    });

/**
 * An optional URL setting: `accept` answers the value to keep, or the complaint (after "NAME must")
 * that names what the setting needs. Unparseable text gets `example` as the shape to follow.
 */
function urlSetting(name: string, example: string, accept: (url: URL, raw: string) => string | { refuse: string }) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} must be ${example} (got "${v}")` });
        return z.NEVER;
      }
      const kept = accept(url, v);
      if (typeof kept === 'string') return kept;
      ctx.addIssue({ code: 'custom', message: `${name} must ${kept.refuse} (got "${v}")` });
      return z.NEVER;
    });
}

/** PUBLIC_URL: where people reach the dashboard; only its origin is kept (CSRF and WebSocket origin checks, links in mail). */
const publicUrl = urlSetting('PUBLIC_URL', 'an http(s) URL such as https://flowledger.example.com', (url) =>
  url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : { refuse: 'start with http:// or https://' },
);

/**
 * OIDC_ISSUER: the provider's issuer URL, https; plain http only on loopback (a provider a test or a
 * developer runs on this machine), since the token answer and the keys travel over it.
 */
const oidcIssuer = urlSetting('OIDC_ISSUER', "the provider's issuer URL such as https://accounts.google.com", (url, raw) => {
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return { refuse: 'start with https:// (plain http only on localhost)' };
  // Kept as written (a trailing slash included): discovery compares it exactly with the provider's own `issuer`.
  return raw;
});

const databaseUrl = z
  .string()
  .default('sqlite:data/flowledger.db')
  .refine((v) => /^(sqlite:|postgres(ql)?:\/\/)/.test(v), {
    message: 'DATABASE_URL must start with sqlite: or postgres://',
  });

const envSchema = z.object({
  PORT: int('PORT', 3001, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: databaseUrl,
  DB_POOL_SIZE: int('DB_POOL_SIZE', 10, 1, 1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: size('BODY_LIMIT', '1mb'),
  INGEST_BODY_LIMIT: size('INGEST_BODY_LIMIT', '25mb'),
  METRICS_TOKEN: z.string().min(1).optional(),
  AUTH_FAILURE_LIMIT: int('AUTH_FAILURE_LIMIT', 20, 1, 1_000_000),
  AUTH_FAILURE_WINDOW: duration('AUTH_FAILURE_WINDOW', '1m'),
  KEY_CACHE_TTL: duration('KEY_CACHE_TTL', '5s'),
  ANSWER_CACHE_ENTRIES: int('ANSWER_CACHE_ENTRIES', 1000, 0, 1_000_000),
  ANSWER_CACHE_TOKEN: z.enum(['org', 'database']).default('org'),
  SHUTDOWN_TIMEOUT: duration('SHUTDOWN_TIMEOUT', '10s'),
  // A bare "0" is accepted here (no unit needed to say "no delay").
  SHUTDOWN_DRAIN_DELAY: z.preprocess((v) => (typeof v === 'string' && v.trim() === '0' ? '0ms' : v), duration('SHUTDOWN_DRAIN_DELAY', '5s')),
  SLA_INTERVAL: duration('SLA_INTERVAL', '10m'),
  OUTBOX_LEASE: duration('OUTBOX_LEASE', '5m'),
  OUTBOX_POLL_INTERVAL: duration('OUTBOX_POLL_INTERVAL', '5s'),
  OUTBOX_MAX_ATTEMPTS: int('OUTBOX_MAX_ATTEMPTS', 10, 1, 1000),
  ORG_GROUP: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '' || v.trim() === 'all') return undefined;
      const group = parseOrgGroup(v);
      if (!group) {
        ctx.addIssue({ code: 'custom', message: `ORG_GROUP must be an org id range such as 1-1000 or 1001- (or all), first ≤ last (got "${v}")` });
        return z.NEVER;
      }
      return group;
    }),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: bool(false),
  IDEMPOTENCY_TTL: duration('IDEMPOTENCY_TTL', '24h'),
  IDEMPOTENCY_WAIT: duration('IDEMPOTENCY_WAIT', '10s'),
  WEBHOOK_SECRET_OVERLAP: z.preprocess((v) => (typeof v === 'string' && v.trim() === '0' ? '0ms' : v), duration('WEBHOOK_SECRET_OVERLAP', '24h')),
  SMTP_URL: z.string().url().optional(),
  MAIL_DIR: z.string().min(1).default('data/mail'),
  MAIL_FROM: z.string().min(3).default('FlowLedger <no-reply@flowledger.local>'),
  WS_HEARTBEAT_INTERVAL: duration('WS_HEARTBEAT_INTERVAL', '30s'),
  WS_AUTH_TIMEOUT: duration('WS_AUTH_TIMEOUT', '5s'),
  WS_MAX_BUFFERED: size('WS_MAX_BUFFERED', '4mb'),
  REALTIME_POLL_INTERVAL: duration('REALTIME_POLL_INTERVAL', '2s'),
  WEB_DIR: z.string().min(1).optional(),
  TRUST_PROXY: trustProxy,
  SECRETS_KEY: secretKeys('SECRETS_KEY', false),
  SECRETS_KEY_PREVIOUS: secretKeys('SECRETS_KEY_PREVIOUS', true),
  RETENTION_DELIVERY: retention('RETENTION_DELIVERY', '30d'),
  RETENTION_HISTORY: retention('RETENTION_HISTORY', '365d'),
  RETENTION_INTERVAL: duration('RETENTION_INTERVAL', '10m'),
  INGEST_STALL_TIMEOUT: duration('INGEST_STALL_TIMEOUT', '30m'),
  MAILBOX_POLL_INTERVAL: duration('MAILBOX_POLL_INTERVAL', '1m'),
  MAILBOX_LEASE: duration('MAILBOX_LEASE', '1m'),
  MAILBOX_CONNECT_TIMEOUT: duration('MAILBOX_CONNECT_TIMEOUT', '15s'),
  MAILBOX_RECONNECT_MAX: duration('MAILBOX_RECONNECT_MAX', '5m'),
  MAILBOX_MAX_MESSAGE_SIZE: size('MAILBOX_MAX_MESSAGE_SIZE', '25mb'),
  MAILBOX_ALLOW_PRIVATE_NETWORKS: bool(false),
  PUBLIC_URL: publicUrl,
  SESSION_IDLE_TIMEOUT: duration('SESSION_IDLE_TIMEOUT', '12h'),
  SESSION_MAX_AGE: duration('SESSION_MAX_AGE', '30d'),
  INVITE_TTL: duration('INVITE_TTL', '7d'),
  RESET_TTL: duration('RESET_TTL', '1h'),
  NOTIFY_DIGEST_WINDOW: duration('NOTIFY_DIGEST_WINDOW', '5m'),
  OIDC_ISSUER: oidcIssuer,
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z
    .string()
    .default('openid email profile')
    .refine((v) => v.split(/\s+/).includes('openid'), { message: 'OIDC_SCOPES must include openid (e.g. "openid email profile")' }),
  OIDC_DISPLAY_NAME: z.string().min(1).max(60).default('single sign-on'),
});

/** One OpenID Connect provider per install (src/users/oidc.service.ts). */
export type OidcConfig = Readonly<{
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated, as sent in the authorization request. */
  scopes: string;
  /** The sign-in button's label ("Google", "Microsoft", "Keycloak"). */
  displayName: string;
}>;

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string;
  dbPoolSize: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  bodyLimit: number;
  ingestBodyLimit: number;
  metricsToken: string | undefined;
  authFailureLimit: number;
  authFailureWindowMs: number;
  keyCacheTtlMs: number;
  /** Answers of hot reads kept per process (src/answer-cache/answer-cache.ts); 0 turns the cache off. */
  answerCacheEntries: number;
  /** What invalidates a cached answer: a commit to its org's data (`org`), or any commit (`database`, for comparison). */
  answerCacheToken: 'org' | 'database';
  shutdownTimeoutMs: number;
  /** After SIGTERM, how long /ready answers 503 (so load balancers stop routing here) before the listener closes. */
  shutdownDrainDelayMs: number;
  slaIntervalMs: number;
  outboxLeaseMs: number;
  outboxPollIntervalMs: number;
  outboxMaxAttempts: number;
  /** The orgs this process's outbox worker and SLA monitor work on (an org_id range); undefined: every org. */
  orgGroup: OrgGroup | undefined;
  webhookAllowPrivateNetworks: boolean;
  /** How long an Idempotency-Key and its stored answer are kept. */
  idempotencyTtlMs: number;
  /** How long a duplicate waits for the first request with its Idempotency-Key before 409. */
  idempotencyWaitMs: number;
  /** How long a rotated webhook secret still signs deliveries beside its successor (0: not at all). */
  webhookSecretOverlapMs: number;
  smtpUrl: string | undefined;
  mailDir: string;
  mailFrom: string;
  /** WebSocket ping period; a peer that misses one pong is dropped. */
  wsHeartbeatMs: number;
  /** How long a WebSocket may take to send its auth message. */
  wsAuthTimeoutMs: number;
  /** A WebSocket whose unsent bytes exceed this is disconnected rather than slowing others. */
  wsMaxBufferedBytes: number;
  /** Fallback poll of the realtime commit tap (commits wake it at once). */
  realtimePollMs: number;
  /** Where the built dashboard lives (default: the package's web/dist). */
  webDir: string | undefined;
  /** Fastify's trustProxy: whose X-Forwarded-For names the client (request.ip, the auth limit, logs). */
  trustProxy: boolean | number | string[];
  /**
   * The key stored secrets are sealed with (src/shared/secret-box.ts); unset on SQLite: a key file
   * beside the database (src/app/secrets.ts); unset on PostgreSQL: start-up is refused.
   */
  secretsKey: Buffer | undefined;
  /** Earlier keys, still opened while `flowledger secrets rotate` moves values to the current one. */
  secretsKeysPrevious: readonly Buffer[];
  /** Age after which delivery data (webhook attempts and dispatch, processed webhook events, ingest items) is pruned; null keeps it. */
  retentionDeliveryMs: number | null;
  /** Age after which activity history (processed work events, task status history) is pruned; null keeps it. */
  retentionHistoryMs: number | null;
  /** Period of the retention pruner (worker processes and `serve` with workers). */
  retentionIntervalMs: number;
  /** A `running` ingest batch that wrote nothing for this long was left by a dead process: the retention pass closes it as failed. */
  ingestStallTimeoutMs: number;
  /**
   * Mailboxes (src/mailboxes): every folder is synced again this often even without an IDLE
   * wake-up (the only way for folders other than the first, and for servers without IDLE).
   */
  mailboxPollIntervalMs: number;
  /** How long a worker's claim on a mailbox lasts unless renewed (a dead worker's passes to another after this). */
  mailboxLeaseMs: number;
  /** Bound on connecting, the greeting and authentication (also for POST /api/mailboxes/:id/test). */
  mailboxConnectTimeoutMs: number;
  /** The longest wait between reconnection attempts (the backoff doubles from 1 s up to it). */
  mailboxReconnectMaxMs: number;
  /** A message larger than this is not downloaded: it becomes a failed ingest item and the checkpoint moves past it. */
  mailboxMaxMessageBytes: number;
  /** Allow IMAP hosts on loopback and private networks (refused by default, as for webhooks). */
  mailboxAllowPrivateNetworks: boolean;
  /**
   * The dashboard's origin as people reach it (PUBLIC_URL, reduced to scheme://host[:port]); unset:
   * each request's own Host and scheme (as TRUST_PROXY lets the proxy report them).
   */
  publicOrigin: string | undefined;
  /** A browser session unused for this long ends (sliding). */
  sessionIdleTimeoutMs: number;
  /** A browser session ends this long after sign-in, however active. */
  sessionMaxAgeMs: number;
  /** An invitation's link works this long. */
  inviteTtlMs: number;
  /** A password reset's link works this long. */
  resetTtlMs: number;
  /** Notification mail: after a mail to a person, what arrives within this window waits and goes as one digest at its end. */
  notifyDigestWindowMs: number;
  /** OpenID Connect sign-in (OIDC_*); unset: password sign-in only. */
  oidc: OidcConfig | undefined;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`));
  }
  const e = parsed.data;
  const secretsKey = e.SECRETS_KEY[0];
  if (secretsKey === undefined && e.SECRETS_KEY_PREVIOUS.length > 0) {
    throw new ConfigError(['SECRETS_KEY_PREVIOUS: needs SECRETS_KEY (the current key) as well']);
  }
  if (e.SHUTDOWN_DRAIN_DELAY >= e.SHUTDOWN_TIMEOUT) {
    // The timeout bounds the whole shutdown: a drain delay as long would always end in exit 1.
    throw new ConfigError([`SHUTDOWN_DRAIN_DELAY (${e.SHUTDOWN_DRAIN_DELAY} ms) must be shorter than SHUTDOWN_TIMEOUT (${e.SHUTDOWN_TIMEOUT} ms)`]);
  }
  const oidc = oidcConfig(e);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    ingestBodyLimit: e.INGEST_BODY_LIMIT,
    metricsToken: e.METRICS_TOKEN,
    authFailureLimit: e.AUTH_FAILURE_LIMIT,
    authFailureWindowMs: e.AUTH_FAILURE_WINDOW,
    keyCacheTtlMs: e.KEY_CACHE_TTL,
    answerCacheEntries: e.ANSWER_CACHE_ENTRIES,
    answerCacheToken: e.ANSWER_CACHE_TOKEN,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT,
    shutdownDrainDelayMs: e.SHUTDOWN_DRAIN_DELAY,
    slaIntervalMs: e.SLA_INTERVAL,
    outboxLeaseMs: e.OUTBOX_LEASE,
    outboxPollIntervalMs: e.OUTBOX_POLL_INTERVAL,
    outboxMaxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    orgGroup: e.ORG_GROUP,
    webhookAllowPrivateNetworks: e.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    idempotencyTtlMs: e.IDEMPOTENCY_TTL,
    idempotencyWaitMs: e.IDEMPOTENCY_WAIT,
    webhookSecretOverlapMs: e.WEBHOOK_SECRET_OVERLAP,
    smtpUrl: e.SMTP_URL,
    mailDir: e.MAIL_DIR,
    mailFrom: e.MAIL_FROM,
    wsHeartbeatMs: e.WS_HEARTBEAT_INTERVAL,
    wsAuthTimeoutMs: e.WS_AUTH_TIMEOUT,
    wsMaxBufferedBytes: e.WS_MAX_BUFFERED,
    realtimePollMs: e.REALTIME_POLL_INTERVAL,
    webDir: e.WEB_DIR,
    trustProxy: e.TRUST_PROXY,
    secretsKey,
    secretsKeysPrevious: e.SECRETS_KEY_PREVIOUS.filter((k) => !secretsKey || secretKeyId(k) !== secretKeyId(secretsKey)),
    retentionDeliveryMs: e.RETENTION_DELIVERY,
    retentionHistoryMs: e.RETENTION_HISTORY,
    retentionIntervalMs: e.RETENTION_INTERVAL,
    ingestStallTimeoutMs: e.INGEST_STALL_TIMEOUT,
    mailboxPollIntervalMs: e.MAILBOX_POLL_INTERVAL,
    mailboxLeaseMs: e.MAILBOX_LEASE,
    mailboxConnectTimeoutMs: e.MAILBOX_CONNECT_TIMEOUT,
    mailboxReconnectMaxMs: e.MAILBOX_RECONNECT_MAX,
    mailboxMaxMessageBytes: e.MAILBOX_MAX_MESSAGE_SIZE,
    mailboxAllowPrivateNetworks: e.MAILBOX_ALLOW_PRIVATE_NETWORKS,
    publicOrigin: e.PUBLIC_URL,
    sessionIdleTimeoutMs: e.SESSION_IDLE_TIMEOUT,
    sessionMaxAgeMs: e.SESSION_MAX_AGE,
    inviteTtlMs: e.INVITE_TTL,
    resetTtlMs: e.RESET_TTL,
    notifyDigestWindowMs: e.NOTIFY_DIGEST_WINDOW,
    oidc,
  });
}

/** OIDC is on when any of its three required settings is: then all three, and PUBLIC_URL (the redirect URI's origin), are needed. */
function oidcConfig(e: z.infer<typeof envSchema>): OidcConfig | undefined {
  const required = { OIDC_ISSUER: e.OIDC_ISSUER, OIDC_CLIENT_ID: e.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: e.OIDC_CLIENT_SECRET };
  if (Object.values(required).every((v) => v === undefined)) return undefined;
  const problems = Object.entries(required)
    .filter(([, v]) => v === undefined)
    .map(([name]) => `${name}: needed for OpenID Connect sign-in (set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none)`);
  if (e.PUBLIC_URL === undefined) {
    problems.push('PUBLIC_URL: needed for OpenID Connect sign-in (the redirect URI registered with the provider is PUBLIC_URL/api/auth/oidc/callback)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({ issuer: e.OIDC_ISSUER!, clientId: e.OIDC_CLIENT_ID!, clientSecret: e.OIDC_CLIENT_SECRET!, scopes: e.OIDC_SCOPES.trim(), displayName: e.OIDC_DISPLAY_NAME });
}
