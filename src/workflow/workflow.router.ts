/**
 * tRPC procedures under `workflow.` (mounted at /api: /api/workflow.list …). Inputs are the same zod
 * schemas as the REST mirrors (workflow.routes.ts) and both call the same service functions.
 */
import { authedProcedure, router, writerProcedure } from '../http/trpc.js';
import { workflowAnalytics } from './analytics.js';
import { categoryPerformance, executiveMetricsAnswer, ownerWorkload, realTimeMetrics } from './metrics.service.js';
import { createTask, deleteTask, getTask, listPatternPage, listTaskPage, updateTask } from './tasks.service.js';
import { analyticsInput, createTaskInput, listTasksInput, patternsInput, taskIdInput, updateTaskInput } from './workflow.schemas.js';

export const workflowRouter = router({
  list: authedProcedure.input(listTasksInput).query(({ ctx, input }) => listTaskPage(ctx.deps, ctx.auth, input)),
  get: authedProcedure.input(taskIdInput).query(({ ctx, input }) => getTask(ctx.deps, ctx.auth, input.taskId)),
  create: writerProcedure.input(createTaskInput).mutation(({ ctx, input }) => createTask(ctx.deps, ctx.auth, input)),
  update: writerProcedure.input(updateTaskInput).mutation(({ ctx, input }) => updateTask(ctx.deps, ctx.auth, input)),
  delete: writerProcedure.input(taskIdInput).mutation(({ ctx, input }) => deleteTask(ctx.deps, ctx.auth, input.taskId)),
  metrics: authedProcedure.query(({ ctx }) => executiveMetricsAnswer(ctx.deps, ctx.auth)),
  analytics: authedProcedure.input(analyticsInput).query(({ ctx, input }) => workflowAnalytics(ctx.deps, ctx.auth, input)),
  categories: authedProcedure.query(({ ctx }) => categoryPerformance(ctx.deps, ctx.auth)),
  owners: authedProcedure.query(({ ctx }) => ownerWorkload(ctx.deps, ctx.auth)),
  realtime: authedProcedure.query(({ ctx }) => realTimeMetrics(ctx.deps, ctx.auth)),
  patterns: authedProcedure.input(patternsInput).query(({ ctx, input }) => listPatternPage(ctx.deps, ctx.auth, input)),
});
