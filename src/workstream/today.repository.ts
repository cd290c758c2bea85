import { sql, type Kysely } from 'kysely';
import type { DbOrTrx } from '../db/create-db.js';
import { CANDIDATE_STALE_HOURS, TODAY_LIMIT, TODAY_ORDER_SQL, todayPanelQuery, type TodayRow } from './today.query.js';

export type TodayItem = Omit<TodayRow, 'org_id' | 'badge_rank' | 'last_touch_at'>;

const HOUR_MS = 3_600_000;

/**
 * The Today panel at the clock's `now`: the view's own definition with times as parameters, one
 * statement, ordered and capped at TODAY_LIMIT rows.
 */
export async function todayPanel(db: DbOrTrx, orgId: number, now: Date): Promise<TodayItem[]> {
  const staleBefore = new Date(now.getTime() - CANDIDATE_STALE_HOURS * HOUR_MS).toISOString();
  const rows = await todayPanelQuery(db as unknown as Kysely<any>, {
    now: sql.val(now.toISOString()),
    staleBefore: sql.val(staleBefore),
    orgId,
    perSliceLimit: TODAY_LIMIT,
  })
    .orderBy(TODAY_ORDER_SQL)
    .limit(TODAY_LIMIT)
    .execute();
  return rows.map((r) => ({
    item_type: r.item_type,
    item_id: Number(r.item_id),
    title: r.title,
    status: r.status,
    updated_at: r.updated_at,
    due_date: r.due_date,
    sla_metric: r.sla_metric,
    badge: r.badge,
  }));
}
