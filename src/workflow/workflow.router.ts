/**
 * tRPC procedures under `workflow.` (mounted at /api: /api/workflow.list …). Inputs are the same zod
 * schemas as the REST mirrors (workflow.routes.ts) and both call the same service functions.
 */
import { authedProcedure, writerProcedure } from '../auth/auth.plugin.js';
import { router } from '../http/trpc.js';
import { workflowAnalytics } from './analytics.js';
import { categoryPerformance, ownerWorkload, realTimeMetrics } from './metrics.service.js';
import { createTask, deleteTask, getTask, listPatternPage, updateTask } from './tasks.service.js';
import { executiveMetricsAnswer, listTaskPage } from './workflow.answers.js';
import type { WorkflowDeps } from './workflow.deps.js';
import { analyticsInput, createTaskInput, deleteTaskInput, listTasksInput, patternsInput, taskIdInput, updateTaskInput } from './workflow.schemas.js';
import { expectedFromInput } from '../shared/expected-version.js';

export const workflowRouter = (deps: WorkflowDeps) =>
  router({
    list: authedProcedure.input(listTasksInput).query(({ ctx, input }) => listTaskPage(deps, ctx.auth, input)),
    get: authedProcedure.input(taskIdInput).query(({ ctx, input }) => getTask(deps, ctx.auth, input.taskId)),
    create: writerProcedure.input(createTaskInput).mutation(({ ctx, input }) => createTask(deps, ctx.auth, input)),
    // expected_version: write only while the task is at that version, else PRECONDITION_FAILED (412).
    update: writerProcedure.input(updateTaskInput).mutation(({ ctx, input }) => updateTask(deps, ctx.auth, input, expectedFromInput(input.expected_version))),
    delete: writerProcedure.input(deleteTaskInput).mutation(({ ctx, input }) => deleteTask(deps, ctx.auth, input.taskId, expectedFromInput(input.expected_version))),
    metrics: authedProcedure.query(({ ctx }) => executiveMetricsAnswer(deps, ctx.auth)),
    analytics: authedProcedure.input(analyticsInput).query(({ ctx, input }) => workflowAnalytics(deps, ctx.auth, input)),
    categories: authedProcedure.query(({ ctx }) => categoryPerformance(deps, ctx.auth)),
    owners: authedProcedure.query(({ ctx }) => ownerWorkload(deps, ctx.auth)),
    realtime: authedProcedure.query(({ ctx }) => realTimeMetrics(deps, ctx.auth)),
    patterns: authedProcedure.input(patternsInput).query(({ ctx, input }) => listPatternPage(deps, ctx.auth, input)),
  });
