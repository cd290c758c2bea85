import { randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../../db/create-db.js';
import { toBool, type Row } from '../../db/types.js';

export interface WebhookView {
  webhook_id: number;
  org_id: number;
  url: string;
  events: string[];
  is_active: boolean;
  created_at: string;
  /** The first characters of the secret, to tell secrets apart; the full secret is shown once. */
  secret_prefix: string;
}

export interface DeliveryView {
  delivery_id: number;
  webhook_id: number;
  work_event_id: number;
  attempt: number;
  status_code: number | null;
  succeeded: boolean;
  error: string | null;
  duration_ms: number | null;
  created_at: string;
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

export function toWebhookView(r: Row<'webhook_endpoint'>): WebhookView {
  return {
    webhook_id: r.webhook_id,
    org_id: r.org_id,
    url: r.url,
    events: JSON.parse(r.events_json) as string[],
    is_active: toBool(r.is_active),
    created_at: r.created_at,
    secret_prefix: r.secret.slice(0, 10),
  };
}

/** Does an endpoint's filter take this event? Empty = every event; `pursuit.*` = a prefix; `*` = all. */
export function filterMatches(filter: string[], eventName: string): boolean {
  if (filter.length === 0) return true;
  return filter.some((f) => f === '*' || f === eventName || (f.endsWith('.*') && eventName.startsWith(f.slice(0, -1))));
}

export async function createWebhook(
  db: DbOrTrx,
  w: { orgId: number; url: string; secret: string; events: string[]; isActive: boolean; now: string },
): Promise<Row<'webhook_endpoint'>> {
  return db
    .insertInto('webhook_endpoint')
    .values({ org_id: w.orgId, url: w.url, secret: w.secret, events_json: JSON.stringify(w.events), is_active: w.isActive, created_at: w.now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getWebhook(db: DbOrTrx, orgId: number, webhookId: number): Promise<Row<'webhook_endpoint'> | undefined> {
  return db.selectFrom('webhook_endpoint').selectAll().where('org_id', '=', orgId).where('webhook_id', '=', webhookId).executeTakeFirst();
}

export async function listWebhooks(db: DbOrTrx, q: { orgId: number; limit: number; offset: number }): Promise<{ data: WebhookView[]; total: number }> {
  const base = db.selectFrom('webhook_endpoint').where('org_id', '=', q.orgId);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('webhook_id').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map(toWebhookView), total: Number(count.n) };
}

export async function updateWebhook(
  db: DbOrTrx,
  orgId: number,
  webhookId: number,
  patch: { url?: string; events?: string[]; isActive?: boolean; secret?: string },
): Promise<Row<'webhook_endpoint'> | undefined> {
  return db
    .updateTable('webhook_endpoint')
    .set({
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.events !== undefined ? { events_json: JSON.stringify(patch.events) } : {}),
      ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
      ...(patch.secret !== undefined ? { secret: patch.secret } : {}),
    })
    .where('org_id', '=', orgId)
    .where('webhook_id', '=', webhookId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteWebhook(db: DbOrTrx, orgId: number, webhookId: number): Promise<Row<'webhook_endpoint'> | undefined> {
  // Deliveries and dispatch rows go with it (ON DELETE CASCADE); queued deliveries then find no
  // endpoint and finish as no-ops.
  return db.deleteFrom('webhook_endpoint').where('org_id', '=', orgId).where('webhook_id', '=', webhookId).returningAll().executeTakeFirst();
}

export async function listDeliveries(
  db: DbOrTrx,
  q: { orgId: number; webhookId: number; limit: number; offset: number },
): Promise<{ data: DeliveryView[]; total: number }> {
  const base = db.selectFrom('webhook_delivery').where('org_id', '=', q.orgId).where('webhook_id', '=', q.webhookId);
  const [rows, count] = await Promise.all([
    base
      .select(['delivery_id', 'webhook_id', 'work_event_id', 'attempt', 'status_code', 'succeeded', 'error', 'duration_ms', 'created_at'])
      .orderBy('delivery_id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map((r) => ({ ...r, succeeded: toBool(r.succeeded) })), total: Number(count.n) };
}

/** Active endpoints of an org whose filter takes this event. */
export async function endpointsFor(db: DbOrTrx, orgId: number, eventName: string): Promise<Array<Row<'webhook_endpoint'>>> {
  const rows = await db.selectFrom('webhook_endpoint').selectAll().where('org_id', '=', orgId).where('is_active', '=', true).execute();
  return rows.filter((r) => filterMatches(JSON.parse(r.events_json) as string[], eventName));
}
