/**
 * Opening and resolving SLA breaches, and the work events that record each. Every path (task
 * escalation, workstream rules, task writes) goes through these two functions, so a breach and its
 * `sla.breached` / `sla.resolved` event cannot drift apart.
 */
import type { UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { Trx } from '../db/create-db.js';
import { insertRows, statementPartsFor } from '../db/statement-parts.js';
import type { DB, NewRow } from '../db/types.js';
import type { NewWorkEvent } from '../outbox/work-events.repository.js';

export const SLA_MONITOR_ACTOR = 'sla-monitor';
/** The metric of breaches of a task's own deadline (workstream breaches carry their rule's metric). */
export const TASK_SLA_METRIC = 'task_sla';
/** The metric of breaches of a task's first-response promise (same rule, a breach of its own). */
export const FIRST_RESPONSE_METRIC = 'first_response_sla';

const RETURNING = ['breach_id', 'org_id', 'item_type', 'item_id', 'rule_id', 'metric', 'reason_code'] as const;
/** Rows per INSERT, in power-of-two parts (statement-parts.ts): a few cached statement texts on SQLite. */
const CHUNK = 512;

type BreachRow = { breach_id: number; org_id: number; item_type: string; item_id: string; rule_id: number; metric: string; reason_code: string };
export type NewBreach = Omit<NewRow<'sla_breach'>, 'breach_id' | 'resolved_at'>;
type OpenBreachScope = UpdateQueryBuilder<DB, 'sla_breach', 'sla_breach', UpdateResult>;

function breachEvent(name: 'sla.breached' | 'sla.resolved', b: BreachRow, nowIso: string): NewWorkEvent {
  return {
    orgId: b.org_id,
    eventName: name,
    itemType: b.item_type,
    itemId: b.item_id,
    payload: { breach_id: b.breach_id, rule_id: b.rule_id, metric: b.metric, reason_code: b.reason_code, item_type: b.item_type, item_id: b.item_id },
    actor: SLA_MONITOR_ACTOR,
    happenedAt: nowIso,
  };
}

/**
 * Inserts breaches (at most one open per org, item, rule and metric: the partial unique index makes a
 * repeat a no-op) and returns the events of those actually opened, for the caller to append.
 */
export async function openBreaches(trx: Trx, rows: NewBreach[], nowIso: string): Promise<NewWorkEvent[]> {
  const events: NewWorkEvent[] = [];
  for (const part of statementPartsFor(trx, rows, CHUNK)) {
    const inserted = await insertBreachesQuery(trx, part).returning(RETURNING).execute();
    for (const b of inserted) events.push(breachEvent('sla.breached', b, nowIso));
  }
  return events;
}

/**
 * The same inserts without their `sla.breached` events, for a backlog that arrives already late
 * (ingestion of old mail): reports count the breaches, but no alert goes out per historical item.
 */
export async function recordBreachesWithoutEvents(trx: Trx, rows: NewBreach[]): Promise<void> {
  for (const part of statementPartsFor(trx, rows, CHUNK)) await insertBreachesQuery(trx, part).execute();
}

function insertBreachesQuery(trx: Trx, rows: NewBreach[]) {
  return insertRows(trx, 'sla_breach', rows).onConflict((oc) => oc.columns(['org_id', 'item_type', 'item_id', 'rule_id', 'metric']).where('resolved_at', 'is', null).doNothing());
}

/** Resolves the open breaches `scope` selects, in one statement; returns their events to append. */
export async function resolveBreaches(trx: Trx, nowIso: string, scope: (q: OpenBreachScope) => OpenBreachScope): Promise<NewWorkEvent[]> {
  const resolved = await scope(trx.updateTable('sla_breach').set({ resolved_at: nowIso }).where('resolved_at', 'is', null))
    .returning(RETURNING)
    .execute();
  return resolved.map((b) => breachEvent('sla.resolved', b, nowIso));
}

/** Breaches opened and resolved, by SLA metric (`task_sla`, `triage_sla`, …). */
export type BreachTally = Record<string, { opened: number; resolved: number }>;

/** Adds breach events (as openBreaches / resolveBreaches return them) to `tally`. */
export function tallyBreaches(tally: BreachTally, events: readonly NewWorkEvent[]): BreachTally {
  for (const e of events) {
    const kind = e.eventName === 'sla.breached' ? 'opened' : e.eventName === 'sla.resolved' ? 'resolved' : undefined;
    if (!kind) continue;
    const metric = String(e.payload?.metric);
    (tally[metric] ??= { opened: 0, resolved: 0 })[kind] += 1;
  }
  return tally;
}

/**
 * Resolves one task's open breaches (it met its deadline, was completed, or was deleted); with
 * `metric`, only those of that metric (a deadline moved later says nothing of the first response).
 */
export function resolveBreachesOfTask(trx: Trx, nowIso: string, orgId: number, taskId: string, metric?: string): Promise<NewWorkEvent[]> {
  return resolveBreaches(trx, nowIso, (q) => {
    const scoped = q.where('org_id', '=', orgId).where('item_type', '=', 'task').where('item_id', '=', taskId);
    return metric ? scoped.where('metric', '=', metric) : scoped;
  });
}
