/**
 * Rows the outbox handlers act on, written straight through Kysely (the workstream routes live on
 * another branch): a candidate with optional signals, its pursuit, optionally a proposal.
 */
import type { Database } from '../../src/db/create-db.js';
import { OutboxWorker } from '../../src/outbox/worker.js';
import type { HandlerRegistry } from '../../src/outbox/handler.js';
import type { TestApp } from './test-app.js';

let seq = 0;

export async function seedPursuit(
  database: Database,
  o: { orgId: number; now: string; title?: string; contacts?: string[]; proposal?: { recipient_email?: string | null; subject?: string; body?: string } },
): Promise<{ candidateId: number; pursuitId: number; proposalId?: number }> {
  const db = database.db;
  seq++;
  const cand = await db
    .insertInto('candidate')
    .values({ org_id: o.orgId, title: o.title ?? `Candidate ${seq}`, status: 'promoted', last_touch_at: o.now, created_at: o.now, updated_at: o.now })
    .returning('candidate_id')
    .executeTakeFirstOrThrow();
  for (const [i, contact] of (o.contacts ?? []).entries()) {
    const sig = await db
      .insertInto('signal')
      .values({
        org_id: o.orgId,
        source_type: 'email',
        contact_id: contact,
        ts: new Date(Date.parse(o.now) - (10 - i) * 60_000).toISOString(),
        dedupe_key: `seed-${seq}-${i}-${Math.random()}`,
        created_at: o.now,
        updated_at: o.now,
      })
      .returning('signal_id')
      .executeTakeFirstOrThrow();
    await db.insertInto('candidate_signal').values({ org_id: o.orgId, candidate_id: cand.candidate_id, signal_id: sig.signal_id, created_at: o.now }).execute();
  }
  const pursuit = await db
    .insertInto('pursuit')
    .values({ org_id: o.orgId, candidate_id: cand.candidate_id, title: o.title ?? null, pursuit_stage: 'submit', created_at: o.now, updated_at: o.now })
    .returning('pursuit_id')
    .executeTakeFirstOrThrow();
  let proposalId: number | undefined;
  if (o.proposal) {
    const p = await db
      .insertInto('proposal')
      .values({
        org_id: o.orgId,
        pursuit_id: pursuit.pursuit_id,
        version: 1,
        status: 'draft',
        recipient_email: o.proposal.recipient_email ?? null,
        subject: o.proposal.subject ?? null,
        body: o.proposal.body ?? null,
        created_at: o.now,
        updated_at: o.now,
      })
      .returning('proposal_id')
      .executeTakeFirstOrThrow();
    proposalId = p.proposal_id;
  }
  return { candidateId: cand.candidate_id, pursuitId: pursuit.pursuit_id, ...(proposalId ? { proposalId } : {}) };
}

/** A worker for tests: driven by drain(), no cross-process listener. */
export function testWorker(t: TestApp, handlers: HandlerRegistry): OutboxWorker {
  return new OutboxWorker(t.deps, { handlers, crossProcessWake: false, backoff: { baseMs: 1_000, capMs: 1_000 } });
}

/** Simulates a crash after the handler ran but before the batch was completed: the event runs again. */
export async function markUnprocessed(database: Database, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await database.db.updateTable('work_event').set({ processed_at: null }).where('work_event_id', 'in', ids).execute();
  const rows = await database.db.selectFrom('work_event').select(['org_id', 'work_event_id', 'created_at']).where('work_event_id', 'in', ids).execute();
  await database.db
    .insertInto('outbox_queue')
    .values(rows.map((r) => ({ org_id: r.org_id, work_event_id: r.work_event_id, next_attempt_at: r.created_at })))
    .onConflict((oc) => oc.columns(['org_id', 'work_event_id']).doNothing())
    .execute();
}

/** Makes an event a dead letter as the worker would have after its last attempt failed. */
export async function markDeadLettered(database: Database, id: number, o: { now: string; attempts: number; error: string }): Promise<void> {
  await database.db.updateTable('work_event').set({ attempts: o.attempts, last_error: o.error, dead_letter_at: o.now }).where('work_event_id', '=', id).execute();
  await database.db.deleteFrom('outbox_queue').where('work_event_id', '=', id).execute();
}
