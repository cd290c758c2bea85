/**
 * The one definition of the Today panel and of checklist readiness, shared by the database views
 * (migration 0002_workstream_views creates `v_today_panel` and `v_pursuit_checklist_ready` from these
 * builders) and by the API (which runs the same builders with the injected clock's time as
 * parameters instead of the database's now). No second copy of a rule exists anywhere.
 *
 * FROZEN WITH ITS VIEWS: a migration imports this module, so changing what these builders return
 * changes the API at once but the views only when a migration re-creates them. Any behaviour change
 * here must ship with a new migration that drops and re-creates both views (and this module must keep
 * importing nothing but kysely, so the migration's meaning cannot drift through app code).
 */
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';

/** A candidate untouched longer than this is amber. */
export const CANDIDATE_STALE_HOURS = 72;
/** The seed's `TOP (200)`. */
export const TODAY_LIMIT = 200;

/** Open work is what the Today panel shows (DESIGN.md: `new` candidates are not triaged work yet). */
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

/** The metric of an open breach for the item; sla_breach.item_id is text (it also holds task ids). */
function openBreachMetric(db: Kysely<any>, itemType: 'candidate' | 'pursuit', orgRef: string, idRef: string) {
  return db
    .selectFrom('sla_breach as b')
    .select((eb) => eb.fn.min('b.metric').as('m'))
    .whereRef('b.org_id', '=', orgRef)
    .where('b.item_type', '=', sql.lit(itemType))
    .where('b.item_id', '=', sql`cast(${sql.ref(idRef)} as text)`)
    .where('b.resolved_at', 'is', null);
}

/** Every open candidate and pursuit with its badge: one row per item, unordered. */
export function todayPanelQuery(db: Kysely<any>, t: TodayTimes) {
  let candidates = db
    .selectFrom('candidate as c')
    .where('c.status', 'in', lits(OPEN_CANDIDATE_STATUSES))
    .select([
      'c.org_id',
      sql.lit('candidate').as('item_type'),
      'c.candidate_id as item_id',
      'c.title',
      'c.status',
      'c.updated_at',
      sql`null`.as('due_date'),
      'c.last_touch_at',
      openBreachMetric(db, 'candidate', 'c.org_id', 'c.candidate_id').as('sla_metric'),
      sql`case when c.last_touch_at < ${t.staleBefore} then 1 else 0 end`.as('is_late'),
    ]);
  let pursuits = db
    .selectFrom('pursuit as p')
    .where('p.pursuit_stage', 'in', lits(OPEN_PURSUIT_STAGES))
    .select([
      'p.org_id',
      sql.lit('pursuit').as('item_type'),
      'p.pursuit_id as item_id',
      'p.title',
      'p.pursuit_stage as status',
      'p.updated_at',
      'p.due_date',
      'p.updated_at as last_touch_at',
      openBreachMetric(db, 'pursuit', 'p.org_id', 'p.pursuit_id').as('sla_metric'),
      sql`case when p.due_date is not null and p.due_date < ${t.now} then 1 else 0 end`.as('is_late'),
    ]);
  if (t.orgId !== undefined) {
    candidates = candidates.where('c.org_id', '=', t.orgId);
    pursuits = pursuits.where('p.org_id', '=', t.orgId);
  }
  return db
    .selectFrom(candidates.unionAll(pursuits).as('i'))
    .select([
      'i.org_id',
      'i.item_type',
      'i.item_id',
      'i.title',
      'i.status',
      'i.updated_at',
      'i.due_date',
      'i.sla_metric',
      sql<Badge>`case when i.sla_metric is not null then 'red' when i.is_late = 1 then 'amber' else 'green' end`.as('badge'),
      sql<number>`case when i.sla_metric is not null then 0 when i.is_late = 1 then 1 else 2 end`.as('badge_rank'),
      'i.last_touch_at',
    ])
    .$castTo<TodayRow>();
}

/**
 * The panel's order: red, amber, green; then due date (items without one after those with one,
 * the same on both engines); then last touch, newest first; ids last so the order is total.
 */
export const TODAY_ORDER_SQL: RawBuilder<unknown> = sql`badge_rank, case when due_date is null then 1 else 0 end, due_date, last_touch_at desc, item_type, item_id`;

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
