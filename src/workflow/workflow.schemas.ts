/**
 * The zod schemas of the workflow API, shared by the tRPC procedures and the REST mirrors so both
 * accept exactly the same input and answer the same shapes.
 */
import { z } from 'zod';
import { formatField } from '../http/csv-export.js';
import { pageQuery, paginationSchema } from '../http/paging.js';
import { dayOrInstant, resolveDays, timeZone } from '../shared/day-or-instant.js';
import { isoInstant } from '../shared/iso-instant.js';
import { ME } from '../shared/auth-context.js';
import { orgIdQuery, positiveId } from '../http/params.js';
import type { Equal, Expect } from '../shared/type-equality.js';
import type { ExecutiveMetricsRow } from './metrics.query.js';

export const TASK_STATUSES = ['RED', 'YELLOW', 'GREEN', 'COMPLETED'] as const;
export const TASK_PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'NORMAL'] as const;
export const SLA_STATUSES = ['ok', 'warning', 'breached'] as const;
export const SOURCE_TYPES = ['email', 'manual', 'api'] as const;
export const SORT_FIELDS = ['sla_deadline', 'created_at', 'updated_at', 'dollar_value', 'priority', 'status'] as const;
export const GRANULARITIES = ['day', 'week', 'month'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const money = z.number().finite().min(0).max(1e12).transform((v) => Math.round(v * 100) / 100);
/** Accepted everywhere so a matching org_id passes; another org's id is refused with 403 (REST: auth hook; tRPC: guardTrpcInput). */
const orgIdField = z.number().int().optional();

export const taskStatus = z.enum(TASK_STATUSES);
export const taskPriority = z.enum(TASK_PRIORITIES);
export const taskId = z.string().trim().min(1).max(100);
const entities = z.record(z.string().max(100), z.unknown());
const tags = z.array(z.string().trim().min(1).max(100)).max(50);
/** The user who owns the task: an active member of its org (else 400 not_a_member); null = nobody. */
const ownerUserId = z.number().int().positive().nullable().optional();

export const createTaskInput = z
  .object({
    org_id: orgIdField,
    workflow_category: text(100),
    title: text(500),
    description: optionalText(10_000),
    task_status: taskStatus.optional(),
    priority: taskPriority.optional(),
    current_owner: optionalText(200),
    owner_email: z.email().max(320).nullable().optional(),
    /** Absent: the category's assignment rule (if any) picks the owner; null: nobody. */
    owner_user_id: ownerUserId,
    dollar_value: money.optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'a 3-letter ISO currency code').optional(),
    sla_deadline: isoInstant.optional(),
    entities: entities.optional(),
    customer_name: optionalText(300),
    po_number: optionalText(100),
    quote_number: optionalText(100),
    source_type: z.enum(SOURCE_TYPES).optional(),
    source_message_id: optionalText(500),
    source_sender: optionalText(320),
    source_subject: optionalText(1000),
    source_received_at: isoInstant.nullable().optional(),
    signal_id: z.number().int().positive().nullable().optional(),
    pattern_id: z.number().int().positive().nullable().optional(),
    category_reason: optionalText(1000),
    tags: tags.optional(),
  })
  .strict()
  .meta({
    examples: [
      { workflow_category: 'quote_request', title: 'Quote 40 valves for Acme', priority: 'HIGH', customer_name: 'Acme', dollar_value: 12500, currency: 'USD', tags: ['valves'] },
    ],
  });
export type CreateTaskInput = z.infer<typeof createTaskInput>;

/** The fields a task update may change (all optional). */
const taskUpdateFields = {
  task_status: taskStatus.optional(),
  workflow_category: text(100).optional(),
  title: text(500).optional(),
  description: optionalText(10_000),
  priority: taskPriority.optional(),
  current_owner: optionalText(200),
  owner_email: z.email().max(320).nullable().optional(),
  owner_user_id: ownerUserId,
  dollar_value: money.optional(),
  sla_deadline: isoInstant.optional(),
  entities: entities.optional(),
  customer_name: optionalText(300),
  po_number: optionalText(100),
  quote_number: optionalText(100),
  category_reason: optionalText(1000),
  tags: tags.optional(),
  first_response_at: isoInstant.nullable().optional(),
};

export const taskUpdates = z
  .object(taskUpdateFields)
  .strict()
  // Only when the fields themselves are fine: an unknown field is not also "nothing to update".
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: 'Nothing to update', when: (p) => (p.issues ?? []).length === 0 });
export type TaskUpdates = z.infer<typeof taskUpdates>;

