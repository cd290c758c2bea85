/**
 * The notifier: for each event of NOTIFYING_EVENTS, the notifications it makes (notify.service.ts),
 * in one transaction. Idempotent: a redelivered event inserts nothing new, so it schedules no mail
 * and appends no frame.
 */
import type { Config } from '../../config/config.js';
import type { CommitFeed } from '../../db/commit-feed.js';
import type { Database } from '../../db/create-db.js';
import { transact } from '../../db/transact.js';
import type { OutboxHandler } from '../../outbox/handler.js';
import type { Clock } from '../../shared/clock.js';
import { notifyFor } from '../notify.service.js';

export interface NotifyDeps {
  database: Database;
  commitFeed: Pick<CommitFeed, 'notify'>;
  clock: Clock;
  config: Pick<Config, 'notifyDigestWindowMs'>;
}

export function notifyJob(deps: NotifyDeps): OutboxHandler {
  return async (e) => {
    await transact(deps, (trx) => notifyFor(trx, e, { now: deps.clock.now().toISOString(), digestWindowMs: deps.config.notifyDigestWindowMs }));
  };
}

/** `notification.created` only feeds the person's live frame (the commit tap): nothing to do here. */
export const notificationCreatedJob: OutboxHandler = async () => {};
