/**
 * Redriving one webhook delivery from its log. A delivery row is one attempt; what it redrives is
 * the (endpoint, event) dispatch the attempt belongs to, through that dispatch's `webhook.deliver`
 * work event:
 * - dead-lettered, or waiting for a retry: due now, with a fresh attempt budget (as a dead-letter
 *   retry does);
 * - already due or in flight: nothing to change (a repeated redrive is a no-op, not an error);
 * - processed without a 2xx (it came while the endpoint was paused) or gone (retention): a new
 *   `webhook.deliver` is appended and the dispatch points at it.
 * A dispatch that got its 2xx is never sent again (409), nor is anything queued for a paused
 * endpoint (409: it would be skipped).
 */
import type { Trx } from '../../db/create-db.js';
import { toBool } from '../../db/types.js';
import { appendEvent } from '../work-events.repository.js';
import { enqueueAgain, redriveDeadLetter } from '../outbox.repository.js';
import { WEBHOOK_DELIVER } from './webhook.handlers.js';

/** What the dispatch was before the redrive; `queued` = it already was due or in flight. */
export type RedriveFrom = 'dead_lettered' | 'retrying' | 'not_queued' | 'queued';

export type RedriveResult =
  | { kind: 'not_found' }
  | { kind: 'delivered' }
  | { kind: 'paused' }
  | { kind: 'redriven'; from: RedriveFrom; work_event_id: number; deliver_event_id: number };

export async function redriveDelivery(
  trx: Trx,
  q: { orgId: number; webhookId: number; deliveryId: number; now: string },
): Promise<RedriveResult> {
  const d = await trx
    .selectFrom('webhook_delivery')
    .innerJoin('webhook_dispatch', (j) =>
      j
        .onRef('webhook_dispatch.org_id', '=', 'webhook_delivery.org_id')
        .onRef('webhook_dispatch.webhook_id', '=', 'webhook_delivery.webhook_id')
        .onRef('webhook_dispatch.work_event_id', '=', 'webhook_delivery.work_event_id'),
    )
    .innerJoin('webhook_endpoint', (j) =>
      j.onRef('webhook_endpoint.org_id', '=', 'webhook_delivery.org_id').onRef('webhook_endpoint.webhook_id', '=', 'webhook_delivery.webhook_id'),
    )
    .leftJoin('work_event', (j) =>
      j.onRef('work_event.org_id', '=', 'webhook_dispatch.org_id').onRef('work_event.work_event_id', '=', 'webhook_dispatch.deliver_event_id'),
    )
    .leftJoin('outbox_queue', (j) => j.onRef('outbox_queue.org_id', '=', 'work_event.org_id').onRef('outbox_queue.work_event_id', '=', 'work_event.work_event_id'))
    .leftJoin('work_event as source', (j) =>
      j.onRef('source.org_id', '=', 'webhook_delivery.org_id').onRef('source.work_event_id', '=', 'webhook_delivery.work_event_id'),
    )
    .select([
      'webhook_delivery.work_event_id',
      'source.event_name as source_event',
      'webhook_dispatch.delivered_at',
      'webhook_dispatch.deliver_event_id',
      'webhook_endpoint.is_active',
      'work_event.work_event_id as deliver_id',
      'work_event.processed_at',
      'work_event.dead_letter_at',
      'outbox_queue.claimed_at',
      'outbox_queue.next_attempt_at',
    ])
    .where('webhook_delivery.org_id', '=', q.orgId)
    .where('webhook_delivery.webhook_id', '=', q.webhookId)
    .where('webhook_delivery.delivery_id', '=', q.deliveryId)
    .executeTakeFirst();
  if (!d) return { kind: 'not_found' };
  if (d.delivered_at) return { kind: 'delivered' };
  if (!toBool(d.is_active)) return { kind: 'paused' };

  if (d.deliver_id !== null && d.processed_at === null) {
    const due = d.next_attempt_at !== null && Date.parse(d.next_attempt_at) <= Date.parse(q.now);
    const from: RedriveFrom = d.dead_letter_at !== null ? 'dead_lettered' : d.claimed_at === null && !due ? 'retrying' : 'queued';
    if (from === 'dead_lettered') {
      // 'not_dead' here means a concurrent redrive got there first: queued either way.
      await redriveDeadLetter(trx, { orgId: q.orgId, workEventId: d.deliver_id, now: q.now });
    } else if (from === 'retrying') {
      await enqueueAgain(trx, { orgId: q.orgId, workEventId: d.deliver_id, now: q.now });
    }
    return { kind: 'redriven', from, work_event_id: d.work_event_id, deliver_event_id: d.deliver_id };
  }

  // The source event is kept while its dispatch is undelivered (retention), but a hand-deleted row is not.
  if (d.source_event === null) return { kind: 'not_found' };
  const deliverId = await appendEvent(trx, {
    orgId: q.orgId,
    eventName: WEBHOOK_DELIVER,
    itemType: 'webhook',
    itemId: q.webhookId,
    payload: { webhook_id: q.webhookId, work_event_id: d.work_event_id, event: d.source_event },
    actor: 'outbox',
    happenedAt: q.now,
  });
  await trx
    .updateTable('webhook_dispatch')
    .set({ deliver_event_id: deliverId })
    .where('org_id', '=', q.orgId)
    .where('webhook_id', '=', q.webhookId)
    .where('work_event_id', '=', d.work_event_id)
    .execute();
  return { kind: 'redriven', from: 'not_queued', work_event_id: d.work_event_id, deliver_event_id: deliverId };
}