/** REST body of PUT /api/workflow/update/:id (the tRPC input without taskId). */
export const updateTaskBody = z
  .object({ org_id: orgIdField, updates: taskUpdates, reason: z.string().trim().max(1000).optional() })
  .strict()
  .meta({ examples: [{ updates: { task_status: 'COMPLETED' }, reason: 'Shipped on Monday' }] });
/** tRPC: the version the caller read; the write happens only while the task is still at it (else PRECONDITION_FAILED). */
const expectedVersion = z.number().int().positive().optional();
export const updateTaskInput = updateTaskBody.extend({ taskId, expected_version: expectedVersion }).strict();

/** REST body of PATCH /api/workflow/tasks/:id: the fields to change themselves, and optionally why. */
export const patchTaskBody = z
  .object({ ...taskUpdateFields, org_id: orgIdField, reason: z.string().trim().max(1000).optional() })
  .strict()
  .meta({ examples: [{ task_status: 'YELLOW', current_owner: 'Ada', reason: 'Waiting for the drawings' }] })
  .refine(({ org_id: _o, reason: _r, ...u }) => Object.values(u).some((v) => v !== undefined), {
    message: 'Nothing to update: give at least one field of the task',
    when: (p) => (p.issues ?? []).length === 0,
  });
export type UpdateTaskInput = z.infer<typeof updateTaskInput>;

export const taskIdInput = z.object({ org_id: orgIdField, taskId }).strict();
export const deleteTaskInput = taskIdInput.extend({ expected_version: expectedVersion }).strict();

// ------------------------------------------------------------------ list
const listFilterFields = {
  status: taskStatus.optional(),
  category: text(100).optional(),
  owner: text(200).optional(),
  /** Tasks owned by this user; `me` = the signed-in person ("my tasks"). */
  owner_user_id: z.union([z.literal(ME), z.number().int().positive()]).optional(),
  priority: taskPriority.optional(),
  /** The created range [from, to): dates mean whole days in `tz` (UTC by default). */
  from: dayOrInstant.optional(),
  to: dayOrInstant.optional(),
  tz: timeZone.optional(),
  search: text(200).optional(),
};
const pageFields = {
  page: z.number().int().min(1).max(1_000_000).default(1),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(1_000).optional(),
};
/**
 * The created range as instants: dates resolved in `tz` (a transform step, so both transports get
 * the same instants and `tz` goes no further), then `to` must come after `from` (400 naming `to`).
 */
function resolvedRange<T extends { from?: string | undefined; to?: string | undefined; tz?: string | undefined }>(r: T, ctx: z.RefinementCtx): Omit<T, 'tz'> {
  const { tz, ...rest } = r;
  const out = resolveDays(rest, { from: 'start', to: 'end' }, tz ?? 'UTC', ctx);
  if (out.from !== undefined && out.to !== undefined && out.from >= out.to) ctx.addIssue({ code: 'custom', message: 'must be after from', path: ['to'], input: r.to });
  return out;
}

const sortFields = { field: z.enum(SORT_FIELDS), direction: z.enum(['asc', 'desc']).default('asc') };

export const listTasksInput = z
  .object({
    org_id: orgIdField,
    filter: z.object(listFilterFields).strict().transform(resolvedRange).optional(),
    pagination: z.object(pageFields).strict().optional(),
    sort: z.object(sortFields).strict().optional(),
  })
  .strict()
  .optional();
export type ListTasksInput = z.infer<typeof listTasksInput>;

/** GET /api/workflow/list: the same fields, flat, as query-string text. */
export const listTasksQuery = z
  .object({
    org_id: orgIdQuery,
    ...listFilterFields,
    owner_user_id: z.union([z.literal(ME), positiveId]).optional(),
    page: pageQuery.shape.page,
    limit: pageQuery.shape.limit,
    cursor: pageQuery.shape.cursor,
    format: formatField,
    sort: sortFields.field.optional(),
    direction: sortFields.direction.optional(),
  })
  .strict()
  .transform(resolvedRange);

export function listInputFromQuery(q: z.infer<typeof listTasksQuery>): NonNullable<ListTasksInput> {
  const { page, limit, cursor, sort, direction, org_id, format, ...filter } = q;
  void org_id;
  void format;
  return {
    filter,
    pagination: { page, limit, ...(cursor !== undefined ? { cursor } : {}) },
    ...(sort ? { sort: { field: sort, direction: direction ?? 'asc' } } : {}),
  };
}

