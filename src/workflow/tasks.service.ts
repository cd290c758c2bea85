/**
 * Workflow task use cases, shared by the tRPC router and the REST mirrors. Each write owns one
 * transaction: the task change, its status history and its work events commit together.
 */
import { isDeepStrictEqual } from 'node:util';
import { resolveMe, type AuthContext } from '../shared/auth-context.js';
import type { Trx } from '../db/create-db.js';
import { sqlHelpers } from '../db/sql-helpers.js';
import type { RowUpdate, TaskStatus } from '../db/types.js';
import type { WorkflowDeps } from './workflow.deps.js';
import { cursorBy, paged, pagedJson, pageFrom } from '../shared/paging.js';
import { transact } from '../db/transact.js';
import { appendEvents, type NewWorkEvent } from '../outbox/work-events.repository.js';
import { badRequest, notFound, preconditionFailed } from '../shared/errors.js';
import { assertExpectedVersion, type ExpectedVersion } from '../shared/expected-version.js';
import { newTaskId } from '../shared/ids.js';
import {
  deleteTaskRow,
  findTask,
  insertHistory,
  insertTask,
  readTaskDetail,
  listPatterns,
  PATTERN_ORDER,
  listTasks,
  ownerNameOf,
  patternExists,
  signalExists,
  taskSortKey,
  toTaskView,
  updateTaskRowAt,
  type ResolvedFilter,
} from './tasks.repository.js';
import { requireActiveMember } from '../users/owner-check.js';
import { ownersByRules } from '../ingest/assignment.js';
import { listRoutingRules } from '../ingest/routing.repository.js';
import { taskAssignedEvent } from './task-assigned.js';
import { resolveBreachesOfTask } from '../sla/breaches.repository.js';
import { deleteItemComments } from '../comments/comments.repository.js';
import { firstResponseNextAt, planNewTaskFirstResponse, planNewTaskSla, settleTaskSla } from '../sla/task-sla.service.js';
import { listRules } from '../sla/rules.repository.js';
import { answeredFirstResponse } from '../sla/task-sla.js';
import { type CreateTaskInput, type ListTasksInput, type PatternsInput, type TaskView, type UpdateTaskInput } from './workflow.schemas.js';

type Deps = Pick<WorkflowDeps, 'database' | 'clock' | 'commitFeed'>;
const HOUR_MS = 3_600_000;

function taskEvent(name: string, task: TaskView, actor: string, at: string, extra: Record<string, unknown> = {}): NewWorkEvent {
  return {
    orgId: task.org_id,
    eventName: name,
    itemType: 'task', // as the SLA engine and ingestion write it: one name per kind of item
    itemId: task.task_id,
    actor,
    happenedAt: at,
    payload: {
      taskId: task.task_id,
      category: task.workflow_category,
      status: task.task_status,
      dollarValue: task.dollar_value,
      task,
      // May override `task` (task.deleted: null, the task is gone).
      ...extra,
    },
  };
}

/** Completion fields follow the status: COMPLETED stamps completed_at and resolution; leaving clears them. */
function completionFields(to: TaskStatus, createdAt: string, now: Date): Pick<RowUpdate<'workflow_tasks'>, 'completed_at' | 'resolution_hours'> {
  if (to !== 'COMPLETED') return { completed_at: null, resolution_hours: null };
  const hours = (now.getTime() - new Date(createdAt).getTime()) / HOUR_MS;
  return { completed_at: now.toISOString(), resolution_hours: Math.round(Math.max(0, hours) * 100) / 100 };
}

/**
 * Whether an update's value equals the stored one by what it means: money as a number (PostgreSQL's
 * numeric), instants as instants, JSON columns by content (an object's key order aside).
 */
function sameStoredValue(key: string, stored: unknown, next: unknown): boolean {
  if (stored === null || next === null) return stored === next;
  switch (key) {
    case 'dollar_value':
      return Number(stored) === next;
    case 'sla_deadline':
    case 'first_response_at':
      return Date.parse(String(stored)) === Date.parse(String(next));
    case 'entities':
    case 'tags':
      return isDeepStrictEqual(JSON.parse(String(stored)), JSON.parse(String(next)));
    default:
      return stored === next;
  }
}

/** Foreign ids in the input must name rows of the caller's org: a clear 400, never a constraint 500. */
async function checkReferences(trx: Trx, orgId: number, input: { signal_id?: number | null; pattern_id?: number | null }) {
  if (input.signal_id != null && !(await signalExists(trx, orgId, input.signal_id))) {
    throw badRequest(`signal_id: no signal ${input.signal_id}`, { fields: [{ field: 'signal_id', message: 'not found' }] });
  }
  if (input.pattern_id != null && !(await patternExists(trx, orgId, input.pattern_id))) {
    throw badRequest(`pattern_id: no pattern ${input.pattern_id}`, { fields: [{ field: 'pattern_id', message: 'not found' }] });
  }
}

