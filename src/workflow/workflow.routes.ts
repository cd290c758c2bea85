/**
 * REST mirrors of the workflow tRPC procedures: same schemas, same service functions, bare JSON
 * answers and the REST error body. Documented in /api/openapi.json.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/deps.js';
import { workflowAnalytics } from './analytics.js';
import { categoryPerformance, executiveMetricsAnswer, ownerWorkload, realTimeMetrics } from './metrics.service.js';
import { createTask, deleteTask, getTask, listPatternPage, listTaskPage, updateTask } from './tasks.service.js';
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
  updateTaskBody,
} from './workflow.schemas.js';
import { sendJson } from '../http/answer-cache.js';
import { pageQuery } from '../http/paging.js';

const idParams = z.object({ id: taskId });
const tags = ['workflow'];

export function registerWorkflowRoutes(appIn: FastifyInstance, deps: AppDeps): void {
  const app = appIn.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/workflow/list',
    { schema: { tags, summary: 'List tasks (filters, sort, paging)', querystring: listTasksQuery, response: { 200: taskListSchema } } },
    async (request, reply) => sendJson(request, reply, await listTaskPage(deps, request.auth!, listInputFromQuery(request.query))),
  );

  app.get(
    '/api/workflow/get/:id',
    { schema: { tags, summary: 'A task with its status history, oldest first', params: idParams, response: { 200: taskWithHistorySchema } } },
    async (request) => getTask(deps, request.auth!, request.params.id),
  );

  app.post(
    '/api/workflow/create',
    { schema: { tags, summary: 'Create a task', body: createTaskInput, response: { 201: taskSchema } } },
    async (request, reply) => reply.status(201).send(await createTask(deps, request.auth!, request.body)),
  );

  app.put(
    '/api/workflow/update/:id',
    { schema: { tags, summary: 'Update a task (status changes are recorded in its history)', params: idParams, body: updateTaskBody, response: { 200: taskSchema } } },
    async (request) => updateTask(deps, request.auth!, { ...request.body, taskId: request.params.id }),
  );

  app.delete(
    '/api/workflow/delete/:id',
    { schema: { tags, summary: 'Delete a task (member or admin)', params: idParams, response: { 200: deleteResultSchema } } },
    async (request) => deleteTask(deps, request.auth!, request.params.id),
  );

  app.get(
    '/api/workflow/metrics',
    { schema: { tags, summary: 'Executive metrics (executive_metrics_v2)', response: { 200: executiveMetricsSchema } } },
    async (request, reply) => sendJson(request, reply, await executiveMetricsAnswer(deps, request.auth!)),
  );

  app.get(
    '/api/workflow/analytics',
    { schema: { tags, summary: 'Per-bucket analytics (day, week, month), empty buckets included', querystring: analyticsQuery, response: { 200: analyticsSchema } } },
    async (request) => workflowAnalytics(deps, request.auth!, request.query),
  );

  app.get(
    '/api/workflow/categories',
    { schema: { tags, summary: 'Category performance (category_performance_v2)', response: { 200: z.array(categoryPerformanceSchema) } } },
    async (request) => categoryPerformance(deps, request.auth!),
  );

  app.get(
    '/api/workflow/owners',
    { schema: { tags, summary: 'Owner workload (owner_workload_v2)', response: { 200: z.array(ownerWorkloadSchema) } } },
    async (request) => ownerWorkload(deps, request.auth!),
  );

  app.get(
    '/api/workflow/realtime',
    { schema: { tags, summary: 'Real-time figures (real_time_metrics)', response: { 200: realTimeSchema } } },
    async (request) => realTimeMetrics(deps, request.auth!),
  );

  app.get(
    '/api/workflow/patterns',
    {
      schema: {
        tags,
        summary: 'Detected patterns, most frequent first',
        querystring: pageQuery.extend({ category: z.string().trim().min(1).max(100).optional(), org_id: z.coerce.number().int().optional() }).strict(),
        response: { 200: patternListSchema },
      },
    },
    async (request) => {
      const { page, limit, category } = request.query;
      return listPatternPage(deps, request.auth!, { pagination: { page, limit }, ...(category ? { category } : {}) });
    },
  );
}