// ------------------------------------------------------------------ analytics, patterns
const analyticsFields = {
  granularity: z.enum(GRANULARITIES).default('day'),
  /** [from, to): dates mean whole days in `tz`; without them, the last 30 days (see analytics.ts). */
  from: dayOrInstant.optional(),
  to: dayOrInstant.optional(),
  category: text(100).optional(),
  /** IANA time zone for the bucket boundaries and for dates; UTC by default. */
  tz: timeZone.optional(),
};
/** The given ends as instants (dates resolved in `tz`); the missing ones are filled in by the service, which has the clock. */
const resolvedAnalytics = <T extends { from?: string | undefined; to?: string | undefined; tz?: string | undefined }>(a: T, ctx: z.RefinementCtx): T =>
  resolveDays(a, { from: 'start', to: 'end' }, a.tz ?? 'UTC', ctx);
// prefault: `workflow.analytics` called with no input at all is the default range, like `{}`.
export const analyticsInput = z.object({ org_id: orgIdField, ...analyticsFields }).strict().prefault({}).transform(resolvedAnalytics);
export type AnalyticsInput = z.output<typeof analyticsInput>;
export const analyticsQuery = z.object({ org_id: orgIdQuery, ...analyticsFields }).strict().transform(resolvedAnalytics);

export const patternsInput = z
  .object({
    org_id: orgIdField,
    category: text(100).optional(),
    pagination: z.object(pageFields).strict().optional(),
  })
  .strict()
  .optional();
export type PatternsInput = z.infer<typeof patternsInput>;

// ------------------------------------------------------------------ outputs
export const taskSchema = z.object({
  task_id: z.string(),
  org_id: z.number(),
  workflow_category: z.string(),
  task_status: taskStatus,
  title: z.string(),
  description: z.string().nullable(),
  priority: taskPriority,
  current_owner: z.string().nullable(),
  owner_email: z.string().nullable(),
  /** The user who owns the task (#20), and their display name. */
  owner_user_id: z.number().nullable(),
  owner_name: z.string().nullable(),
  dollar_value: z.number(),
  currency: z.string(),
  sla_deadline: z.string().nullable(),
  sla_status: z.enum(SLA_STATUSES),
  sla_paused_at: z.string().nullable(),
  sla_warned_at: z.string().nullable(),
  sla_breached_at: z.string().nullable(),
  entities: z.record(z.string(), z.unknown()),
  customer_name: z.string().nullable(),
  po_number: z.string().nullable(),
  quote_number: z.string().nullable(),
  source_type: z.enum(SOURCE_TYPES),
  source_message_id: z.string().nullable(),
  source_sender: z.string().nullable(),
  source_subject: z.string().nullable(),
  source_received_at: z.string().nullable(),
  signal_id: z.number().nullable(),
  pattern_id: z.number().nullable(),
  category_reason: z.string().nullable(),
  tags: z.array(z.string()),
  created_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  first_response_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  resolution_hours: z.number().nullable(),
  /** When the first response is due (the rule's first_response_hrs); null without a target. */
  first_response_due_at: z.string().nullable(),
  first_response_status: z.enum(SLA_STATUSES),
  /** Changes with every write; `If-Match: "<version>"` (REST) or `expected_version` (tRPC) writes only over what you read. */
  version: z.number().int(),
});
/**
 * The task as the API answers it. Spelled out rather than `z.infer<typeof taskSchema>` so that the
 * SDK's declaration bundle (packages/client), which names it in the realtime frames, needs no zod;
 * the check below keeps the two equal.
 */
export interface TaskView {
  task_id: string;
  org_id: number;
  workflow_category: string;
  task_status: (typeof TASK_STATUSES)[number];
  title: string;
  description: string | null;
  priority: (typeof TASK_PRIORITIES)[number];
  current_owner: string | null;
  owner_email: string | null;
  owner_user_id: number | null;
  owner_name: string | null;
  dollar_value: number;
  currency: string;
  sla_deadline: string | null;
  sla_status: (typeof SLA_STATUSES)[number];
  sla_paused_at: string | null;
  sla_warned_at: string | null;
  sla_breached_at: string | null;
  entities: Record<string, unknown>;
  customer_name: string | null;
  po_number: string | null;
  quote_number: string | null;
  source_type: (typeof SOURCE_TYPES)[number];
  source_message_id: string | null;
  source_sender: string | null;
  source_subject: string | null;
  source_received_at: string | null;
  signal_id: number | null;
  pattern_id: number | null;
  category_reason: string | null;
  tags: string[];
  created_by: string | null;
  created_at: string;
  updated_at: string;
  first_response_at: string | null;
  completed_at: string | null;
  resolution_hours: number | null;
  first_response_due_at: string | null;
  first_response_status: (typeof SLA_STATUSES)[number];
  /** Bumped by every change (optimistic concurrency: ETag / If-Match, expected_version). */
  version: number;
}
type TaskViewMatchesSchema = Expect<Equal<TaskView, z.infer<typeof taskSchema>>>;

