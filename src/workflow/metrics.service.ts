/**
 * The metric procedures: the same query definitions as the views (metrics.query.ts), run with the
 * injected clock and, for per-status figures, over the trigger-kept counters.
 */
import type { AuthContext } from '../shared/auth-context.js';
import type { Expression } from 'kysely';
import { sqlHelpers, type SqlHelpers } from '../db/sql-helpers.js';
import type { WorkflowDeps } from './workflow.deps.js';
import {
  categoryPerformanceQuery,
  executiveMetricsQuery,
  ownerWorkloadQuery,
  realTimeMetricsQuery,
  runMetricsQuery,
  type MetricsQueryOptions,
} from './metrics.query.js';
import type { ExecutiveMetrics } from './workflow.schemas.js';

type Deps = Pick<WorkflowDeps, 'database' | 'clock'>;

/** The API's options: per-status facts from the counters, the org and the moment as slots. */
const api = (o: { h: SqlHelpers; now: Expression<string>; orgId: number }): MetricsQueryOptions => ({ ...o, source: 'counters' });

const HOUR_MS = 3_600_000;

const withoutOrg = <T extends { org_id: number }>({ org_id, ...rest }: T): Omit<T, 'org_id'> => {
  void org_id;
  return rest;
};

export async function executiveMetrics(deps: Deps, auth: Pick<AuthContext, 'orgId'>, now = deps.clock.now()): Promise<ExecutiveMetrics> {
  const h = sqlHelpers(deps.database.engine);
  const [row] = await runMetricsQuery(deps.database, h, 'executive', (o) => executiveMetricsQuery(api(o)), { orgId: auth.orgId, now: now.toISOString() });
  if (!row) throw new Error(`org ${auth.orgId} of an authenticated key has no row`);
  return withoutOrg(row);
}

/**
 * The executive metrics at `now`, with the first instant at which time alone can change them (the
 * answer cache reuses them until then, unless a commit comes first). Only tasks_last_24h depends on
 * the clock (`created_at >= now - 24 h`): it can change only when the oldest task inside the window
 * leaves it, at that task's created_at + 24 h + 1 ms (new tasks are commits, which move the token).
 * Every other figure comes from the counters, i.e. from commits.
 */
export async function executiveMetricsUntil(deps: Deps, auth: Pick<AuthContext, 'orgId'>, now: Date): Promise<{ value: ExecutiveMetrics; validUntil: number }> {
  const h = sqlHelpers(deps.database.engine);
  const [value, oldest] = await Promise.all([
    executiveMetrics(deps, auth, now),
    deps.database.db
      .selectFrom('workflow_tasks')
      .select((eb) => eb.fn.min<string>('created_at').as('c'))
      .where('org_id', '=', auth.orgId)
      .where('created_at', '>=', h.shiftHours(h.timeParam(now.toISOString()), -24))
      .executeTakeFirst(),
  ]);
  const c = oldest?.c;
  return { value, validUntil: typeof c === 'string' ? Date.parse(c) + 24 * HOUR_MS + 1 : Number.POSITIVE_INFINITY };
}

export async function categoryPerformance(deps: Deps, auth: AuthContext) {
  const h = sqlHelpers(deps.database.engine);
  const rows = await runMetricsQuery(deps.database, h, 'categories', (o) => categoryPerformanceQuery(api(o)), { orgId: auth.orgId, now: deps.clock.now().toISOString() });
  return rows.map(withoutOrg).sort((a, b) => a.workflow_category.localeCompare(b.workflow_category));
}

export async function ownerWorkload(deps: Deps, auth: AuthContext) {
  const h = sqlHelpers(deps.database.engine);
  const rows = await runMetricsQuery(deps.database, h, 'owners', (o) => ownerWorkloadQuery({ h: o.h, orgId: o.orgId }), { orgId: auth.orgId });
  // Highest pressure first; unassigned (NULL owner) sorts by its figures like anyone else.
  return rows
    .map(withoutOrg)
    .sort((a, b) => b.pressure_score - a.pressure_score || (a.current_owner ?? '').localeCompare(b.current_owner ?? ''));
}

export async function realTimeMetrics(deps: Deps, auth: AuthContext) {
  const h = sqlHelpers(deps.database.engine);
  const [row] = await runMetricsQuery(deps.database, h, 'realtime', (o) => realTimeMetricsQuery(api(o)), { orgId: auth.orgId, now: deps.clock.now().toISOString() });
  if (!row) throw new Error(`org ${auth.orgId} of an authenticated key has no row`);
  return withoutOrg(row);
}