/** A written row as the API answers it: with its owner's display name. */
async function viewOf(trx: Trx, row: Parameters<typeof toTaskView>[0]): Promise<TaskView> {
  return toTaskView({ ...row, owner_name: await ownerNameOf(trx, row.owner_user_id) });
}

/**
 * The new task's owner: the one given (checked), nobody for an explicit null, else what the
 * category's assignment rule gives (advancing a team's round-robin in this transaction).
 */
async function ownerOfNewTask(trx: Trx, orgId: number, input: CreateTaskInput): Promise<{ userId: number | null; via: 'manual' | 'rule' }> {
  if (input.owner_user_id != null) {
    await requireActiveMember(trx, orgId, input.owner_user_id, 'owner_user_id');
    return { userId: input.owner_user_id, via: 'manual' };
  }
  if (input.owner_user_id === null) return { userId: null, via: 'manual' };
  const [userId] = await ownersByRules(trx, orgId, await listRoutingRules(trx, orgId), [input.workflow_category]);
  return { userId: userId ?? null, via: 'rule' };
}

export async function createTask(deps: Deps, auth: AuthContext, input: CreateTaskInput): Promise<TaskView> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const priority = input.priority ?? 'NORMAL';
  const status = input.task_status ?? 'GREEN';
  return transact(deps, async (trx) => {
    await checkReferences(trx, auth.orgId, input);
    const owner = await ownerOfNewTask(trx, auth.orgId, input);
    // The window comes from the org's SLA rules (category, else priority) unless a deadline is given.
    const slaInput = {
      orgId: auth.orgId,
      category: input.workflow_category,
      priority,
      startMs: now.getTime(),
      nowMs: now.getTime(),
      explicitDeadline: input.sla_deadline ?? null,
      completed: status === 'COMPLETED',
    };
    const rules = await listRules(trx, auth.orgId, { activeOnly: true });
    const sla = await planNewTaskSla(trx, slaInput, rules);
    const firstResponse = await planNewTaskFirstResponse(trx, slaInput, rules);
    const org = await trx.selectFrom('org').select('currency').where('org_id', '=', auth.orgId).executeTakeFirstOrThrow();
    const row = await insertTask(trx, {
      task_id: newTaskId(now),
      org_id: auth.orgId,
      workflow_category: input.workflow_category,
      task_status: status,
      title: input.title,
      description: input.description ?? null,
      priority,
      current_owner: input.current_owner ?? null,
      owner_email: input.owner_email ?? null,
      owner_user_id: owner.userId,
      dollar_value: input.dollar_value ?? 0,
      currency: input.currency ?? org.currency,
      ...sla,
      ...firstResponse,
      // A task born inside its warning window or past its deadline escalates below, like any other.
      sla_status: 'ok',
      entities: JSON.stringify(input.entities ?? {}),
      customer_name: input.customer_name ?? null,
      po_number: input.po_number ?? null,
      quote_number: input.quote_number ?? null,
      source_type: input.source_type ?? 'api',
      source_message_id: input.source_message_id ?? null,
      source_sender: input.source_sender ?? null,
      source_subject: input.source_subject ?? null,
      source_received_at: input.source_received_at ?? null,
      signal_id: input.signal_id ?? null,
      pattern_id: input.pattern_id ?? null,
      category_reason: input.category_reason ?? null,
      tags: JSON.stringify(input.tags ?? []),
      created_by: auth.actor,
      created_at: at,
      updated_at: at,
      ...(status === 'COMPLETED' ? completionFields(status, at, now) : {}),
    });
    await insertHistory(trx, { orgId: auth.orgId, taskId: row.task_id, from: null, to: status, changedBy: auth.actor, reason: 'created', at });
    const task = await viewOf(trx, row);
    const events = [taskEvent('task.created', task, auth.actor, at)];
    if (status === 'COMPLETED') events.push(taskEvent('task.completed', task, auth.actor, at));
    if (owner.userId !== null) {
      events.push(
        taskAssignedEvent({ orgId: auth.orgId, taskId: row.task_id, title: row.title, ownerUserId: owner.userId, previousOwnerUserId: null, via: owner.via, actor: auth.actor, at }),
      );
    }
    await appendEvents(trx, events);
    return sla.sla_status === 'ok' ? task : viewOf(trx, await settleTaskSla(trx, row, 'ok', at));
  });
}

export async function getTask(deps: Pick<WorkflowDeps, 'database'>, auth: AuthContext, taskId: string) {
  const { row, history, messages } = await readTaskDetail(deps.database, auth.orgId, taskId);
  if (!row) throw notFound(`Task ${taskId}`);
  return { ...toTaskView(row), history, messages };
}

