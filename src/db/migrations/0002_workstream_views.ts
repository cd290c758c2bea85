/**
 * The workstream's database views, on both engines, so `SELECT * FROM v_today_panel` works in sqlite3
 * and psql. They are built from the same query builders the API runs (src/workstream/today.query.ts),
 * with the database's now where the API passes its clock's now: one definition, no second copy.
 *
 * The accepted exception to "migrations import only ./helpers.js": that query module imports nothing
 * but kysely, and is frozen with these views — a change to it must come with a new migration that
 * re-creates them. Order the panel with `ORDER BY badge_rank, due_date IS NULL, due_date,
 * last_touch_at DESC` (the API's order).
 *
 * Frozen: once landed this file is never edited.
 */
import type { Kysely } from 'kysely';
import { CANDIDATE_STALE_HOURS, checklistReadinessQuery, todayPanelQuery } from '../../workstream/today.query.js';
import { dbNow, dbNowMinusHours, type Engine } from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema.createView('v_pursuit_checklist_ready').as(checklistReadinessQuery(db)).execute();
  await db.schema
    .createView('v_today_panel')
    .as(todayPanelQuery(db, { now: dbNow(engine), staleBefore: dbNowMinusHours(engine, CANDIDATE_STALE_HOURS) }))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropView('v_today_panel').ifExists().execute();
  await db.schema.dropView('v_pursuit_checklist_ready').ifExists().execute();
}
