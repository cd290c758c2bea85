/**
 * Pruning of the outbox's old rows, one bounded statement per call (the caller loops). What is
 * never pruned: an event not yet processed (pending, in flight, failing or dead-lettered: a dead
 * letter stays until it is redriven and succeeds, or is discarded), and anything a delivery still owed needs.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/create-db.js';
import { deleteFeedEvents } from '../db/event-feed.js';
import { deletedRows, deleteOlderThan, type PruneBatch } from '../db/prune.js';

/** Webhook delivery attempts (the log behind GET /api/webhooks/:id/deliveries). Nothing reads them but that list. */
export const pruneWebhookDeliveries = (db: DbOrTrx, b: PruneBatch): Promise<number> => deleteOlderThan(db, 'webhook_delivery', 'delivery_id', 'created_at', b);

/**
 * Which endpoint owed which event. A row is kept while its delivery event or its source event is
 * unprocessed: the delivery handler reads it (and the source event's payload) on every attempt,
 * including after a redrive, and the fan-out relies on it not to queue a delivery twice.
 */
export async function pruneWebhookDispatches(db: DbOrTrx, b: PruneBatch): Promise<number> {
  const old = db
    .selectFrom('webhook_dispatch as d')
    .select(['d.org_id', 'd.webhook_id', 'd.work_event_id'])
    .where('d.created_at', '<', b.before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('work_event as e')
            .select(sql.lit(1).as('one'))
            .where((eb) => eb.or([eb('e.work_event_id', '=', eb.ref('d.deliver_event_id')), eb('e.work_event_id', '=', eb.ref('d.work_event_id'))]))
            .where('e.processed_at', 'is', null),
        ),
      ),
    )
    .limit(b.limit);
  const res = await db
    .deleteFrom('webhook_dispatch')
    .where((eb) => eb(eb.refTuple('org_id', 'webhook_id', 'work_event_id'), 'in', old.$asTuple('org_id', 'webhook_id', 'work_event_id')))
    .executeTakeFirstOrThrow();
  return deletedRows(res);
}

/**
 * Processed work events. `webhook` selects the outbox's own bookkeeping (`webhook.*` delivery
 * events); `activity` the rest, the activity log, whose events are also kept while a webhook
 * dispatch row still names them as its source.
 */
export async function pruneProcessedEvents(db: DbOrTrx, b: PruneBatch & { events: 'webhook' | 'activity' }): Promise<number> {
  const old = db
    .selectFrom('work_event as e')
    .select('e.work_event_id')
    .where('e.created_at', '<', b.before)
    // A processed event that is also dead-lettered was discarded: it ages out like any other.
    .where('e.processed_at', 'is not', null)
    .$if(b.events === 'webhook', (q) => q.where('e.event_name', 'like', 'webhook.%'))
    .$if(b.events === 'activity', (q) =>
      q
        .where('e.event_name', 'not like', 'webhook.%')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('webhook_dispatch as d')
                .select(sql.lit(1).as('one'))
                .whereRef('d.org_id', '=', 'e.org_id')
                .whereRef('d.work_event_id', '=', 'e.work_event_id'),
            ),
          ),
        ),
    )
    .limit(b.limit);
  // Through the feed: a resume position from before these events must learn it is too old.
  return deleteFeedEvents(db, old);
}
