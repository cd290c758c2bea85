/**
 * The workflow's hot reads as the routes and procedures serve them: through the answer cache
 * (src/answer-cache), which reuses a stored answer while no commit and no passing of time can
 * have changed it. The services compute; this layer decides what is reused.
 */
import type { AuthContext } from '../shared/auth-context.js';
import { executiveMetrics, executiveMetricsUntil } from './metrics.service.js';
import { normaliseListInput, taskPageJson } from './tasks.service.js';
import type { WorkflowDeps } from './workflow.deps.js';
import { executiveMetricsSchema, taskListSchema, type ExecutiveMetrics, type ListTasksInput, type TaskList } from './workflow.schemas.js';

/** A page of the task list: a JsonAnswer holding a TaskList (sent as its bytes; see AnswerCache). */
export function listTaskPage(deps: Pick<WorkflowDeps, 'database' | 'answers'>, auth: AuthContext, input: ListTasksInput): Promise<TaskList> {
  const q = normaliseListInput(auth, input);
  return deps.answers.get({
    scope: 'workflow.list',
    orgId: auth.orgId,
    schema: taskListSchema,
    input: q,
    compute: async () => ({ json: await taskPageJson(deps, auth.orgId, q) }),
  });
}

export function executiveMetricsAnswer(deps: Pick<WorkflowDeps, 'database' | 'clock' | 'answers'>, auth: Pick<AuthContext, 'orgId'>): Promise<ExecutiveMetrics> {
  const now = deps.clock.now();
  return deps.answers.get({
    scope: 'workflow.metrics',
    orgId: auth.orgId,
    now,
    schema: executiveMetricsSchema,
    // Cache off: the metrics alone, without the query for how long they would stay valid.
    compute: async ({ stored }) => (stored ? executiveMetricsUntil(deps, auth, now) : { value: await executiveMetrics(deps, auth, now) }),
  });
}
