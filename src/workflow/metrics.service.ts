/**
 * The metric procedures: the same query definitions as the views (metrics.query.ts), run with the
 * injected clock and, for per-status figures, over the trigger-kept counters.
 */
import type { AuthContext } from '../auth/auth-context.js';
import { sqlHelpers } from '../db/sql-helpers.js';
import type { AppDeps } from '../http/deps.js';
import {
  categoryPerformanceQuery,
  executiveMetricsQuery,
  ownerWorkloadQuery,
  realTimeMetricsQuery,
  runMetricsQuery,
  type MetricsQueryOptions,
} from './metrics.query.js';
import type { ExecutiveMetrics } from './workflow.schemas.js';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

function apiOptions(deps: Deps, orgId: number): MetricsQueryOptions {
  const h = sqlHelpers(deps.database.engine);
  return { h, now: h.timeParam(deps.clock.now().toISOString()), source: 'counters', orgId };
}

const withoutOrg = <T extends { org_id: number }>({ org_id, ...rest }: T): Omit<T, 'org_id'> => {
  void org_id;
  return rest;
};

export async function executiveMetrics(deps: Deps, auth: Pick<AuthContext, 'orgId'>): Promise<ExecutiveMetrics> {
  const [row] = await runMetricsQuery(deps.database.db, executiveMetricsQuery(apiOptions(deps, auth.orgId)));
  if (!row) throw new Error(`org ${auth.orgId} of an authenticated key has no row`);
  return withoutOrg(row);
}

export async function categoryPerformance(deps: Deps, auth: AuthContext) {
  const rows = await runMetricsQuery(deps.database.db, categoryPerformanceQuery(apiOptions(deps, auth.orgId)));
  return rows.map(withoutOrg).sort((a, b) => a.workflow_category.localeCompare(b.workflow_category));
}

export async function ownerWorkload(deps: Deps, auth: AuthContext) {
  const h = sqlHelpers(deps.database.engine);
  const rows = await runMetricsQuery(deps.database.db, ownerWorkloadQuery({ h, orgId: auth.orgId }));
  // Highest pressure first; unassigned (NULL owner) sorts by its figures like anyone else.
  return rows
    .map(withoutOrg)
    .sort((a, b) => b.pressure_score - a.pressure_score || (a.current_owner ?? '').localeCompare(b.current_owner ?? ''));
}

export async function realTimeMetrics(deps: Deps, auth: AuthContext) {
  const [row] = await runMetricsQuery(deps.database.db, realTimeMetricsQuery(apiOptions(deps, auth.orgId)));
  if (!row) throw new Error(`org ${auth.orgId} of an authenticated key has no row`);
  return withoutOrg(row);
}
