/**
 * REST for the workflow, beside the tRPC procedures: same service functions, bare JSON answers and
 * the REST error body. `/tasks` and `/tasks/:id` are the resource routes (GET, POST, PATCH, DELETE);
 * `/list`, `/get/:id`, `/create`, `/update/:id` and `/delete/:id` are the original RPC-style mirrors
 * of the procedures, kept as they were. Documented in /api/openapi.json.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sendCsv, wantsCsv } from '../http/csv-export.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WorkflowDeps } from './workflow.deps.js';
import { workflowAnalytics } from './analytics.js';
import { categoryPerformance, ownerWorkload, realTimeMetrics } from './metrics.service.js';
import { TASK_COLUMNS } from './task-export.js';
import { createTask, deleteTask, getTask, listPatternPage, taskExportPages, updateTask } from './tasks.service.js';
import { executiveMetricsAnswer, listTaskPage } from './workflow.answers.js';
import {
  analyticsQuery,
  analyticsSchema,
  categoryPerformanceSchema,
  createTaskInput,
  deleteResultSchema,
  executiveMetricsSchema,
  listInputFromQuery,
  listTasksQuery,
  ownerWorkloadSchema,
  patternListSchema,
  realTimeSchema,
  taskId,
  taskListSchema,
  taskSchema,
  taskWithHistorySchema,
  patchTaskBody,
  updateTaskBody,
} from './workflow.schemas.js';
import { sendJson } from '../http/send-json.js';
import { pageQuery } from '../http/paging.js';
import { orgIdQuery } from '../http/params.js';
import { ifMatch } from '../http/preconditions.js';

const idParams = z.object({ id: taskId });
const tags = ['workflow'];
/** Single-task answers carry `ETag: "<version>"`; writes honour If-Match (src/http/preconditions.ts). */
const readsTask = { etag: { field: 'version' } } as const;
const writesTask = { etag: { field: 'version', ifMatch: true } } as const;

