import { FailedAuthLimiter } from '../auth/failed-auth-limiter.js';
import { KeyResolver } from '../auth/key-resolver.js';
import { SessionResolver } from '../auth/session-resolver.js';
import { AnswerCache, registerAnswerCacheMetrics } from '../answer-cache/answer-cache.js';
import type { Config } from '../config/config.js';
import { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import { createMetrics, registerDatabaseMetrics, type Metrics } from '../http/metrics.js';
import { RealtimeHub } from '../realtime/hub.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { ProcessState } from '../shared/lifecycle.js';
import type { Logger } from '../shared/logger.js';
import type { SecretKeyRing } from '../shared/secret-box.js';

/**
 * Everything a server or worker process holds, built once here (or by a test) and handed down:
 * each domain receives only the part it declares (its own `*Deps` type), never this whole object,
 * and no module reaches for a global database, clock or environment.
 */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  keys: KeyResolver;
  /** Browser sessions (the dashboard's sign-in): read on every request, never cached. */
  sessions: SessionResolver;
  authLimiter: FailedAuthLimiter;
  /** The one source of "work events were committed", in this process and from others (db/commit-feed.ts). */
  commitFeed: CommitFeed;
  /** This process's realtime fan-out: committed events publish, WebSockets subscribe. */
  hub: RealtimeHub;
  /** Hot read answers per org, reused until a commit or the clock could change them. */
  answers: AnswerCache;
  /** Seals and opens stored secrets (webhook signing secrets): src/app/secrets.ts resolves it. */
  secrets: SecretKeyRing;
  /** Draining on shutdown (the readiness probe reads it). */
  process: ProcessState;
}

export function createDeps(input: {
  config: Config;
  database: Database;
  logger: Logger;
  secrets: SecretKeyRing;
  clock?: Clock;
  metrics?: Metrics;
}): AppDeps {
  const clock = input.clock ?? systemClock;
  const metrics = input.metrics ?? createMetrics({ poolInUse: () => input.database.poolInUse() });
  const answers = new AnswerCache(input.database, { maxEntries: input.config.answerCacheEntries, token: input.config.answerCacheToken });
  registerAnswerCacheMetrics(metrics.registry, answers);
  registerDatabaseMetrics(metrics.registry, input.database.availability);
  logOutages(input.database, input.logger);
  return {
    config: input.config,
    database: input.database,
    logger: input.logger,
    clock,
    metrics,
    keys: new KeyResolver(input.database, clock, input.config.keyCacheTtlMs),
    sessions: new SessionResolver(input.database, clock, { idleTimeoutMs: input.config.sessionIdleTimeoutMs }),
    authLimiter: new FailedAuthLimiter(input.database, clock, input.config.authFailureLimit, input.config.authFailureWindowMs),
    commitFeed: new CommitFeed(input.database, input.logger),
    hub: new RealtimeHub({ database: input.database, logger: input.logger, now: () => clock.now() }),
    answers,
    secrets: input.secrets,
    process: new ProcessState(),
  };
}

/** One line when the database becomes unavailable and one when it answers again, not one per request. */
function logOutages(database: Database, logger: Logger): void {
  database.availability.onChange((change) => {
    if (change.kind === 'busy') logger.warn({ reason: change.reason, busyErrors: database.availability.errors.busy }, 'database busy past its timeout: answering 503');
    else if (!change.up) logger.error({ reason: change.reason }, 'database unavailable: answering 503 until it is back');
    else logger.warn({ downForMs: change.downForMs }, 'database available again');
  });
}
