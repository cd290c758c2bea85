import { sql, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../db/create-db.js';
import type { SqlHelpers } from '../db/sql-helpers.js';
import { runShaped, slot, type Slot } from '../db/statement-shapes.js';
import { CANDIDATE_STALE_HOURS, TODAY_API_COLUMNS, TODAY_JSON_ORDER, TODAY_LIMIT, todayNextTimeChangeQuery, todayOrder, todayPanelQuery, todayRedQuery, type TodayRow } from './today.query.js';

export type TodayItem = Omit<TodayRow, 'org_id' | 'badge_rank' | 'last_touch_at'>;

const HOUR_MS = 3_600_000;

/** The reads run as prepared statements: on PostgreSQL planning them cost 1–8 ms, running them 0.1 ms. */
type Reader = Pick<Database, 'db' | 'executePrepared'>;

const SLOT = { org: slot('org'), now: slot('now'), stale: slot('stale') } as const;

/** The three statements' common inputs, as slots (the org, now, and now − CANDIDATE_STALE_HOURS). */
const slotted = (h: SqlHelpers) => ({
  keyIn: h.keyIn,
  jsonTime: h.jsonTime,
  now: sql.val(SLOT.now),
  staleBefore: sql.val(SLOT.stale),
  orgId: SLOT.org as unknown as number,
  limit: TODAY_LIMIT,
  columns: TODAY_API_COLUMNS,
});

/**
 * One of the Today statements: the same for every request but for three values, and building one
 * with Kysely cost about half as much as running it, so each is compiled once per database handle
 * (statement-shapes.ts) and run prepared.
 */
async function run<R = TodayRow>(
  database: Reader,
  h: SqlHelpers,
  name: 'red' | 'panel' | 'next',
  query: (db: Kysely<any>, t: ReturnType<typeof slotted>) => Compilable<unknown>,
  orgId: number,
  now: Date,
): Promise<R[]> {
  const values = new Map<Slot, unknown>([
    [SLOT.org, orgId],
    [SLOT.now, now.toISOString()],
    [SLOT.stale, new Date(now.getTime() - CANDIDATE_STALE_HOURS * HOUR_MS).toISOString()],
  ]);
  const { rows } = await runShaped(database, `today.${name}`, () => query(database.db as unknown as Kysely<any>, slotted(h)), values);
  return rows as R[];
}

/**
 * A panel statement's rows, each item as JSON in the API's shape (SqlHelpers.rowJson), in the panel's
 * order: the statement picks the page in that order, and the 200 rows are put in it again here (an
 * outer query without its own ORDER BY has no order SQL promises).
 */
const asJson = (h: SqlHelpers, query: (db: Kysely<any>, t: ReturnType<typeof slotted>) => Compilable<unknown> & { as(alias: string): any }) =>
  (db: Kysely<any>, t: ReturnType<typeof slotted>) =>
    db.selectFrom(query(db, t).as('v')).select(h.rowJson('v', TODAY_API_COLUMNS).as('j')).orderBy(todayOrder('v', TODAY_JSON_ORDER));

const redJson = (h: SqlHelpers) => asJson(h, todayRedQuery);
const panelJson = (h: SqlHelpers) => asJson(h, todayPanelQuery);

/**
 * The Today panel at the clock's `now`, as the API's JSON (an array of TodayItem): the view's own
 * definition with times as parameters, each item serialised by the database. An org with a page of
 * red items (open breaches) is answered from those alone; else the whole panel.
 */
export async function todayPanelJson(database: Reader, h: SqlHelpers, orgId: number, now: Date): Promise<string> {
  let rows = await run<{ j: string }>(database, h, 'red', redJson(h), orgId, now);
  if (rows.length < TODAY_LIMIT) rows = await run<{ j: string }>(database, h, 'panel', panelJson(h), orgId, now);
  return `[${rows.map((r) => r.j).join(',')}]`;
}

/**
 * The panel with the first instant at which time alone could change it (answer caching): a
 * pending due date, or a fresh candidate's last touch + 72 h. Until then, with the same data,
 * every badge and so the whole panel stays as computed.
 */
export async function todayPanelAnswer(database: Reader, h: SqlHelpers, orgId: number, now: Date): Promise<{ json: string; validUntil: number }> {
  const json = await todayPanelJson(database, h, orgId, now);
  const [next] = await run<{ next_due: unknown; oldest_fresh_touch: unknown }>(database, h, 'next', todayNextTimeChangeQuery, orgId, now);
  if (!next) throw new Error('Today: the next-change query answered no row');
  // Amber means strictly past (due_date < now, last_touch_at < now − 72 h) and the clock counts
  // whole milliseconds, so the first instant a badge can differ is that moment + 1 ms. Stored times
  // are whole ms on SQLite; PostgreSQL's µs are truncated by the driver, which can only move the
  // instant earlier (a recomputation), never later.
  const moments = [
    next.next_due == null ? Infinity : Date.parse(String(next.next_due)) + 1,
    next.oldest_fresh_touch == null ? Infinity : Date.parse(String(next.oldest_fresh_touch)) + CANDIDATE_STALE_HOURS * HOUR_MS + 1,
  ];
  return { json, validUntil: Math.min(...moments) };
}

/** A panel row as the API item it stands for: what todayPanelJson writes for it (the tests compare the two). */
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