/** Registered with the prefix /api/workflow. */
export const workflowRoutes: FastifyPluginAsync<{ deps: WorkflowDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();

  // ---------------------------------------------------------------- resource routes
  const resourceTags = ['workflow'];
  /** A page of tasks as JSON, or (format=csv / Accept: text/csv) every matching task as streamed CSV. */
  const listTasksHandler = async (request: FastifyRequest<{ Querystring: z.output<typeof listTasksQuery> }>, reply: FastifyReply) => {
    const input = listInputFromQuery(request.query);
    if (wantsCsv(request, request.query.format)) return sendCsv(reply, 'tasks', TASK_COLUMNS, taskExportPages(deps, request.auth!, input));
    return sendJson(request, reply, await listTaskPage(deps, request.auth!, input));
  };
  app.get(
    '/tasks',
    { schema: { tags: resourceTags, operationId: 'listTasks', summary: 'List tasks (filters, sort, paging)', querystring: listTasksQuery, response: { 200: taskListSchema } } },
    listTasksHandler,
  );
  app.post(
    '/tasks',
    { config: readsTask, schema: { tags: resourceTags, operationId: 'createTask', summary: 'Create a task', body: createTaskInput, response: { 201: taskSchema } } },
    async (request, reply) => {
      const task = await createTask(deps, request.auth!, request.body);
      return reply.status(201).header('location', `/api/workflow/tasks/${encodeURIComponent(task.task_id)}`).send(task);
    },
  );
  app.get(
    '/tasks/:id',
    { config: readsTask, schema: { tags: resourceTags, operationId: 'getTask', summary: 'A task with its status history (oldest first) and thread', params: idParams, response: { 200: taskWithHistorySchema } } },
    async (request) => getTask(deps, request.auth!, request.params.id),
  );
  app.patch(
    '/tasks/:id',
    {
      config: writesTask,
      schema: {
        tags: resourceTags,
        operationId: 'updateTask', summary: 'Change a task: the fields to change, and optionally `reason` (recorded with a status change)',
        params: idParams,
        body: patchTaskBody,
        response: { 200: taskSchema },
      },
    },
    async (request) => {
      const { org_id: _orgId, reason, ...updates } = request.body;
      return updateTask(deps, request.auth!, { taskId: request.params.id, updates, ...(reason !== undefined ? { reason } : {}) }, ifMatch(request));
    },
  );
  app.delete(
    '/tasks/:id',
    { config: writesTask, schema: { tags: resourceTags, operationId: 'deleteTask', summary: 'Delete a task (member or admin)', params: idParams, response: { 204: z.null().describe('Deleted') } } },
    async (request, reply) => {
      await deleteTask(deps, request.auth!, request.params.id, ifMatch(request));
      return reply.status(204).send(null);
    },
  );

  // ---------------------------------------------------------------- RPC-style mirrors (kept)
  app.get(
    '/list',
    { schema: { tags, operationId: 'workflowList', summary: 'List tasks (filters, sort, paging)', querystring: listTasksQuery, response: { 200: taskListSchema } } },
    listTasksHandler,
  );

  app.get(
    '/get/:id',
    { config: readsTask, schema: { tags, operationId: 'workflowGet', summary: 'A task with its status history, oldest first', params: idParams, response: { 200: taskWithHistorySchema } } },
    async (request) => getTask(deps, request.auth!, request.params.id),
  );

  app.post(
    '/create',
    { config: readsTask, schema: { tags, operationId: 'workflowCreate', summary: 'Create a task', body: createTaskInput, response: { 201: taskSchema } } },
    async (request, reply) => reply.status(201).send(await createTask(deps, request.auth!, request.body)),
  );

  app.put(
    '/update/:id',
    { config: writesTask, schema: { tags, operationId: 'workflowUpdate', summary: 'Update a task (status changes are recorded in its history)', params: idParams, body: updateTaskBody, response: { 200: taskSchema } } },
    async (request) => updateTask(deps, request.auth!, { ...request.body, taskId: request.params.id }, ifMatch(request)),
  );

  app.delete(
    '/delete/:id',
    { config: writesTask, schema: { tags, operationId: 'workflowDelete', summary: 'Delete a task (member or admin)', params: idParams, response: { 200: deleteResultSchema } } },
    async (request) => deleteTask(deps, request.auth!, request.params.id, ifMatch(request)),
  );

  app.get(
    '/metrics',
    { schema: { tags, summary: 'Executive metrics (executive_metrics_v2)', response: { 200: executiveMetricsSchema } } },
    async (request, reply) => sendJson(request, reply, await executiveMetricsAnswer(deps, request.auth!)),
  );

  app.get(
    '/analytics',
    { schema: { tags, summary: 'Per-bucket analytics (day, week, month), empty buckets included', querystring: analyticsQuery, response: { 200: analyticsSchema } } },
    async (request) => workflowAnalytics(deps, request.auth!, request.query),
  );

  app.get(
    '/categories',
    { schema: { tags, summary: 'Category performance (category_performance_v2)', response: { 200: z.array(categoryPerformanceSchema) } } },
    async (request) => categoryPerformance(deps, request.auth!),
  );

  app.get(
    '/owners',
    { schema: { tags, summary: 'Owner workload (owner_workload_v2)', response: { 200: z.array(ownerWorkloadSchema) } } },
    async (request) => ownerWorkload(deps, request.auth!),
  );

  app.get(
    '/realtime',
    { schema: { tags, summary: 'Real-time figures (real_time_metrics)', response: { 200: realTimeSchema } } },
    async (request) => realTimeMetrics(deps, request.auth!),
  );

  app.get(
    '/patterns',
    {
      schema: {
        tags,
        summary: 'Detected patterns, most frequent first',
        querystring: pageQuery.extend({ category: z.string().trim().min(1).max(100).optional(), org_id: orgIdQuery }).strict(),
        response: { 200: patternListSchema },
      },
    },
    async (request) => {
      const { page, limit, cursor, category } = request.query;
      return listPatternPage(deps, request.auth!, { pagination: { page, limit, ...(cursor !== undefined ? { cursor } : {}) }, ...(category ? { category } : {}) });
    },
  );
};
