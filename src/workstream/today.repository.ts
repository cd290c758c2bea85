import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { DbOrTrx } from '../db/create-db.js';
import { CANDIDATE_STALE_HOURS, TODAY_LIMIT, todayNextTimeChangeQuery, todayOrder, todayPanelQuery, type TodayRow } from './today.query.js';

export type TodayItem = Omit<TodayRow, 'org_id' | 'badge_rank' | 'last_touch_at'>;

const HOUR_MS = 3_600_000;

/** Stand-ins compiled into the statement once, swapped for the request's values on every call. */
const MARK = { org: '\u0000today:org', now: '\u0000today:now', stale: '\u0000today:stale' } as const;

/**
 * The Today statement is the same for every request but for three values, and building this
 * six-slice query with Kysely costs about half as much as running it; so it is compiled once per
 * database handle with marker parameters, and each call only substitutes the markers.
 */
const compiledByDb = new WeakMap<object, CompiledQuery>();

function compiledToday(db: DbOrTrx): CompiledQuery {
  let compiled = compiledByDb.get(db);
  if (!compiled) {
    compiled = todayPanelQuery(db as unknown as Kysely<any>, {
      now: sql.val(MARK.now),
      staleBefore: sql.val(MARK.stale),
      orgId: MARK.org as unknown as number,
      limit: TODAY_LIMIT,
    })
      .orderBy(todayOrder('k'))
      .compile();
    for (const mark of Object.values(MARK)) {
      if (!compiled.parameters.includes(mark)) throw new Error(`Today query lost its ${JSON.stringify(mark)} parameter`);
    }
    compiledByDb.set(db, compiled);
  }
  return compiled;
}

/** The Today panel at the clock's `now`: the view's own definition with times as parameters. */
export async function todayPanel(db: DbOrTrx, orgId: number, now: Date): Promise<TodayItem[]> {
  const values: Record<string, unknown> = {
    [MARK.org]: orgId,
    [MARK.now]: now.toISOString(),
    [MARK.stale]: new Date(now.getTime() - CANDIDATE_STALE_HOURS * HOUR_MS).toISOString(),
  };
  const compiled = compiledToday(db);
  const params = compiled.parameters.map((p) => (typeof p === 'string' && p in values ? values[p] : p));
  const { rows } = await db.executeQuery<TodayRow>(CompiledQuery.raw(compiled.sql, params));
  return rows.map(toTodayItem);
}

/**
 * The panel with the first instant at which time alone could change it (answer caching): a
 * pending due date, or a fresh candidate's last touch + 72 h. Until then, with the same data,
 * every badge and so the whole panel stays as computed.
 */
export async function todayPanelAnswer(db: DbOrTrx, orgId: number, now: Date): Promise<{ value: TodayItem[]; validUntil: number }> {
  const staleBefore = new Date(now.getTime() - CANDIDATE_STALE_HOURS * HOUR_MS);
  const value = await todayPanel(db, orgId, now);
  const next = await todayNextTimeChangeQuery(db as unknown as Kysely<any>, {
    orgId,
    now: sql.val(now.toISOString()),
    staleBefore: sql.val(staleBefore.toISOString()),
  }).executeTakeFirstOrThrow();
  // Amber means strictly past (due_date < now, last_touch_at < now − 72 h) and the clock counts
  // whole milliseconds, so the first instant a badge can differ is that moment + 1 ms. Stored times
  // are whole ms on SQLite; PostgreSQL's µs are truncated by the driver, which can only move the
  // instant earlier (a recomputation), never later.
  const moments = [
    next.next_due == null ? Infinity : Date.parse(String(next.next_due)) + 1,
    next.oldest_fresh_touch == null ? Infinity : Date.parse(String(next.oldest_fresh_touch)) + CANDIDATE_STALE_HOURS * HOUR_MS + 1,
  ];
  return { value, validUntil: Math.min(...moments) };
}

/** A Today row as the API answers it (ids as numbers on both engines). */
export function toTodayItem(r: TodayRow): TodayItem {
  return {
    item_type: r.item_type,
    item_id: Number(r.item_id),
    title: r.title,
    status: r.status,
    updated_at: r.updated_at,
    due_date: r.due_date,
    sla_metric: r.sla_metric,
    badge: r.badge,
  };
}
