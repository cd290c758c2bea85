import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database, DbOrTrx } from '../db/create-db.js';
import type { SqlHelpers } from '../db/sql-helpers.js';
import { CANDIDATE_STALE_HOURS, TODAY_API_COLUMNS, TODAY_LIMIT, todayNextTimeChangeQuery, todayPanelQuery, todayRedQuery, type TodayRow } from './today.query.js';

export type TodayItem = Omit<TodayRow, 'org_id' | 'badge_rank' | 'last_touch_at'>;

const HOUR_MS = 3_600_000;

/** Stand-ins compiled into the statement once, swapped for the request's values on every call. */
const MARK = { org: '\u0000today:org', now: '\u0000today:now', stale: '\u0000today:stale' } as const;

interface TodayStatements {
  /** The first page when it is all red (todayRedQuery). */
  red: CompiledQuery;
  /** The whole first page (todayPanelQuery). */
  panel: CompiledQuery;
  /** When time alone could next change the panel (todayNextTimeChangeQuery). */
  next: CompiledQuery;
}

/**
 * The Today statements are the same for every request but for three values, and building them
 * with Kysely costs about half as much as running them; so they are compiled once per database
 * handle with marker parameters, and each call only substitutes the markers.
 */
const compiledByDb = new WeakMap<object, TodayStatements>();

function compiledToday(db: DbOrTrx, h: SqlHelpers): TodayStatements {
  let compiled = compiledByDb.get(db);
  if (!compiled) {
    const t = { keyIn: h.keyIn, now: sql.val(MARK.now), staleBefore: sql.val(MARK.stale), orgId: MARK.org as unknown as number, limit: TODAY_LIMIT, columns: TODAY_API_COLUMNS };
    compiled = {
      red: todayRedQuery(db as unknown as Kysely<any>, t).compile(),
      panel: todayPanelQuery(db as unknown as Kysely<any>, t).compile(),
      next: todayNextTimeChangeQuery(db as unknown as Kysely<any>, t).compile(),
    };
    for (const mark of Object.values(MARK)) {
      if (!compiled.panel.parameters.includes(mark)) throw new Error(`Today query lost its ${JSON.stringify(mark)} parameter`);
    }
    if (!compiled.red.parameters.includes(MARK.org)) throw new Error('Today red query lost its org parameter');
    compiledByDb.set(db, compiled);
  }
  return compiled;
}

/** The reads run as prepared statements: on PostgreSQL planning them cost 1–8 ms, running them 0.1 ms. */
type Reader = Pick<Database, 'db' | 'executePrepared'>;

async function run<R = TodayRow>(database: Reader, compiled: CompiledQuery, values: Record<string, unknown>): Promise<R[]> {
  const params = compiled.parameters.map((p) => (typeof p === 'string' && p in values ? values[p] : p));
  return (await database.executePrepared(CompiledQuery.raw(compiled.sql, params) as CompiledQuery<R>)).rows;
}

function markValues(orgId: number, now: Date): Record<string, unknown> {
  return {
    [MARK.org]: orgId,
    [MARK.now]: now.toISOString(),
    [MARK.stale]: new Date(now.getTime() - CANDIDATE_STALE_HOURS * HOUR_MS).toISOString(),
  };
}

/**
 * The Today panel at the clock's `now`: the view's own definition with times as parameters. An org
 * with a page of red items (open breaches) is answered from those alone; else the whole panel.
 */
export async function todayPanel(database: Reader, h: SqlHelpers, orgId: number, now: Date): Promise<TodayItem[]> {
  const values = markValues(orgId, now);
  const compiled = compiledToday(database.db, h);
  let rows = await run(database, compiled.red, values);
  if (rows.length < TODAY_LIMIT) rows = await run(database, compiled.panel, values);
  return rows.map(toTodayItem);
}

/**
 * The panel with the first instant at which time alone could change it (answer caching): a
 * pending due date, or a fresh candidate's last touch + 72 h. Until then, with the same data,
 * every badge and so the whole panel stays as computed.
 */
export async function todayPanelAnswer(database: Reader, h: SqlHelpers, orgId: number, now: Date): Promise<{ value: TodayItem[]; validUntil: number }> {
  const value = await todayPanel(database, h, orgId, now);
  const [next] = await run<{ next_due: unknown; oldest_fresh_touch: unknown }>(database, compiledToday(database.db, h).next, markValues(orgId, now));
  if (!next) throw new Error('Today: the next-change query answered no row');
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