/**
 * Changes a task. With `expected` (If-Match / expected_version) only while it is at one of those
 * versions, else 412 and nothing written — checked again by the UPDATE itself, so the check and the
 * write cannot be split by another writer.
 */
export async function updateTask(deps: Deps, auth: AuthContext, input: UpdateTaskInput, expected?: ExpectedVersion): Promise<TaskView> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const u = input.updates;
  return transact(deps, async (trx) => {
    // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs the row lock.
    const before = await findTask(trx, auth.orgId, input.taskId, !deps.database.caps.singleWriter);
    if (!before) throw notFound(`Task ${input.taskId}`);
    // Before the no-change answer below: a stale editor learns so even when its change already holds.
    assertExpectedVersion(`Task ${input.taskId}`, before.version, expected);
    if (u.owner_user_id != null && u.owner_user_id !== before.owner_user_id) {
      await requireActiveMember(trx, auth.orgId, u.owner_user_id, 'owner_user_id');
    }

    // Only fields whose value actually changes are written and named in `changes`.
    const set: RowUpdate<'workflow_tasks'> = {};
    const changed: string[] = [];
    const assign = <K extends keyof typeof u & keyof RowUpdate<'workflow_tasks'>>(key: K, value: RowUpdate<'workflow_tasks'>[K]) => {
      if (value === undefined || sameStoredValue(key, before[key], value)) return;
      (set as Record<string, unknown>)[key] = value;
      changed.push(key);
    };
    assign('workflow_category', u.workflow_category);
    assign('title', u.title);
    assign('description', u.description);
    assign('priority', u.priority);
    assign('current_owner', u.current_owner);
    assign('owner_email', u.owner_email);
    assign('owner_user_id', u.owner_user_id);
    assign('dollar_value', u.dollar_value);
    assign('customer_name', u.customer_name);
    assign('po_number', u.po_number);
    assign('quote_number', u.quote_number);
    assign('category_reason', u.category_reason);
    assign('first_response_at', u.first_response_at);
    if (set.first_response_at !== undefined) {
      // A response recorded by hand answers the first-response promise like a reply by mail.
      const answered = set.first_response_at;
      if (answered && before.first_response_due_at) {
        set.first_response_status = answeredFirstResponse(Date.parse(answered), before.first_response_warn_at, before.first_response_due_at);
      }
      set.first_response_next_at = firstResponseNextAt({ ...before, first_response_at: answered ?? null, first_response_status: set.first_response_status ?? before.first_response_status });
    }
    assign('entities', u.entities === undefined ? undefined : JSON.stringify(u.entities));
    assign('tags', u.tags === undefined ? undefined : JSON.stringify(u.tags));
    // Moving the deadline re-derives the SLA state at once (settled below; the monitor takes over from there).
    assign('sla_deadline', u.sla_deadline);
    assign('task_status', u.task_status);
    const statusChanged = set.task_status !== undefined;
    if (set.task_status !== undefined) Object.assign(set, completionFields(set.task_status, before.created_at, now));
    // Everything given already holds: an idempotent write answers the task as it is, appends no
    // event and leaves updated_at alone (an empty `updates` is refused earlier, by the schema).
    if (changed.length === 0) return toTaskView(before);
    set.updated_at = at;

    const row = await updateTaskRowAt(trx, auth.orgId, input.taskId, set, expected);
    if (!row) throw await staleOrGone(trx, auth.orgId, input.taskId);
    const task = await viewOf(trx, row);
    const events = [taskEvent('task.updated', task, auth.actor, at, { changes: changed })];
    if (set.owner_user_id != null) {
      events.push(
        taskAssignedEvent({
          orgId: auth.orgId,
          taskId: row.task_id,
          title: row.title,
          ownerUserId: set.owner_user_id,
          previousOwnerUserId: before.owner_user_id,
          via: 'manual',
          actor: auth.actor,
          at,
        }),
      );
    }
    if (statusChanged) {
      const from = before.task_status;
      const to = row.task_status;
      await insertHistory(trx, { orgId: auth.orgId, taskId: input.taskId, from, to, changedBy: auth.actor, reason: input.reason ?? null, at });
      events.push(taskEvent('task.status_changed', task, auth.actor, at, { oldStatus: from, newStatus: to }));
      if (to === 'COMPLETED') events.push(taskEvent('task.completed', task, auth.actor, at, { resolutionHours: row.resolution_hours }));
    }
    await appendEvents(trx, events);
    const deadlineSet = set.sla_deadline !== undefined;
    const ruleInputsChanged = set.priority !== undefined || set.workflow_category !== undefined;
    if (!deadlineSet && !ruleInputsChanged && !statusChanged) return task;
    // The person's change is recorded first; any escalation it causes follows as the SLA monitor's.
    return viewOf(trx, await settleTaskSla(trx, row, before.sla_status, at, { deadlineSet, ruleInputsChanged }));
  });
}

