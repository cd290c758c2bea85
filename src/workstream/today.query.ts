/**
 * The API's definition of the Today panel and of checklist readiness, run with the injected clock's
 * time as parameters. The database views `v_today_panel` and `v_pursuit_checklist_ready` hold the
 * same rules as frozen SQL (migration 0002, which no longer imports this module);
 * test/view-equivalence.test.ts proves both answer the same on random data, on both engines.
 * A rule change here must come with a new migration that re-creates the views, or that test fails.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { SqlHelpers } from '../db/sql-helpers.js';

/** A candidate untouched longer than this is amber. */
export const CANDIDATE_STALE_HOURS = 72;
/** The seed's `TOP (200)`. */
export const TODAY_LIMIT = 200;

/** Open work is what the Today panel shows (docs/contract.md: `new` candidates are not triaged work yet). */
export const OPEN_CANDIDATE_STATUSES = ['triaged', 'nurture', 'on_hold'] as const;
export const OPEN_PURSUIT_STAGES = ['qual', 'pink', 'red', 'submit'] as const;

export interface TodayTimes {
  /** "Now": the database's now in the view, the clock's now (a parameter) in the API. */
  now: Expression<unknown>;
  /** now − CANDIDATE_STALE_HOURS, in the same form. */
  staleBefore: Expression<unknown>;
  /** API only: restrict every branch to one org (the view spans all orgs and is filtered by callers). */
  orgId?: number;
  /** The engine's spelling of a probed key set (SqlHelpers.keyIn); plain IN when absent (same rows). */
  keyIn?: SqlHelpers['keyIn'];
  /** Selected times as the API writes them (SqlHelpers.jsonTime), for a panel built as JSON. */
  jsonTime?: SqlHelpers['jsonTime'];
}

export type Badge = 'red' | 'amber' | 'green';

export interface TodayRow {
  org_id: number;
  item_type: 'candidate' | 'pursuit';
  item_id: number;
  title: string | null;
  status: string;
  updated_at: string;
  due_date: string | null;
  /** The metric of the item's open SLA breach (red rows), else null. */
  sla_metric: string | null;
  badge: Badge;
  /** 0 red, 1 amber, 2 green: the first ordering key. */
  badge_rank: number;
  /** Candidate last_touch_at; pursuit updated_at. */
  last_touch_at: string;
}

const lits = (values: readonly string[]) => values.map((v) => sql.lit(v));

type ItemType = 'candidate' | 'pursuit';

/**
 * Ids of items of one type with an open SLA breach: the red rule. sla_breach.item_id is text (it also
 * holds workflow task ids); the cast applies only to rows of this item type. With an org the set is
 * built once per query; without (the view), it is correlated to the outer row's org.
 */
function breachedIds(db: Kysely<any>, itemType: ItemType, orgId: number | undefined, outerOrgRef: string) {
  const q = db
    .selectFrom('sla_breach as b')
    .select(sql`cast(b.item_id as bigint)`.as('id'))
    .where('b.item_type', '=', sql.lit(itemType))
    .where('b.resolved_at', 'is', null);
  return orgId !== undefined ? q.where('b.org_id', '=', orgId) : q.whereRef('b.org_id', '=', outerOrgRef);
}

/**
 * The panel's order: red, amber, green; then due date (items without one after those with one,
 * the same on both engines); then last touch, newest first; type and id last so the order is total.
 * Columns are qualified by `alias` so the order also works after joins. For the view:
 * `SELECT * FROM v_today_panel v WHERE org_id = ? ORDER BY <todayOrder('v')>`.
 */
export function todayOrder(alias: string, names: { due_date?: string; last_touch_at?: string } = {}): RawBuilder<unknown> {
  const c = (name: string) => sql.ref(`${alias}.${names[name as keyof typeof names] ?? name}`);
  return sql`${c('badge_rank')}, case when ${c('due_date')} is null then 1 else 0 end, ${c('due_date')}, ${c('last_touch_at')} desc, ${c('item_type')}, ${c('item_id')}`;
}

/**
 * Where the JSON form of a panel statement (`jsonTime` set) keeps its order keys as stored: the API's
 * due_date is then text, and last_touch_at is not an API column. Ordered by todayOrder(alias,
 * TODAY_JSON_ORDER).
 */
export const TODAY_JSON_ORDER = { due_date: 'order_due', last_touch_at: 'order_touch' } as const;

