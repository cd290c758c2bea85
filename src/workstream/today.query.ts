/**
 * The API's definition of the Today panel and of checklist readiness, run with the injected clock's
 * time as parameters. The database views `v_today_panel` and `v_pursuit_checklist_ready` hold the
 * same rules as frozen SQL (migration 0002, which no longer imports this module);
 * test/view-equivalence.test.ts proves both answer the same on random data, on both engines.
 * A rule change here must come with a new migration that re-creates the views, or that test fails.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';

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
export function todayOrder(alias: string): RawBuilder<unknown> {
  const c = (name: string) => sql.ref(`${alias}.${name}`);
  return sql`${c('badge_rank')}, case when ${c('due_date')} is null then 1 else 0 end, ${c('due_date')}, ${c('last_touch_at')} desc, ${c('item_type')}, ${c('item_id')}`;
}

/*
 * The panel is the union of six disjoint slices, each a rule of docs/contract.md:
 *   red candidates / red pursuits      open, with an open breach
 *   dated pursuits                     open, no breach: amber when due_date < now, else green
 *   amber candidates                   open, no breach, last touch before now − 72 h
 *   green undated pursuits             open, no breach, no due_date
 *   green candidates                   open, no breach, last touch since now − 72 h
 * Every slice yields only ordering keys (item, badge, due date, last touch), which the partial
 * indexes below cover, so a slice is an index-only range scan. For the API each slice carries the
 * panel's order restricted to it and a LIMIT; the first `limit` keys of the union in the panel's
 * order are then exactly the panel's first rows, and only those are joined back to their tables
 * for title, status and the breach metric. The view is the same query without any limit.
 */
/** The six slices of the panel, each with the panel's order restricted to it (see above). */
function todaySlices(db: Kysely<any>, t: TodayTimes): SelectQueryBuilder<any, any, any>[] {
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
  const candKeys = (badge: Badge, rank: number) =>
    [
      'c.org_id',
      sql.lit('candidate').as('item_type'),
      'c.candidate_id as item_id',
      sql.lit(badge).as('badge'),
      sql.lit(rank).as('badge_rank'),
      // Typed null: PostgreSQL gives an untyped null in a subquery the type text.
      sql`cast(null as timestamptz)`.as('due_date'),
      'c.last_touch_at',
    ] as const;
  const pursKeys = (badge: Badge | RawBuilder<unknown>, rank: number | RawBuilder<unknown>) =>
    [
      'p.org_id',
      sql.lit('pursuit').as('item_type'),
      'p.pursuit_id as item_id',
      (typeof badge === 'string' ? sql.lit(badge) : badge).as('badge'),
      (typeof rank === 'number' ? sql.lit(rank) : rank).as('badge_rank'),
      'p.due_date',
      'p.updated_at as last_touch_at',
    ] as const;

  return [
    cand().where('c.candidate_id', 'in', candIds).select(candKeys('red', 0)).orderBy('c.last_touch_at', 'desc').orderBy('c.candidate_id'),
    purs()
      .where('p.pursuit_id', 'in', pursIds)
      .select(pursKeys('red', 0))
      .orderBy(sql`case when p.due_date is null then 1 else 0 end`)
      .orderBy('p.due_date')
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.pursuit_id'),
    // Dated pursuits, amber (past due) then green: in due-date order the amber ones all come first,
    // so one walk of pursuit_open_due_idx yields both in the panel's order.
    purs()
      .where('p.pursuit_id', 'not in', pursIds)
      .where('p.due_date', 'is not', null)
      .select(pursKeys(sql`case when p.due_date < ${t.now} then 'amber' else 'green' end`, sql`case when p.due_date < ${t.now} then 1 else 2 end`))
      .orderBy('p.due_date')
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.pursuit_id'),
    cand()
      .where('c.candidate_id', 'not in', candIds)
      .where('c.last_touch_at', '<', t.staleBefore)
      .select(candKeys('amber', 1))
      .orderBy('c.last_touch_at', 'desc')
      .orderBy('c.candidate_id'),
    purs()
      // Written so no index can use it: with a plain `due_date IS NULL` both engines pick the
      // (org, stage, due_date) index — its NULL rows look rare to the statistics — and sort every
      // undated open pursuit; this way they walk pursuit_open_touch_idx in order and stop at LIMIT.
      .where(sql`case when p.due_date is null then 1 else 0 end`, '=', sql.lit(1))
      .where('p.pursuit_id', 'not in', pursIds)
      .select(pursKeys('green', 2))
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.pursuit_id'),
    cand()
      .where('c.candidate_id', 'not in', candIds)
      .where('c.last_touch_at', '>=', t.staleBefore)
      .select(candKeys('green', 2))
      .orderBy('c.last_touch_at', 'desc')
      .orderBy('c.candidate_id'),
  ];
}

export function todayPanelQuery(db: Kysely<any>, t: TodayTimes & { limit?: number }) {
  const slices = todaySlices(db, t).map((q, i) => {
    // A slice's ORDER BY only matters with its LIMIT; the view has neither.
    const body = t.limit !== undefined ? q.limit(t.limit) : q.clearOrderBy();
    // Wrapped, because a member of a compound SELECT cannot carry its own ORDER BY / LIMIT.
    return db.selectFrom(body.as(`s${i}`)).selectAll();
  });
  const [first, ...rest] = slices;
  const union = rest.reduce((acc, q) => acc.unionAll(q), first!);
  const keys = t.limit !== undefined ? db.selectFrom(union.as('u')).selectAll().orderBy(todayOrder('u')).limit(t.limit) : union;
  return joinPanelRows(db, keys);
}

/** The panel's rows for its ordering keys: title, status and update time from their tables, and the open breach's metric. */
function joinPanelRows(db: Kysely<any>, keys: SelectQueryBuilder<any, any, any>) {
  return db
    .selectFrom(keys.as('k'))
    .leftJoin('candidate as c', (j) =>
      j.on(sql.ref('k.item_type'), '=', sql.lit('candidate')).onRef('c.org_id', '=', 'k.org_id').onRef('c.candidate_id', '=', 'k.item_id'),
    )
    .leftJoin('pursuit as p', (j) =>
      j.on(sql.ref('k.item_type'), '=', sql.lit('pursuit')).onRef('p.org_id', '=', 'k.org_id').onRef('p.pursuit_id', '=', 'k.item_id'),
    )
    .select((eb) => [
      'k.org_id',
      'k.item_type',
      'k.item_id',
      eb.fn.coalesce('c.title', 'p.title').as('title'),
      eb.fn.coalesce('c.status', 'p.pursuit_stage').as('status'),
      eb.fn.coalesce('c.updated_at', 'p.updated_at').as('updated_at'),
      'k.due_date',
      // The open breach's metric; only red rows have one (that is what makes them red), so only
      // they are probed.
      sql<string | null>`case when k.badge = 'red' then (${db
        .selectFrom('sla_breach as b')
        .select((e) => e.fn.min('b.metric').as('m'))
        .whereRef('b.org_id', '=', 'k.org_id')
        .whereRef('b.item_type', '=', 'k.item_type')
        .where('b.item_id', '=', sql`cast(k.item_id as text)`)
        .where('b.resolved_at', 'is', null)}) end`.as('sla_metric'),
      'k.badge',
      'k.badge_rank',
      'k.last_touch_at',
    ])
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
    db.selectFrom(table).select(column).where('org_id', '=', t.orgId).where(state, 'in', lits(open)).where(column, '>=', from).orderBy(column).limit(1);
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
