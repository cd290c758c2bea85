/**
 * INTERIM executive metrics for `workflow:metrics:updated`, isolated so it is easy to replace: the
 * workflow module owns the real query (executive_metrics_v2 / its counters). Same definitions, one
 * aggregate statement over the org's tasks; replace the wiring in main.ts with the workflow
 * module's `executiveMetrics` at merge and delete this file.
 */
import { sql } from 'kysely';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import type { ExecutiveMetrics } from './event-types.js';
import type { LoadExecutiveMetrics } from './metrics-coalescer.js';

const round2 = (n: number) => Math.round(n * 100) / 100;

export function interimExecutiveMetricsLoader(database: Database, clock: Clock): LoadExecutiveMetrics {
  return async (orgId: number): Promise<ExecutiveMetrics> => {
    const since = new Date(clock.now().getTime() - 24 * 3_600_000).toISOString();
    const n = (expr: string) => sql<number>`coalesce(sum(${sql.raw(expr)}), 0)`;
    const row = await database.db
      .selectFrom('workflow_tasks')
      .where('org_id', '=', orgId)
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        n(`case when task_status = 'RED' then 1 else 0 end`).as('red'),
        n(`case when task_status = 'YELLOW' then 1 else 0 end`).as('yellow'),
        n(`case when task_status = 'GREEN' then 1 else 0 end`).as('green'),
        n(`case when task_status = 'COMPLETED' then 1 else 0 end`).as('completed'),
        n(`case when task_status in ('RED', 'YELLOW') then dollar_value else 0 end`).as('at_risk'),
        n(
          `case when sla_deadline is not null and ((task_status = 'COMPLETED' and completed_at > sla_deadline)` +
            ` or (task_status <> 'COMPLETED' and sla_status = 'breached')) then 1 else 0 end`,
        ).as('missed'),
        n(`case when task_status = 'COMPLETED' and sla_deadline is not null and completed_at <= sla_deadline then 1 else 0 end`).as('met'),
        sql<number>`coalesce(sum(case when created_at >= ${since} then 1 else 0 end), 0)`.as('last24'),
      ])
      .executeTakeFirstOrThrow();
    const met = Number(row.met);
    const missed = Number(row.missed);
    return {
      total_tasks: Number(row.total),
      red_tasks: Number(row.red),
      yellow_tasks: Number(row.yellow),
      green_tasks: Number(row.green),
      completed_tasks: Number(row.completed),
      revenue_at_risk: round2(Number(row.at_risk)),
      sla_violations: missed,
      tasks_last_24h: Number(row.last24),
      sla_met_percentage: round2(met + missed === 0 ? 100 : (100 * met) / (met + missed)),
    };
  };
}