/*
 * The panel is the union of disjoint slices, each a rule of docs/contract.md:
 *   red (CTE `red`)                    open candidates and pursuits with an open breach
 *   dated pursuits                     open, no breach: amber when due_date < now, else green
 *   amber candidates                   open, no breach, last touch before now − 72 h
 *   green undated pursuits             open, no breach, no due_date
 *   green candidates                   open, no breach, last touch since now − 72 h
 * Red items are found from the org's open breaches, each joined to its item by key, with the
 * breach's metric: the red set is computed once (materialised); when it fills the page the
 * repository never gets here (todayRedQuery answers alone). Every other slice carries the panel's order
 * restricted to it and walks its partial index in that order, stopping at its LIMIT: the page size
 * minus the number of red items, so with a full page of red items (the panel of an org in trouble)
 * they read nothing. Every slice yields whole rows (title, status, update time), so nothing is
 * joined back: that join, planned for the union's unknown item types, made PostgreSQL hash both
 * tables whole on every request. The view is the same query without any limit.
 */
function todaySlices(db: Kysely<any>, t: TodayTimes, limit: RawBuilder<number> | undefined): SelectQueryBuilder<any, any, any>[] {
  const org = t.orgId;
  const cand = () => {
    const q = db.selectFrom('candidate as c').where('c.status', 'in', lits(OPEN_CANDIDATE_STATUSES));
    return org !== undefined ? q.where('c.org_id', '=', org) : q;
  };
  const purs = () => {
    const q = db.selectFrom('pursuit as p').where('p.pursuit_stage', 'in', lits(OPEN_PURSUIT_STAGES));
    return org !== undefined ? q.where('p.org_id', '=', org) : q;
  };
  const candIds = breachedIds(db, 'candidate', org, 'c.org_id');
  const pursIds = breachedIds(db, 'pursuit', org, 'p.org_id');
  const candRow = (badge: Badge, rank: number) =>
    [
      'c.org_id',
      sql.lit('candidate').as('item_type'),
      'c.candidate_id as item_id',
      'c.title',
      'c.status',
      'c.updated_at',
      // Typed nulls: PostgreSQL gives an untyped null in a subquery the type text.
      sql`cast(null as timestamptz)`.as('due_date'),
      sql`cast(null as text)`.as('sla_metric'),
      sql.lit(badge).as('badge'),
      sql.lit(rank).as('badge_rank'),
      'c.last_touch_at',
    ] as const;
  const pursRow = (badge: Badge | RawBuilder<unknown>, rank: number | RawBuilder<unknown>) =>
    [
      'p.org_id',
      sql.lit('pursuit').as('item_type'),
      'p.pursuit_id as item_id',
      'p.title',
      'p.pursuit_stage as status',
      'p.updated_at',
      'p.due_date',
      sql`cast(null as text)`.as('sla_metric'),
      (typeof badge === 'string' ? sql.lit(badge) : badge).as('badge'),
      (typeof rank === 'number' ? sql.lit(rank) : rank).as('badge_rank'),
      'p.updated_at as last_touch_at',
    ] as const;
  const limited = (q: SelectQueryBuilder<any, any, any>) => (limit !== undefined ? q.limit(limit) : q.clearOrderBy());

  return [
    // Dated pursuits, amber (past due) then green: in due-date order the amber ones all come first,
    // so one walk of pursuit_open_due_idx yields both in the panel's order.
    limited(
      purs()
        .where('p.pursuit_id', 'not in', pursIds)
        .where('p.due_date', 'is not', null)
        .select(pursRow(sql`case when p.due_date < ${t.now} then 'amber' else 'green' end`, sql`case when p.due_date < ${t.now} then 1 else 2 end`))
        .orderBy('p.due_date')
        .orderBy('p.updated_at', 'desc')
        .orderBy('p.pursuit_id'),
    ),
    limited(
      cand()
        .where('c.candidate_id', 'not in', candIds)
        .where('c.last_touch_at', '<', t.staleBefore)
        .select(candRow('amber', 1))
        .orderBy('c.last_touch_at', 'desc')
        .orderBy('c.candidate_id'),
    ),
    limited(
      purs()
        // Written so no index can use it: with a plain `due_date IS NULL` both engines pick the
        // (org, stage, due_date) index — its NULL rows look rare to the statistics — and sort every
        // undated open pursuit; this way they walk pursuit_open_touch_idx in order and stop at LIMIT.
        .where(sql`case when p.due_date is null then 1 else 0 end`, '=', sql.lit(1))
        .where('p.pursuit_id', 'not in', pursIds)
        .select(pursRow('green', 2))
        .orderBy('p.updated_at', 'desc')
        .orderBy('p.pursuit_id'),
    ),
    limited(
      cand()
        .where('c.candidate_id', 'not in', candIds)
        .where('c.last_touch_at', '>=', t.staleBefore)
        .select(candRow('green', 2))
        .orderBy('c.last_touch_at', 'desc')
        .orderBy('c.candidate_id'),
    ),
  ];
}