/** The 412 (or 404) for a conditional write that matched no row. */
async function staleOrGone(trx: Trx, orgId: number, taskId: string) {
  const now = await findTask(trx, orgId, taskId);
  return now ? preconditionFailed(`Task ${taskId}`, now.version) : notFound(`Task ${taskId}`);
}

export async function deleteTask(deps: Deps, auth: AuthContext, taskId: string, expected?: ExpectedVersion): Promise<{ success: true; taskId: string }> {
  const at = deps.clock.now().toISOString();
  return transact(deps, async (trx) => {
    // History rows cascade with the task (comments name no table: deleted here); the counters follow through their triggers.
    const row = await deleteTaskRow(trx, auth.orgId, taskId, expected);
    if (!row) throw await staleOrGone(trx, auth.orgId, taskId);
    await deleteItemComments(trx, auth.orgId, 'task', taskId);
    // Recorded like any other change, so live boards drop the card and the metrics are pushed again;
    // the payload says what the task was (category, status, value) and `task` is null: it is gone.
    // Its open breaches end with it (else they would stay open, and on the Today panel, forever).
    const resolved = await resolveBreachesOfTask(trx, at, auth.orgId, taskId);
    await appendEvents(trx, [taskEvent('task.deleted', toTaskView(row), auth.actor, at, { task: null }), ...resolved]);
    return { success: true as const, taskId };
  });
}

/** A page of tasks: depends on the data only (no clock), so it is reused until the next commit. */
/** A list request with its defaults applied (`me` resolved): what a page depends on (and the cache key). */
export function normaliseListInput(auth: AuthContext, input: ListTasksInput) {
  const { owner_user_id, ...rest } = input?.filter ?? {};
  const ownerUserId = resolveMe(auth, owner_user_id);
  const filter: ResolvedFilter = ownerUserId === undefined ? rest : { ...rest, owner_user_id: ownerUserId };
  const sort = input?.sort ?? { field: 'created_at' as const, direction: 'desc' as const };
  return {
    filter,
    page: pageFrom(input?.pagination ?? {}, taskCursorScope(sort), 2),
    sort,
  };
}

/** Cursors of the task list are bound to the sort they were given for. */
const taskCursorScope = (sort: { field: string; direction: string }) => `tasks:${sort.field}:${sort.direction}`;

/**
 * A page of the task list as the API's JSON text (TaskList), its tasks serialised by the database:
 * with pg, decoding 50 rows into objects and encoding them again cost more than the statements.
 */
export async function taskPageJson(deps: Pick<WorkflowDeps, 'database'>, orgId: number, q: ReturnType<typeof normaliseListInput>): Promise<string> {
  const { rows, total } = await listTasks(deps.database, sqlHelpers(deps.database.engine), { orgId, ...q }, { as: 'json' });
  return pagedJson(
    rows.map((r) => r.j),
    (i) => JSON.parse(rows[i]!.j) as TaskView,
    q.page,
    total,
    { scope: taskCursorScope(q.sort), keyOf: (t) => taskSortKey(q.sort.field, t) },
  );
}

/** How many tasks an export reads per statement. */
const EXPORT_PAGE = 1_000;

/**
 * Every task the list's filters match, in its sort, a page at a time (each page seeks past the
 * last): what the CSV export streams. Paging input does not apply.
 */
export async function* taskExportPages(deps: Pick<WorkflowDeps, 'database'>, auth: AuthContext, input: ListTasksInput): AsyncGenerator<TaskView[]> {
  const q = normaliseListInput(auth, { ...input, pagination: { page: 1, limit: EXPORT_PAGE } });
  const h = sqlHelpers(deps.database.engine);
  let after: readonly (string | number | null)[] | undefined;
  for (;;) {
    const { rows } = await listTasks(deps.database, h, { orgId: auth.orgId, filter: q.filter, sort: q.sort, page: { page: 1, limit: EXPORT_PAGE, after } }, { count: false });
    const views = rows.map(toTaskView);
    if (views.length > 0) yield views;
    if (rows.length < EXPORT_PAGE) return;
    after = taskSortKey(q.sort.field, views[views.length - 1]!);
  }
}

export async function listPatternPage(deps: Pick<WorkflowDeps, 'database'>, auth: AuthContext, input: PatternsInput) {
  const page = pageFrom(input?.pagination ?? {}, PATTERN_ORDER);
  const { rows, total } = await listPatterns(deps.database.db, {
    orgId: auth.orgId,
    page,
    ...(input?.category !== undefined ? { category: input.category } : {}),
  });
  return paged(rows, page, total, cursorBy(PATTERN_ORDER));
}
