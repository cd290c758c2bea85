import type { ExpressionBuilder } from 'kysely';
import type { DbOrTrx } from '../db/create-db.js';
import type { DB } from '../db/types.js';

export interface Counts {
  total: number;
  recent: number;
}

export interface WorkstreamStats {
  signals: Counts;
  candidates: Counts;
  pursuits: Counts;
}

export type CountedTable = 'signal' | 'candidate' | 'pursuit';

export const RECENT_DAYS = 7;
const DAY_MS = 86_400_000;

/** Every row of the org in this table: the sum of its daily counters (kept by triggers). */
export function countAll(eb: ExpressionBuilder<DB, never>, orgId: number, table: CountedTable) {
  return eb
    .selectFrom('workstream_daily_count')
    .select((e) => e.fn.coalesce(e.fn.sum<number>('n'), e.lit(0)).as('n'))
    .where('org_id', '=', orgId)
    .where('item_type', '=', table);
}

/**
 * Rows created at or after `since`: whole later days from the counters, plus an exact count of the
 * part of since's own day (an index range over at most one day of rows).
 */
function countSince(eb: ExpressionBuilder<DB, never>, orgId: number, table: CountedTable, since: Date) {
  const day = since.toISOString().slice(0, 10);
  const nextDay = new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString();
  const fullDays = eb
    .selectFrom('workstream_daily_count')
    .select((e) => e.fn.coalesce(e.fn.sum<number>('n'), e.lit(0)).as('n'))
    .where('org_id', '=', orgId)
    .where('item_type', '=', table)
    .where('day', '>', day);
  const partialDay = eb
    .selectFrom(table)
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('created_at', '>=', since.toISOString())
    .where('created_at', '<', nextDay);
  return eb(fullDays, '+', partialDay);
}

/** Totals and "created in the last 7 days" for the three tables, in one statement. */
export async function workstreamStats(db: DbOrTrx, orgId: number, now: Date): Promise<WorkstreamStats> {
  const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
  const r = await db
    .selectNoFrom((eb) => [
      countAll(eb, orgId, 'signal').as('signals_total'),
      countSince(eb, orgId, 'signal', since).as('signals_recent'),
      countAll(eb, orgId, 'candidate').as('candidates_total'),
      countSince(eb, orgId, 'candidate', since).as('candidates_recent'),
      countAll(eb, orgId, 'pursuit').as('pursuits_total'),
      countSince(eb, orgId, 'pursuit', since).as('pursuits_recent'),
    ])
    .executeTakeFirstOrThrow();
  return {
    signals: { total: Number(r.signals_total), recent: Number(r.signals_recent) },
    candidates: { total: Number(r.candidates_total), recent: Number(r.candidates_recent) },
    pursuits: { total: Number(r.pursuits_total), recent: Number(r.pursuits_recent) },
  };
}

/**
 * The stats with the first instant at which time alone changes them: a row counts as recent while
 * now ≤ created_at + 7 days, so the answer holds until the oldest row still in the window leaves it
 * (one index seek per table on (org_id, created_at)). For the answer cache.
 */
export async function workstreamStatsAnswer(db: DbOrTrx, orgId: number, now: Date): Promise<{ value: WorkstreamStats; validUntil: number }> {
  const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS).toISOString();
  const oldestInWindow = (eb: ExpressionBuilder<DB, never>, table: CountedTable) =>
    eb
      .selectFrom(table)
      .select((e) => e.fn.min<string>('created_at').as('c'))
      .where('org_id', '=', orgId)
      .where('created_at', '>=', since);
  const [value, r] = await Promise.all([
    workstreamStats(db, orgId, now),
    db
      .selectNoFrom((eb) => [oldestInWindow(eb, 'signal').as('s'), oldestInWindow(eb, 'candidate').as('c'), oldestInWindow(eb, 'pursuit').as('p')])
      .executeTakeFirstOrThrow(),
  ]);
  const oldest = [r.s, r.c, r.p].filter((v): v is string => typeof v === 'string').map((v) => Date.parse(v));
  // Nothing in the window: nothing can leave it (new rows are commits, which move the token).
  const validUntil = oldest.length ? Math.min(...oldest) + RECENT_DAYS * DAY_MS + 1 : Number.POSITIVE_INFINITY;
  return { value, validUntil };
}

/** The org's row count of one table from the counters (unfiltered list totals). */
export async function totalOf(db: DbOrTrx, orgId: number, table: CountedTable): Promise<number> {
  const r = await db.selectNoFrom((eb) => [countAll(eb, orgId, table).as('n')]).executeTakeFirstOrThrow();
  return Number(r.n);
}