export const historySchema = z.object({
  history_id: z.number(),
  from_status: taskStatus.nullable(),
  to_status: taskStatus,
  changed_by: z.string(),
  reason: z.string().nullable(),
  changed_at: z.string(),
});
/** One message of the task's thread (task_message), oldest first. */
export const taskMessageSchema = z.object({
  task_message_id: z.number(),
  message_id: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']),
  sender: z.string().nullable(),
  subject: z.string().nullable(),
  snippet: z.string().nullable(),
  received_at: z.string(),
  signal_id: z.number().nullable(),
});
export type TaskMessageView = z.infer<typeof taskMessageSchema>;
export const taskWithHistorySchema = taskSchema.extend({ history: z.array(historySchema), messages: z.array(taskMessageSchema) });
export const taskListSchema = z.object({ data: z.array(taskSchema), pagination: paginationSchema });
export type TaskList = z.infer<typeof taskListSchema>;
export const deleteResultSchema = z.object({ success: z.literal(true), taskId: z.string() });

export const executiveMetricsSchema = z.object({
  total_tasks: z.number(),
  red_tasks: z.number(),
  yellow_tasks: z.number(),
  green_tasks: z.number(),
  completed_tasks: z.number(),
  revenue_at_risk: z.number(),
  sla_violations: z.number(),
  tasks_last_24h: z.number(),
  sla_met_percentage: z.number(),
});
/** The metrics query's row without its org: plain for the same reason as TaskView (it is in the `workflow:metrics:updated` frame). */
export type ExecutiveMetrics = Omit<ExecutiveMetricsRow, 'org_id'>;
type ExecutiveMetricsMatchSchema = Expect<Equal<ExecutiveMetrics, z.infer<typeof executiveMetricsSchema>>>;

export const analyticsPointSchema = z.object({
  bucket: z.string(),
  start: z.string(),
  end: z.string(),
  created: z.number(),
  completed: z.number(),
  violations: z.number(),
  dollar_value_created: z.number(),
  dollar_value_completed: z.number(),
  avg_resolution_hours: z.number().nullable(),
});
export const analyticsSchema = z.object({
  granularity: z.enum(GRANULARITIES),
  tz: z.string(),
  from: z.string(),
  to: z.string(),
  points: z.array(analyticsPointSchema),
});
export type AnalyticsResult = z.infer<typeof analyticsSchema>;

export const categoryPerformanceSchema = z.object({
  workflow_category: z.string(),
  total_tasks: z.number(),
  open_tasks: z.number(),
  completed_tasks: z.number(),
  completion_rate: z.number(),
  avg_resolution_hrs: z.number().nullable(),
  sla_met_percentage: z.number(),
  efficiency_score: z.number(),
});
export const ownerWorkloadSchema = z.object({
  /** The owning user when the tasks have one (current_owner is then their name), else null. */
  owner_user_id: z.number().nullable(),
  current_owner: z.string().nullable(),
  open_tasks: z.number(),
  red_tasks: z.number(),
  yellow_tasks: z.number(),
  open_dollar_value: z.number(),
  pressure_score: z.number(),
});
export const realTimeSchema = z.object({
  open_red: z.number(),
  open_yellow: z.number(),
  open_green: z.number(),
  changes_last_hour: z.number(),
  created_last_24h: z.number(),
  breaches_open: z.number(),
});
export const patternSchema = z.object({
  pattern_id: z.number(),
  signature: z.string(),
  category: z.string(),
  example_subject: z.string().nullable(),
  occurrences: z.number(),
  first_seen: z.string(),
  last_seen: z.string(),
  avg_resolution_hrs: z.number().nullable(),
});
export const patternListSchema = z.object({ data: z.array(patternSchema), pagination: paginationSchema });
