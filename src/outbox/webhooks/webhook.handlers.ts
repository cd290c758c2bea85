/**
 * Webhooks as outbox work. Design: each (endpoint, event) delivery is its own `webhook.deliver`
 * work event rather than a loop inside the source event's handler, so one slow or failing
 * receiver retries, backs off and dead-letters on its own schedule, never holding back the other
 * endpoints or the source event's other effects, and the admin API's stats, dead letters and
 * redrive apply to deliveries unchanged.
 *
 * - fan-out (every event but webhook.*): insert one webhook_dispatch row per matching endpoint
 *   with ON CONFLICT DO NOTHING and append a `webhook.deliver` event only for rows it inserted, in
 *   one transaction: a re-run queues nothing twice.
 * - deliver: skip if the dispatch row says delivered (a receiver that answered 2xx never gets the
 *   event again), POST, then record the attempt in webhook_delivery and, on 2xx, delivered_at,
 *   in one transaction. Non-2xx, timeouts and network errors throw, so the worker retries with
 *   backoff and dead-letters after max attempts. Only a crash between the receiver's 2xx and our
 *   commit repeats a delivery, with the same event id for the receiver to drop it.
 */
import type { DbOrTrx } from '../../db/create-db.js';
import { toBool } from '../../db/types.js';
import { transact } from '../../db/transact.js';
import { PermanentFailure, type OutboxDeps, type OutboxHandler } from '../handler.js';
import { appendEvents, isMailJob, isPersonalEvent } from '../work-events.repository.js';
import { numericId } from '../claim.js';
import { postWebhook } from './post.js';
import { signBody, standardWebhookKey, standardWebhookSignature } from './signature.js';
import { checkWebhookUrl, UrlNotAllowed } from './url-guard.js';
import { SecretUnreadable } from '../../shared/secret-box.js';
import { endpointsFor, openWebhookSecrets, signingSecrets } from './webhooks.repository.js';

export const WEBHOOK_DELIVER = 'webhook.deliver';

/**
 * Internal events never go out as webhooks (a delivery of a delivery would loop), nor do audit
 * events: they describe the org's configuration (webhook URLs, routing, keys) to its admins, not
 * business activity for receivers subscribed to "every event". Nor do `mail.*` events: a sealed
 * one-time link on its way to a mailbox (invitations, password resets) is nobody else's business.
 */
export const isWebhookable = (eventName: string): boolean =>
  !eventName.startsWith('webhook.') && !eventName.startsWith('audit.') && !isMailJob(eventName) && !isPersonalEvent(eventName);

export function webhookFanoutHandler(deps: OutboxDeps): OutboxHandler {
  return async (e) => {
    const endpoints = await endpointsFor(deps.database.db, e.org_id, e.event_name);
    if (endpoints.length === 0) return;
    const now = deps.clock.now().toISOString();
    await transact(deps, async (trx) => {
      const inserted = await trx
        .insertInto('webhook_dispatch')
        .values(endpoints.map((w) => ({ org_id: e.org_id, webhook_id: w.webhook_id, work_event_id: e.work_event_id, created_at: now })))
        .onConflict((oc) => oc.columns(['org_id', 'webhook_id', 'work_event_id']).doNothing())
        .returning('webhook_id')
        .execute();
      if (inserted.length === 0) return;
      const ids = await appendEvents(
        trx,
        inserted.map((r) => ({
          orgId: e.org_id,
          eventName: WEBHOOK_DELIVER,
          itemType: 'webhook',
          itemId: r.webhook_id,
          payload: { webhook_id: r.webhook_id, work_event_id: e.work_event_id, event: e.event_name },
          actor: 'outbox',
          happenedAt: now,
        })),
      );
      for (let i = 0; i < inserted.length; i++) {
        await trx
          .updateTable('webhook_dispatch')
          .set({ deliver_event_id: ids[i]! })
          .where('org_id', '=', e.org_id)
          .where('webhook_id', '=', inserted[i]!.webhook_id)
          .where('work_event_id', '=', e.work_event_id)
          .execute();
      }
    });
  };
}

async function loadDispatch(db: DbOrTrx, orgId: number, webhookId: number, sourceId: number) {
  return db
    .selectFrom('webhook_dispatch')
    .innerJoin('webhook_endpoint', (j) =>
      j.onRef('webhook_endpoint.org_id', '=', 'webhook_dispatch.org_id').onRef('webhook_endpoint.webhook_id', '=', 'webhook_dispatch.webhook_id'),
    )
    .innerJoin('work_event', (j) =>
      j.onRef('work_event.org_id', '=', 'webhook_dispatch.org_id').onRef('work_event.work_event_id', '=', 'webhook_dispatch.work_event_id'),
    )
    .select([
      'webhook_dispatch.attempts',
      'webhook_dispatch.delivered_at',
      'webhook_endpoint.url',
      'webhook_endpoint.secret',
      'webhook_endpoint.secret_key_id',
      'webhook_endpoint.is_active',
      'work_event.event_name',
      'work_event.happened_at',
      'work_event.payload_json',
    ])
    .where('webhook_dispatch.org_id', '=', orgId)
    .where('webhook_dispatch.webhook_id', '=', webhookId)
    .where('webhook_dispatch.work_event_id', '=', sourceId)
    .executeTakeFirst();
}

