import { FailedAuthLimiter } from '../auth/failed-auth-limiter.js';
import { KeyResolver } from '../auth/key-resolver.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/create-db.js';
import { systemClock, type Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { AnswerCache, registerAnswerCacheMetrics } from './answer-cache.js';
import type { AppDeps } from './deps.js';
import { CommitSignal } from '../outbox/commit-signal.js';
import { RealtimeHub } from '../realtime/hub.js';
import { createMetrics, type Metrics } from './metrics.js';

export function createDeps(input: {
  config: Config;
  database: Database;
  logger: Logger;
  clock?: Clock;
  metrics?: Metrics;
}): AppDeps {
  const clock = input.clock ?? systemClock;
  const metrics = input.metrics ?? createMetrics({ poolInUse: () => input.database.poolInUse() });
  const answers = new AnswerCache(input.database, { maxEntries: input.config.answerCacheEntries });
  registerAnswerCacheMetrics(metrics.registry, answers);
  return {
    config: input.config,
    database: input.database,
    logger: input.logger,
    clock,
    metrics,
    keys: new KeyResolver(input.database, clock, input.config.keyCacheTtlMs),
    authLimiter: new FailedAuthLimiter(clock, input.config.authFailureLimit, input.config.authFailureWindowMs),
    commitSignal: new CommitSignal(),
    hub: new RealtimeHub({ database: input.database, logger: input.logger, now: () => clock.now() }),
    answers,
  };
}
