/**
 * The audit trail: every admin change (API keys, webhooks, SLA rules and settings, routing rules,
 * ingestion settings) appends one `audit.<entity>.<action>` work event in the change's own
 * transaction, so the activity log shows who changed what, before and after, and a change without
 * its record cannot commit. Secret values never enter the log: fields named secret are "***".
 */
import type { DbOrTrx } from '../db/create-db.js';
import { appendEvent } from './work-events.repository.js';

export const MASK = '***';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/** A row or view (any object), or null for a side that does not exist. */
type Fields = object | null;

/**
 * The fields that differ between `before` and `after` (null for a side that does not exist:
 * creation, deletion), as `{field: {before, after}}`. Values compare by content; `secret` fields
 * are masked on both sides, and `show` records a field in a reduced form (e.g. a URL's origin).
 */
export function auditChanges(
  before: Fields,
  after: Fields,
  o: { fields: readonly string[]; secret?: readonly string[]; show?: Readonly<Record<string, (value: unknown) => unknown>> },
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of o.fields) {
    const b = before === null ? null : ((before as Record<string, unknown>)[field] ?? null);
    const a = after === null ? null : ((after as Record<string, unknown>)[field] ?? null);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    // Compared as stored, recorded as shown: a URL whose path changed is a change even when only its origin is recorded.
    const show = o.secret?.includes(field) ? () => MASK : (o.show?.[field] ?? ((v: unknown) => v));
    changes[field] = { before: b === null ? null : show(b), after: a === null ? null : show(a) };
  }
  return changes;
}

export interface AuditActor {
  /** What work_event.actor records: the key's name, or key:<id>; user:<id> for a person; `cli` for the command line. */
  actor: string;
  /** The API key that made the change, when it came through the API with a key. */
  keyId?: number | null;
}

/**
 * `accepted`: an invitation was used; `linked`: an outside identity (single sign-on) was attached
 * to a user; `redriven`: a failed webhook delivery was queued again by hand; `discarded`: a dead
 * letter was given up for good.
 */
export type AuditAction = 'created' | 'updated' | 'deleted' | 'revoked' | 'accepted' | 'linked' | 'redriven' | 'discarded';

/**
 * Appends `audit.<entity>.<action>` for one admin change: item_type = entity, payload = the
 * identifying fields (`subject`), the changed fields and the acting key's id. A change that changed
 * nothing (an update to the values already there, revoking a revoked key) appends nothing, as task
 * updates do. Returns the event id, or undefined.
 */
export async function appendAuditEvent(
  trx: DbOrTrx,
  e: { orgId: number; entity: string; action: AuditAction; itemId: string | number; by: AuditActor; changes: AuditChanges; subject?: Record<string, unknown>; happenedAt: string },
): Promise<number | undefined> {
  if (Object.keys(e.changes).length === 0) return undefined;
  return appendEvent(trx, {
    orgId: e.orgId,
    eventName: `audit.${e.entity}.${e.action}`,
    itemType: e.entity,
    itemId: e.itemId,
    payload: { ...e.subject, changes: e.changes, actor_key_id: e.by.keyId ?? null },
    actor: e.by.actor,
    happenedAt: e.happenedAt,
  });
}

/**
 * The audit writer of one kind of row: `(trx, by, action, before, after, now)` appends its event,
 * the row (after, or before for a deletion) giving the org, the item id and the identifying fields.
 */
export function auditTrail<R extends { org_id: number }>(spec: {
  entity: string;
  fields: readonly string[];
  secret?: readonly string[];
  show?: Readonly<Record<string, (value: unknown) => unknown>>;
  itemId: (row: R) => string | number;
  subject: (row: R) => Record<string, unknown>;
  /** The audited form of a row, when it is not the row itself (parsed JSON columns). */
  view?: (row: R) => object;
}) {
  const view = spec.view ?? ((r: R) => r);
  return (trx: DbOrTrx, by: AuditActor, action: AuditAction, before: R | null, after: R | null, now: string) => {
    const row = (after ?? before)!;
    return appendAuditEvent(trx, {
      orgId: row.org_id,
      entity: spec.entity,
      action,
      itemId: spec.itemId(row),
      by,
      changes: auditChanges(before && view(before), after && view(after), spec),
      subject: spec.subject(row),
      happenedAt: now,
    });
  };
}