/**
 * Red rows of one item type: the item's open breaches grouped per item (the smallest metric shown,
 * as when an item has several), joined to the item by its key, kept when the item is open. The
 * item is also restricted to the breached ids through `keyIn` (the same set, so the same rows):
 * that makes PostgreSQL probe the item's key index per breached id instead of hashing every open
 * item of the org against the breaches.
 */
function redRows(db: Kysely<any>, itemType: ItemType, t: TodayTimes): SelectQueryBuilder<any, any, any> {
  const open = () => {
    const q = db.selectFrom('sla_breach as b').where('b.item_type', '=', sql.lit(itemType)).where('b.resolved_at', 'is', null);
    return t.orgId !== undefined ? q.where('b.org_id', '=', t.orgId) : q;
  };
  const breaches = open()
    .select(['b.org_id', sql`cast(b.item_id as bigint)`.as('id'), (e) => e.fn.min('b.metric').as('metric')])
    .groupBy(['b.org_id', 'b.item_id']);
  const ids = open().select(sql`cast(b.item_id as bigint)`.as('id'));
  const keyIn = t.keyIn ?? ((key: Expression<unknown>, set: Expression<unknown>) => sql<boolean>`${key} in (${set})`);
  const r = db.selectFrom(breaches.as('r'));
  if (itemType === 'candidate') {
    const q = r
      .innerJoin('candidate as c', (j) => j.onRef('c.org_id', '=', 'r.org_id').onRef('c.candidate_id', '=', 'r.id'))
      .where('c.status', 'in', lits(OPEN_CANDIDATE_STATUSES))
      .where(keyIn(sql.ref('c.candidate_id'), ids))
      .select([
        'c.org_id',
        sql.lit('candidate').as('item_type'),
        'c.candidate_id as item_id',
        'c.title',
        'c.status',
        'c.updated_at',
        sql`cast(null as timestamptz)`.as('due_date'),
        'r.metric as sla_metric',
        sql.lit('red').as('badge'),
        sql.lit(0).as('badge_rank'),
        'c.last_touch_at',
      ]);
    return t.orgId !== undefined ? q.where('c.org_id', '=', t.orgId) : q;
  }
  const q = r
    .innerJoin('pursuit as p', (j) => j.onRef('p.org_id', '=', 'r.org_id').onRef('p.pursuit_id', '=', 'r.id'))
    .where('p.pursuit_stage', 'in', lits(OPEN_PURSUIT_STAGES))
    .where(keyIn(sql.ref('p.pursuit_id'), ids))
    .select([
      'p.org_id',
      sql.lit('pursuit').as('item_type'),
      'p.pursuit_id as item_id',
      'p.title',
      'p.pursuit_stage as status',
      'p.updated_at',
      'p.due_date',
      'r.metric as sla_metric',
      sql.lit('red').as('badge'),
      sql.lit(0).as('badge_rank'),
      'p.updated_at as last_touch_at',
    ]);
  return t.orgId !== undefined ? q.where('p.org_id', '=', t.orgId) : q;
}

/** The columns the API answers (TodayItem); the rest only order the panel. */
export const TODAY_API_COLUMNS = ['item_type', 'item_id', 'title', 'status', 'updated_at', 'due_date', 'sla_metric', 'badge'] as const;

const TIME_COLUMNS: ReadonlySet<string> = new Set(['updated_at', 'due_date', 'last_touch_at']);

/**
 * `columns` of the union `k`; when the panel is built as JSON, times through `t.jsonTime` and the
 * order keys as stored besides (TODAY_JSON_ORDER), so the JSON rows can be put in the panel's order.
 */
function selected(t: TodayTimes, columns: readonly (keyof TodayRow)[]) {
  const { jsonTime } = t;
  if (!jsonTime) return columns.map((c) => `k.${c}`);
  return [
    ...columns.map((c) => (TIME_COLUMNS.has(c) ? jsonTime(sql.ref(`k.${c}`)).as(c) : `k.${c}`)),
    'k.badge_rank',
    sql.ref('k.due_date').as(TODAY_JSON_ORDER.due_date),
    sql.ref('k.last_touch_at').as(TODAY_JSON_ORDER.last_touch_at),
  ];
}

/**
 * The panel's rows, selectable as `k`: every TodayRow column, or only `columns` (fewer values to
 * send and decode). With `limit`: its first `limit` rows, in the panel's order; without: the whole
 * panel, unordered (the view's definition).
 */
