import { z } from 'zod';
import { parseDuration, parseSize } from '../shared/duration.js';

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
  SHUTDOWN_TIMEOUT: duration('SHUTDOWN_TIMEOUT', '10s'),
  SLA_INTERVAL: duration('SLA_INTERVAL', '10m'),
  OUTBOX_LEASE: duration('OUTBOX_LEASE', '5m'),
  OUTBOX_POLL_INTERVAL: duration('OUTBOX_POLL_INTERVAL', '5s'),
  OUTBOX_MAX_ATTEMPTS: int('OUTBOX_MAX_ATTEMPTS', 10, 1, 1000),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: bool(false),
  SMTP_URL: z.string().url().optional(),
  MAIL_DIR: z.string().min(1).default('data/mail'),
  MAIL_FROM: z.string().min(3).default('FlowLedger <no-reply@flowledger.local>'),
  WS_HEARTBEAT_INTERVAL: duration('WS_HEARTBEAT_INTERVAL', '30s'),
  WS_AUTH_TIMEOUT: duration('WS_AUTH_TIMEOUT', '5s'),
  WS_MAX_BUFFERED: size('WS_MAX_BUFFERED', '4mb'),
  REALTIME_POLL_INTERVAL: duration('REALTIME_POLL_INTERVAL', '2s'),
  WEB_DIR: z.string().min(1).optional(),
  RETENTION_DELIVERY: retention('RETENTION_DELIVERY', '30d'),
  RETENTION_HISTORY: retention('RETENTION_HISTORY', '365d'),
  RETENTION_INTERVAL: duration('RETENTION_INTERVAL', '10m'),
});

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
  shutdownTimeoutMs: number;
  slaIntervalMs: number;
  outboxLeaseMs: number;
  outboxPollIntervalMs: number;
  outboxMaxAttempts: number;
  webhookAllowPrivateNetworks: boolean;
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
  /** Age after which delivery data (webhook attempts and dispatch, processed webhook events, ingest items) is pruned; null keeps it. */
  retentionDeliveryMs: number | null;
  /** Age after which activity history (processed work events, task status history) is pruned; null keeps it. */
  retentionHistoryMs: number | null;
  /** Period of the retention pruner (worker processes and `serve` with workers). */
  retentionIntervalMs: number;
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
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT,
    slaIntervalMs: e.SLA_INTERVAL,
    outboxLeaseMs: e.OUTBOX_LEASE,
    outboxPollIntervalMs: e.OUTBOX_POLL_INTERVAL,
    outboxMaxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    webhookAllowPrivateNetworks: e.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    smtpUrl: e.SMTP_URL,
    mailDir: e.MAIL_DIR,
    mailFrom: e.MAIL_FROM,
    wsHeartbeatMs: e.WS_HEARTBEAT_INTERVAL,
    wsAuthTimeoutMs: e.WS_AUTH_TIMEOUT,
    wsMaxBufferedBytes: e.WS_MAX_BUFFERED,
    realtimePollMs: e.REALTIME_POLL_INTERVAL,
    webDir: e.WEB_DIR,
    retentionDeliveryMs: e.RETENTION_DELIVERY,
    retentionHistoryMs: e.RETENTION_HISTORY,
    retentionIntervalMs: e.RETENTION_INTERVAL,
  });
}
