/**
 * Migration 0028 on a database with an outbox in every state: what is still to be handled moves to
 * outbox_queue with its claim, attempts, due time and last error; dead letters and processed events
 * stay only in work_event; the worker then carries on where the old one left off. From then on the
 * database queues every appended event itself (trigger), but not history written as processed.
 */
import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase } from './helpers/engines.js';
import { stepMigrator } from './helpers/step-migrator.js';

describeEachEngine('migration 0028: the outbox queue moves out of work_event', (engine) => {
  it('moves every unprocessed, live event with its state, leaves dead letters and processed events, and queues new appends', async () => {
    const tdb = await openTestDatabase(engine, { migrate: false });
    try {
      const db = tdb.database.db as unknown as Kysely<any>;
      const migrator = stepMigrator(db, engine.name, tdb.schema);
      expect((await migrator.migrateTo('0027_org_leading_keys')).error).toBeUndefined();
      const t0 = '2026-12-01T10:00:00.000Z';
      const later = '2026-12-01T11:00:00.000Z';
      await db.insertInto('org').values({ org_id: 1, name: 'Old', created_at: t0 }).execute();
      const base = { org_id: 1, item_type: 'test', item_id: '1', payload_json: '{}', happened_at: t0, created_at: t0 };
      const rows = [
        { work_event_id: 1, event_name: 'old.pending', next_attempt_at: t0 },
        { work_event_id: 2, event_name: 'old.in_flight', next_attempt_at: t0, claimed_at: t0, claimed_by: 'w:1/7', attempts: 1 },
        { work_event_id: 3, event_name: 'old.failing', next_attempt_at: later, attempts: 2, last_error: 'HTTP 503' },
        { work_event_id: 4, event_name: 'old.dead', next_attempt_at: t0, attempts: 10, last_error: 'gave up', dead_letter_at: t0 },
        { work_event_id: 5, event_name: 'old.done', next_attempt_at: t0, attempts: 1, processed_at: t0 },
        { work_event_id: 6, event_name: 'old.no_due_time' },
      ];
      for (const r of rows) await db.insertInto('work_event').values({ ...base, ...r }).execute();

      expect((await migrator.migrateToLatest()).error).toBeUndefined();

      const queue = await db.selectFrom('outbox_queue').selectAll().orderBy('work_event_id').execute();
      expect(queue).toEqual([
        { org_id: 1, work_event_id: 1, next_attempt_at: expect.any(String), attempts: 0, claimed_by: null, claimed_at: null, last_error: null },
        { org_id: 1, work_event_id: 2, next_attempt_at: expect.any(String), attempts: 1, claimed_by: 'w:1/7', claimed_at: expect.any(String), last_error: null },
        { org_id: 1, work_event_id: 3, next_attempt_at: expect.any(String), attempts: 2, claimed_by: null, claimed_at: null, last_error: 'HTTP 503' },
        { org_id: 1, work_event_id: 6, next_attempt_at: expect.any(String), attempts: 0, claimed_by: null, claimed_at: null, last_error: null },
      ]);
      expect(Date.parse(queue[2]!.next_attempt_at)).toBe(Date.parse(later));
      expect(Date.parse(queue[3]!.next_attempt_at)).toBe(Date.parse(t0)); // no due time: due when created
      expect(Date.parse(queue[1]!.claimed_at)).toBe(Date.parse(t0));
      const claimedLeft = await db.selectFrom('work_event').select('work_event_id').where('claimed_at', 'is not', null).execute();
      expect(claimedLeft).toEqual([]);

      // New appends are queued by the database; history written as processed or dead is not.
      await db.insertInto('work_event').values({ ...base, work_event_id: 7, event_name: 'new.event', next_attempt_at: later }).execute();
      await db.insertInto('work_event').values({ ...base, work_event_id: 8, event_name: 'imported.done', processed_at: t0 }).execute();
      await db.insertInto('work_event').values({ ...base, work_event_id: 9, event_name: 'imported.dead', dead_letter_at: t0 }).execute();
      const queued = await db.selectFrom('outbox_queue').select(['work_event_id', 'next_attempt_at']).where('work_event_id', '>=', 7).execute();
      expect(queued.map((q) => q.work_event_id)).toEqual([7]);
      expect(Date.parse(queued[0]!.next_attempt_at)).toBe(Date.parse(later));

      if (engine.name === 'postgres') {
        const { rows: opts } = await sql<{ o: string[] | null }>`select reloptions as o from pg_class where oid = 'work_event'::regclass`.execute(db);
        expect(opts[0]!.o).toContain('fillfactor=70');
      }
    } finally {
      await tdb.drop();
    }
  });
});