export function todayPanelQuery(db: Kysely<any>, t: TodayTimes & { limit?: number; columns?: readonly (keyof TodayRow)[] }) {
  // What the other slices may still fill once every red item is on the page (0 when red fills it).
  const rest =
    t.limit !== undefined
      ? sql<number>`(select case when count(*) >= ${sql.lit(t.limit)} then 0 else ${sql.lit(t.limit)} - count(*) end from red)`
      : undefined;
  const slices = todaySlices(db, t, rest).map((q, i) =>
    // Wrapped, because a member of a compound SELECT cannot carry its own ORDER BY / LIMIT.
    db.selectFrom(q.as(`s${i}`)).selectAll(),
  );
  const union = slices.reduce((acc, q) => acc.unionAll(q), db.selectFrom('red').selectAll());
  const from = db
    // Read by the union and by every slice's LIMIT: computed once.
    .with((cte) => cte('red').materialized(), () => redRows(db, 'candidate', t).unionAll(redRows(db, 'pursuit', t)))
    .selectFrom(union.as('k'));
  const panel = (t.columns ? from.select(selected(t, t.columns)) : from.selectAll()).$castTo<TodayRow>();
  return t.limit !== undefined ? panel.orderBy(todayOrder('k')).limit(sql.lit(t.limit)) : panel;
}

/**
 * The panel's first `limit` red rows alone, in the panel's order: when there are `limit` of them
 * they are the whole page (red comes first), and this statement is a fraction of the panel's to
 * plan and run. Fewer: the caller asks todayPanelQuery (which sees its own snapshot, so nothing is
 * mixed across two).
 */
export function todayRedQuery(db: Kysely<any>, t: TodayTimes & { limit: number; columns: readonly (keyof TodayRow)[] }) {
  return db
    .selectFrom(redRows(db, 'candidate', t).unionAll(redRows(db, 'pursuit', t)).as('k'))
    .select(selected(t, t.columns))
    .orderBy(todayOrder('k'))
    // A literal: SQLite ran the statement 2-3× slower with the same LIMIT as a bound parameter
    // (the same plan; 0.9 against 0.5 ms for the whole panel of an org with 1,000 open items).
    .limit(sql.lit(t.limit))
    .$castTo<TodayRow>();
}

/**
 * When the passing of time alone could next change the panel for one org: the earliest due date
 * not yet passed among open pursuits (past it, the pursuit turns amber) and the earliest last touch
 * not yet stale among open candidates (72 h after it, the candidate turns amber). Nothing else in
 * the panel depends on the clock. Breached items are not excluded (their badge stays red): that
 * can only make the moment earlier, never later. API only (answer caching); each side is one seek
 * into the slices' partial indexes.
 */
export function todayNextTimeChangeQuery(db: Kysely<any>, t: TodayTimes & { orgId: number }) {
  /** The earliest `column` ≥ `from` among the org's open rows of `table`. */
  const earliest = (table: 'pursuit' | 'candidate', state: string, open: readonly string[], column: string, from: Expression<unknown>) =>
    db.selectFrom(table).select(column).where('org_id', '=', t.orgId).where(state, 'in', lits(open)).where(column, '>=', from).orderBy(column).limit(sql.lit(1));
  return db.selectNoFrom([
    earliest('pursuit', 'pursuit_stage', OPEN_PURSUIT_STAGES, 'due_date', t.now).as('next_due'),
    earliest('candidate', 'status', OPEN_CANDIDATE_STATUSES, 'last_touch_at', t.staleBefore).as('oldest_fresh_touch'),
  ]);
}

/** The readiness rule: a required item that is not done blocks submit. `alias` names pursuit_checklist. */
export function isMissingRequired(alias: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.is_required`)} and not ${sql.ref(`${alias}.is_done`)})`;
}

export interface ChecklistReadinessRow {
  org_id: number;
  pursuit_id: number;
  items_total: number;
  required_total: number;
  required_done: number;
  missing_required: number;
  /** 1 when every required item is done (also when there are none), else 0. */
  is_ready: number;
}

/** One row per pursuit: checklist counts and whether it may be submitted. */
export function checklistReadinessQuery(db: Kysely<any>) {
  const missing = sql`coalesce(sum(case when ${isMissingRequired('k')} then 1 else 0 end), 0)`;
  return db
    .selectFrom('pursuit as p')
    .leftJoin('pursuit_checklist as k', (j) => j.onRef('k.org_id', '=', 'p.org_id').onRef('k.pursuit_id', '=', 'p.pursuit_id'))
    .groupBy(['p.org_id', 'p.pursuit_id'])
    .select([
      'p.org_id',
      'p.pursuit_id',
      sql<number>`count(k.item_id)`.as('items_total'),
      sql<number>`coalesce(sum(case when k.is_required then 1 else 0 end), 0)`.as('required_total'),
      sql<number>`coalesce(sum(case when k.is_required and k.is_done then 1 else 0 end), 0)`.as('required_done'),
      sql<number>`${missing}`.as('missing_required'),
      sql<number>`case when ${missing} = 0 then 1 else 0 end`.as('is_ready'),
    ])
    .$castTo<ChecklistReadinessRow>();
}
