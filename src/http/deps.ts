import type { KeyResolver } from '../auth/key-resolver.js';
import type { FailedAuthLimiter } from '../auth/failed-auth-limiter.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { AnswerCache } from './answer-cache.js';
import type { Metrics } from './metrics.js';
import type { CommitSignal } from '../outbox/commit-signal.js';
import type { RealtimeHub } from '../realtime/hub.js';

/**
 * Everything a server or worker needs, built once in main.ts (or by a test) and passed down: no
 * module reaches for a global database, clock or environment.
 */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  keys: KeyResolver;
  authLimiter: FailedAuthLimiter;
  /** Notified after every committed write that appended work events (see outbox/transact.ts). */
  commitSignal: CommitSignal;
  /** This process's realtime fan-out: committed events (and the outbox) publish, WebSockets subscribe. */
  hub: RealtimeHub;
  /** Hot read answers per org, reused until a commit or the clock could change them. */
  answers: AnswerCache;
}
