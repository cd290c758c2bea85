import { randomBytes } from 'node:crypto';
import type { DbOrTrx, Trx } from '../../db/create-db.js';
import { toBool, type Row } from '../../db/types.js';
import { sealedSecretColumn } from '../../db/sealed-column.js';
import { SecretUnreadable, type SecretKeyRing } from '../../shared/secret-box.js';
import { seekPage } from '../../db/keyset.js';
import { listOrder } from '../../shared/paging.js';

export interface WebhookView {
  webhook_id: number;
  org_id: number;
  url: string;
  events: string[];
  is_active: boolean;
  created_at: string;
  /** At most four characters of the secret (after `whsec_`), to tell secrets apart; the full secret is shown once. */
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

/** A Standard Webhooks secret: `whsec_` + standard base64 of 24 random bytes (32 characters). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** What an endpoint signs with: its secret, and for a while after a rotation the one it replaced. */
export interface WebhookSecrets {
  current: string;
  previous?: { secret: string; until: string };
}

/**
 * The sealed plaintext: the bare secret, or while a predecessor is honoured a small JSON document.
 * Chosen secrets may not start with "{" (the API refuses them), so the two never collide.
 */
const DOC_MARK = '{"v":1,';
function encodeSecrets(s: WebhookSecrets): string {
  return s.previous ? JSON.stringify({ v: 1, current: s.current, previous: s.previous.secret, previous_until: s.previous.until }) : s.current;
}
function decodeSecrets(plain: string): WebhookSecrets {
  if (!plain.startsWith(DOC_MARK)) return { current: plain };
  let d: { current?: unknown; previous?: string; previous_until?: string };
  try {
    d = JSON.parse(plain) as typeof d;
  } catch {
    return { current: plain };
  }
  if (typeof d.current !== 'string') return { current: plain };
  return { current: d.current, ...(d.previous && d.previous_until ? { previous: { secret: d.previous, until: d.previous_until } } : {}) };
}

/**
 * A rotation: a new secret, with the one it replaces still signing beside it for `overlapMs`, so
 * receivers can switch without missing a delivery (none when the overlap is 0, or when the old
 * secret cannot be opened: nothing unverified ever signs).
 */
export function rotatedSecrets(
  box: SecretKeyRing,
  row: { org_id: number; webhook_id: number; secret: string; secret_key_id: string | null },
  now: Date,
  overlapMs: number,
): WebhookSecrets {
  const current = newWebhookSecret();
  if (overlapMs <= 0) return { current };
  let before: WebhookSecrets;
  try {
    before = openWebhookSecrets(box, row);
  } catch (e) {
    if (e instanceof SecretUnreadable) return { current };
    throw e;
  }
  return { current, previous: { secret: before.current, until: new Date(now.getTime() + overlapMs).toISOString() } };
}

/** The secrets to sign a delivery at `now` with: the current one first, then a predecessor still honoured. */
export function signingSecrets(s: WebhookSecrets, now: string): string[] {
  return s.previous && s.previous.until > now ? [s.current, s.previous.secret] : [s.current];
}

/** The same rule as migration 0012: `whsec_` plus four characters, or the first four of a chosen secret. */
export function secretPrefix(secret: string): string {
  return secret.startsWith('whsec_') ? secret.slice(0, 10) : secret.slice(0, 4);
}

/** Where a webhook's secret lives: the sealed value opens only in this row. */
export function webhookSecretContext(orgId: number, webhookId: number): string {
  return `webhook_endpoint.secret:${orgId}:${webhookId}`;
}

/** The secret columns as written: sealed value, its key id, and the prefix shown by the API. */
function sealedSecret(box: SecretKeyRing, orgId: number, webhookId: number, secrets: WebhookSecrets) {
  const { stored, keyId } = box.seal(encodeSecrets(secrets), webhookSecretContext(orgId, webhookId));
  return { secret: stored, secret_key_id: keyId, secret_prefix: secretPrefix(secrets.current) };
}

/** The plaintext secrets of an endpoint (for signing); throws SecretUnreadable rather than sign with anything unverified. */
export function openWebhookSecrets(box: SecretKeyRing, r: { org_id: number; webhook_id: number; secret: string; secret_key_id: string | null }): WebhookSecrets {
  if (r.secret_key_id === null) throw new SecretUnreadable('the secret is not sealed yet (it is sealed when a server or worker starts)');
  return decodeSecrets(box.open(r.secret, webhookSecretContext(r.org_id, r.webhook_id)));
}

export function toWebhookView(r: Row<'webhook_endpoint'>): WebhookView {
  return {
    webhook_id: r.webhook_id,
    org_id: r.org_id,
    url: r.url,
    events: JSON.parse(r.events_json) as string[],
    is_active: toBool(r.is_active),
    created_at: r.created_at,
    secret_prefix: r.secret_prefix,
  };
}

/** Does an endpoint's filter take this event? Empty = every event; `pursuit.*` = a prefix; `*` = all. */
export function filterMatches(filter: string[], eventName: string): boolean {
  if (filter.length === 0) return true;
  return filter.some((f) => f === '*' || f === eventName || (f.endsWith('.*') && eventName.startsWith(f.slice(0, -1))));
}

/**
 * Inserts an endpoint with its secret sealed. The sealed value names its row, whose id exists only
 * after the insert: the row goes in with an empty, unusable secret and gets the sealed one in the
 * same transaction (hence a Trx), so no reader ever sees the placeholder.
 */
export async function createWebhook(
  trx: Trx,
  box: SecretKeyRing,
  w: { orgId: number; url: string; secret: string; events: string[]; isActive: boolean; now: string },
): Promise<Row<'webhook_endpoint'>> {
  const { webhook_id } = await trx
    .insertInto('webhook_endpoint')
    .values({ org_id: w.orgId, url: w.url, secret: '', events_json: JSON.stringify(w.events), is_active: w.isActive, created_at: w.now })
    .returning('webhook_id')
    .executeTakeFirstOrThrow();
  return trx
    .updateTable('webhook_endpoint')
    .set(sealedSecret(box, w.orgId, webhook_id, { current: w.secret }))
    .where('org_id', '=', w.orgId)
    .where('webhook_id', '=', webhook_id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getWebhook(db: DbOrTrx, orgId: number, webhookId: number): Promise<Row<'webhook_endpoint'> | undefined> {
  return db.selectFrom('webhook_endpoint').selectAll().where('org_id', '=', orgId).where('webhook_id', '=', webhookId).executeTakeFirst();
}

/** List orders (what their cursors hold). */
export const WEBHOOK_ORDER = listOrder('webhooks', ['webhook_id'] as const, 'asc');
export const DELIVERY_ORDER = listOrder('webhook_deliveries', ['delivery_id'] as const, 'desc');

export async function listWebhooks(db: DbOrTrx, q: { orgId: number; limit: number; offset: number; after?: readonly unknown[] | undefined }): Promise<{ data: WebhookView[]; total: number }> {
  const base = db.selectFrom('webhook_endpoint').where('org_id', '=', q.orgId);
  const [rows, count] = await Promise.all([
    seekPage(base.selectAll(), WEBHOOK_ORDER, q).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map(toWebhookView), total: Number(count.n) };
}

export async function updateWebhook(
  db: DbOrTrx,
  box: SecretKeyRing,
  orgId: number,
  webhookId: number,
  patch: { url?: string; events?: string[]; isActive?: boolean; secrets?: WebhookSecrets },
): Promise<Row<'webhook_endpoint'> | undefined> {
  return db
    .updateTable('webhook_endpoint')
    .set({
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.events !== undefined ? { events_json: JSON.stringify(patch.events) } : {}),
      ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
      ...(patch.secrets !== undefined ? sealedSecret(box, orgId, webhookId, patch.secrets) : {}),
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
  q: { orgId: number; webhookId: number; limit: number; offset: number; after?: readonly unknown[] | undefined },
): Promise<{ data: DeliveryView[]; total: number }> {
  const base = db.selectFrom('webhook_delivery').where('org_id', '=', q.orgId).where('webhook_id', '=', q.webhookId);
  const [rows, count] = await Promise.all([
    seekPage(
      base.select(['delivery_id', 'webhook_id', 'work_event_id', 'attempt', 'status_code', 'succeeded', 'error', 'duration_ms', 'created_at']),
      DELIVERY_ORDER,
      q,
    ).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map((r) => ({ ...r, succeeded: toBool(r.succeeded) })), total: Number(count.n) };
}

/** Active endpoints of an org whose filter takes this event. */
export async function endpointsFor(db: DbOrTrx, orgId: number, eventName: string): Promise<Array<Row<'webhook_endpoint'>>> {
  const rows = await db.selectFrom('webhook_endpoint').selectAll().where('org_id', '=', orgId).where('is_active', '=', true).execute();
  return rows.filter((r) => filterMatches(JSON.parse(r.events_json) as string[], eventName));
}

/** webhook_endpoint.secret for the rotation and the start-up checks (src/app/secrets.ts). */
export const webhookSecretColumn = sealedSecretColumn({ table: 'webhook_endpoint', id: 'webhook_id', context: webhookSecretContext });