/** The JSON body of docs/contract.md: {"id", "event", "org_id", "occurred_at", "data"}. */
export function webhookBody(ev: { work_event_id: number; event_name: string; org_id: number; happened_at: string; payload_json: string }): string {
  return JSON.stringify({ id: ev.work_event_id, event: ev.event_name, org_id: ev.org_id, occurred_at: ev.happened_at, data: JSON.parse(ev.payload_json) });
}

/**
 * A delivery's headers: Standard Webhooks' three when the current secret is a `whsec_` one (the
 * message id is the source event's id, the same on every attempt, so receivers de-duplicate on it;
 * the timestamp is this attempt's), and the original X-FlowLedger ones. `secrets`: current first,
 * then a rotated predecessor still honoured, which signs beside it.
 */
export function signedHeaders(o: { msgId: string; eventName: string; now: string; body: string; secrets: string[] }): Record<string, string> {
  const [current, previous] = o.secrets as [string, string | undefined];
  const headers: Record<string, string> = {
    'x-flowledger-event-id': o.msgId,
    'x-flowledger-event': o.eventName,
    'x-flowledger-timestamp': o.now,
    'x-flowledger-signature': signBody(o.body, current),
    ...(previous !== undefined ? { 'x-flowledger-signature-previous': signBody(o.body, previous) } : {}),
  };
  const keys = o.secrets.map(standardWebhookKey);
  if (keys[0]) {
    const timestampS = Math.floor(Date.parse(o.now) / 1000);
    headers['webhook-id'] = o.msgId;
    headers['webhook-timestamp'] = String(timestampS);
    headers['webhook-signature'] = standardWebhookSignature(o.msgId, timestampS, o.body, keys.filter((k): k is Buffer => k !== null));
  }
  return headers;
}

export function webhookDeliverHandler(deps: OutboxDeps, o: { timeoutMs?: number } = {}): OutboxHandler {
  const timeoutMs = o.timeoutMs ?? 10_000;
  return async (e) => {
    const webhookId = numericId(e, 'webhook_id', 'webhook');
    const sourceId = Number(e.payload.work_event_id);
    if (!webhookId || !Number.isSafeInteger(sourceId)) throw new PermanentFailure(`${WEBHOOK_DELIVER} ${e.work_event_id} has no webhook_id/work_event_id`);
    const d = await loadDispatch(deps.database.db, e.org_id, webhookId, sourceId);
    if (!d) return; // endpoint deleted since: nothing owed
    if (d.delivered_at) return; // a receiver that answered 2xx never gets the event again
    if (!toBool(d.is_active)) return; // paused endpoints get no deliveries

    const body = webhookBody({ work_event_id: sourceId, event_name: d.event_name, org_id: e.org_id, happened_at: d.happened_at, payload_json: d.payload_json });
    const allowPrivate = deps.config.webhookAllowPrivateNetworks;
    const now = deps.clock.now().toISOString();
    let result;
    try {
      // Fails closed: a secret that does not open sends nothing. Altered or moved values are
      // dead-lettered at once (no retry can fix them); a key this process lacks (mid key rollout)
      // is retried with backoff, so a node that holds it delivers.
      const secrets = signingSecrets(openWebhookSecrets(deps.secrets, { org_id: e.org_id, webhook_id: webhookId, secret: d.secret, secret_key_id: d.secret_key_id }), now);
      // Checked again here (not only at registration): IP literals skip the socket's lookup.
      await checkWebhookUrl(d.url, allowPrivate);
      result = await postWebhook(
        d.url,
        body,
        signedHeaders({ msgId: String(sourceId), eventName: d.event_name, now, body, secrets }),
        { allowPrivate, timeoutMs },
      );
    } catch (err) {
      if (!(err instanceof UrlNotAllowed) && !(err instanceof SecretUnreadable)) throw err;
      const unreadable = err instanceof SecretUnreadable;
      const error = unreadable ? `signing secret unreadable: ${err.message}` : err.message;
      result = { statusCode: null, ok: false, error, permanent: !unreadable || err.reason === 'invalid', durationMs: 0 };
    }
    await transact(deps, async (trx) => {
      await trx
        .insertInto('webhook_delivery')
        .values({
          org_id: e.org_id,
          webhook_id: webhookId,
          work_event_id: sourceId,
          attempt: d.attempts + 1,
          status_code: result.statusCode,
          succeeded: result.ok,
          error: result.error,
          duration_ms: result.durationMs,
          created_at: now,
        })
        .execute();
      await trx
        .updateTable('webhook_dispatch')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), ...(result.ok ? { delivered_at: now } : {}) }))
        .where('org_id', '=', e.org_id)
        .where('webhook_id', '=', webhookId)
        .where('work_event_id', '=', sourceId)
        .execute();
    });
    if (!result.ok) {
      const msg = `webhook ${webhookId} → ${d.url}: ${result.error}`;
      throw result.permanent ? new PermanentFailure(msg) : new Error(msg);
    }
  };
}
