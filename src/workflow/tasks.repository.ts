import { sql, type Compilable, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database, DbOrTrx } from '../db/create-db.js';
import { deleteOlderThan, type PruneBatch } from '../db/prune.js';
import type { SqlHelpers } from '../db/sql-helpers.js';
import { insertParts } from '../db/statement-parts.js';
import { runShaped, shapedStatement, slot, type Slot } from '../db/statement-shapes.js';
import { taskMessagesQuery } from './task-messages.repository.js';
import { versionIn } from '../db/versions.js';
import type { ExpectedVersion } from '../shared/expected-version.js';
import type { DB, NewRow, Row, RowUpdate, TaskStatus } from '../db/types.js';
import { keysetAfter, seekPage } from '../db/keyset.js';
import { listOrder, pageOffset, type KeyValue, type PageQuery } from '../shared/paging.js';
import type { ListTasksInput, TaskView } from './workflow.schemas.js';

type TaskRow = Row<'workflow_tasks'>;
/** A task row read with its owner's display name (selectOwnerName). */
export type TaskRowNamed = TaskRow & { owner_name?: string | null };

/** The columns a task's API view is made of (toTaskView): what the list reads, and no more. */
export const TASK_VIEW_COLUMNS = [
  'task_id', 'org_id', 'workflow_category', 'task_status', 'title', 'description', 'priority', 'current_owner',
  'owner_email', 'owner_user_id', 'dollar_value', 'currency', 'sla_deadline', 'sla_status', 'sla_paused_at',
  'sla_warned_at', 'sla_breached_at', 'entities', 'customer_name', 'po_number', 'quote_number', 'source_type',
  'source_message_id', 'source_sender', 'source_subject', 'source_received_at', 'signal_id', 'pattern_id',
  'category_reason', 'tags', 'created_by', 'created_at', 'updated_at', 'first_response_at', 'completed_at',
  'resolution_hours', 'first_response_due_at', 'first_response_status', 'version',
] as const satisfies readonly (keyof TaskRow)[];
export type TaskViewRow = Pick<TaskRow, (typeof TASK_VIEW_COLUMNS)[number]> & { owner_name?: string | null };

/** How each key of a task's API view is written when the database builds its JSON (SqlHelpers.rowJson). */
type JsonKind = 'value' | 'time' | 'doc';

/**
 * The task's API view (toTaskView) as the database writes it, key by key in toTaskView's order:
 * times as the API's ISO text, the JSON columns as documents, owner_name looked up. The list sends
 * its pages in this form (test/task-json.test.ts proves it equals toTaskView of the same rows, on
 * both engines, and fits the response schema).
 */
const TASK_JSON: readonly (readonly [keyof TaskView, JsonKind])[] = [
  ['task_id', 'value'], ['org_id', 'value'], ['workflow_category', 'value'], ['task_status', 'value'], ['title', 'value'],
  ['description', 'value'], ['priority', 'value'], ['current_owner', 'value'], ['owner_email', 'value'], ['owner_user_id', 'value'],
  ['owner_name', 'value'], ['dollar_value', 'value'], ['currency', 'value'], ['sla_deadline', 'time'], ['sla_status', 'value'],
  ['sla_paused_at', 'time'], ['sla_warned_at', 'time'], ['sla_breached_at', 'time'], ['entities', 'doc'], ['customer_name', 'value'],
  ['po_number', 'value'], ['quote_number', 'value'], ['source_type', 'value'], ['source_message_id', 'value'], ['source_sender', 'value'],
  ['source_subject', 'value'], ['source_received_at', 'time'], ['signal_id', 'value'], ['pattern_id', 'value'], ['category_reason', 'value'],
  ['tags', 'doc'], ['created_by', 'value'], ['created_at', 'time'], ['updated_at', 'time'], ['first_response_at', 'time'],
  ['completed_at', 'time'], ['resolution_hours', 'value'], ['first_response_due_at', 'time'], ['first_response_status', 'value'], ['version', 'value'],
];
const TASK_JSON_KEYS = TASK_JSON.map(([k]) => k);
const TASK_JSON_DOCS = TASK_JSON.filter(([, kind]) => kind === 'doc').map(([k]) => k);

/** A task as its API JSON (taskJsonRows), with its id to put the page back in order. */
export interface TaskJsonRow {
  task_id: string;
  j: string;
}

/** `select task_id, <the task's API JSON> as j` over the workflow_tasks rows `where` picks. */
function taskJsonQuery(db: DbOrTrx, h: SqlHelpers, where: (q: SelectQueryBuilder<DB, 'workflow_tasks', {}>) => SelectQueryBuilder<DB, 'workflow_tasks', {}>) {
  const view = where(db.selectFrom('workflow_tasks')).select((eb) =>
    TASK_JSON.map(([k, kind]) => {
      if (k === 'owner_name') return ownerName(eb);
      const column = sql.ref(`workflow_tasks.${k}`);
      return (kind === 'time' ? h.jsonTime(column) : kind === 'doc' ? h.jsonDoc(column) : column).as(k);
    }),
  );
  return db.selectFrom(view.as('v')).select([sql<string>`v.task_id`.as('task_id'), h.rowJson('v', TASK_JSON_KEYS, TASK_JSON_DOCS).as('j')]).$castTo<TaskJsonRow>();
}

/** `owner_name`: the display name of a workflow_tasks row's owner, or null. */
function ownerName(eb: ExpressionBuilder<DB, 'workflow_tasks'>) {
  return eb.selectFrom('app_user as ou').select('ou.name').whereRef('ou.user_id', '=', 'workflow_tasks.owner_user_id').as('owner_name');
}

/** Adds `owner_name` (the owner's display name, or null) to a select of workflow_tasks rows. */
export function selectOwnerName<O>(q: SelectQueryBuilder<DB, 'workflow_tasks', O>) {
  return q.select(ownerName);
}

/** The display name of a task's owner (null without one): for rows that come back from a write. */
export async function ownerNameOf(db: DbOrTrx, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const r = await db.selectFrom('app_user').select('name').where('user_id', '=', userId).executeTakeFirst();
  return r?.name ?? null;
}

/** The one conversion from a stored row to the API's task (JSON columns parsed). */
export function toTaskView(r: TaskViewRow): TaskView {
  return {
    task_id: r.task_id,
    org_id: r.org_id,
    workflow_category: r.workflow_category,
    task_status: r.task_status,
    title: r.title,
    description: r.description,
    priority: r.priority,
    current_owner: r.current_owner,
    owner_email: r.owner_email,
    owner_user_id: r.owner_user_id,
    owner_name: r.owner_name ?? null,
    dollar_value: Number(r.dollar_value),
    currency: r.currency,
    sla_deadline: r.sla_deadline,
    sla_status: r.sla_status,
    sla_paused_at: r.sla_paused_at,
    sla_warned_at: r.sla_warned_at,
    sla_breached_at: r.sla_breached_at,
    entities: JSON.parse(r.entities) as Record<string, unknown>,
    customer_name: r.customer_name,
    po_number: r.po_number,
    quote_number: r.quote_number,
    source_type: r.source_type,
    source_message_id: r.source_message_id,
    source_sender: r.source_sender,
    source_subject: r.source_subject,
    source_received_at: r.source_received_at,
    signal_id: r.signal_id,
    pattern_id: r.pattern_id,
    category_reason: r.category_reason,
    tags: JSON.parse(r.tags) as string[],
    created_by: r.created_by,
    created_at: r.created_at,
    updated_at: r.updated_at,
    first_response_at: r.first_response_at,
    completed_at: r.completed_at,
    resolution_hours: r.resolution_hours,
    first_response_due_at: r.first_response_due_at,
    first_response_status: r.first_response_status,
    version: r.version,
  };
}

export async function insertTask(db: DbOrTrx, row: NewRow<'workflow_tasks'>): Promise<TaskRow> {
  return db.insertInto('workflow_tasks').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Rows per INSERT: 40 columns × 512 rows stays under SQLite's 32,766 bound parameters. */
const TASK_CHUNK = 512;
const HISTORY_CHUNK = 1000;

/**
 * New tasks and their status-history rows, set-based (hundreds per statement, in power-of-two parts:
 * see statement-parts.ts) in the caller's transaction. Ingestion writes its tasks here, so anything
 * that must change with every new task hooks in here, in the same transaction (the per-status
 * counters are kept by triggers).
 */
export async function insertTasksWithHistory(
  db: DbOrTrx,
  tasks: Array<NewRow<'workflow_tasks'>>,
  history: Array<NewRow<'workflow_status_history'>>,
): Promise<void> {
  for (const q of insertParts(db, 'workflow_tasks', tasks, TASK_CHUNK)) await q.execute();
  await insertHistoryRows(db, history);
}

/** Status-history rows, set-based. */
export async function insertHistoryRows(db: DbOrTrx, rows: Array<NewRow<'workflow_status_history'>>): Promise<void> {
  for (const q of insertParts(db, 'workflow_status_history', rows, HISTORY_CHUNK)) await q.execute();
}

/** One task of one org; `lock` takes a row lock where the engine has them (PostgreSQL). */
export async function findTask(db: DbOrTrx, orgId: number, taskId: string, lock = false): Promise<TaskRowNamed | undefined> {
  let q = selectOwnerName(db.selectFrom('workflow_tasks').selectAll()).where('org_id', '=', orgId).where('task_id', '=', taskId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * A task with its owner's name, its status history and its message thread: what `workflow.get`
 * answers. Hot reads: each statement is compiled once and runs prepared (statement-shapes.ts).
 */
export async function readTaskDetail(database: Pick<Database, 'db' | 'executePrepared'>, orgId: number, taskId: string) {
  const { db } = database;
  const org = slot('org');
  const task = slot('task');
  const values = new Map<Slot, unknown>([[org, orgId], [task, taskId]]);
  const [row, history, messages] = await Promise.all([
    runShaped(database, 'tasks.detail', () => selectOwnerName(db.selectFrom('workflow_tasks').select(TASK_VIEW_COLUMNS)).where('org_id', '=', org as unknown as number).where('task_id', '=', task), values),
    runShaped(
      database,
      'tasks.detail.history',
      () =>
        db
          .selectFrom('workflow_status_history')
          .select(['history_id', 'from_status', 'to_status', 'changed_by', 'reason', 'changed_at'])
          .where('org_id', '=', org as unknown as number)
          .where('task_id', '=', task)
          .orderBy('history_id'),
      values,
    ),
    runShaped(database, 'tasks.detail.messages', () => taskMessagesQuery(db, org as unknown as number, task), values),
  ]);
  return { row: row.rows[0], history: history.rows, messages: messages.rows };
}

/** Tasks of one org by id (those that exist). */
export async function findTasks(db: DbOrTrx, orgId: number, taskIds: string[]): Promise<TaskRow[]> {
  const out: TaskRow[] = [];
  const unique = [...new Set(taskIds)];
  for (let i = 0; i < unique.length; i += 500) {
    out.push(...(await db.selectFrom('workflow_tasks').selectAll().where('org_id', '=', orgId).where('task_id', 'in', unique.slice(i, i + 500)).execute()));
  }
  return out;
}

export async function updateTaskRow(db: DbOrTrx, orgId: number, taskId: string, set: RowUpdate<'workflow_tasks'>): Promise<TaskRow> {
  const row = await updateTaskRowAt(db, orgId, taskId, set, undefined);
  if (!row) throw new Error(`task ${taskId} of org ${orgId} is gone`);
  return row;
}

/** Changes one task only while it is at an expected version (if any): undefined when it is not (or is gone). */
export async function updateTaskRowAt(
  db: DbOrTrx,
  orgId: number,
  taskId: string,
  set: RowUpdate<'workflow_tasks'>,
  expected: ExpectedVersion,
): Promise<TaskRow | undefined> {
  return db
    .updateTable('workflow_tasks')
    .set(set)
    .where('org_id', '=', orgId)
    .where('task_id', '=', taskId)
    .$if(expected !== undefined, (q) => q.where(versionIn('version', expected!)))
    .returningAll()
    .executeTakeFirst();
}

/** Deletes one task of one org (only at an expected version, if any); the row as it was, or undefined when none was deleted. */
export async function deleteTaskRow(db: DbOrTrx, orgId: number, taskId: string, expected?: ExpectedVersion): Promise<TaskRow | undefined> {
  return db
    .deleteFrom('workflow_tasks')
    .where('org_id', '=', orgId)
    .where('task_id', '=', taskId)
    .$if(expected !== undefined, (q) => q.where(versionIn('version', expected!)))
    .returningAll()
    .executeTakeFirst();
}

export async function insertHistory(
  db: DbOrTrx,
  row: { orgId: number; taskId: string; from: TaskStatus | null; to: TaskStatus; changedBy: string; reason: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('workflow_status_history')
    .values({
      org_id: row.orgId,
      task_id: row.taskId,
      from_status: row.from,
      to_status: row.to,
      changed_by: row.changedBy,
      reason: row.reason,
      changed_at: row.at,
    })
    .execute();
}

/** Retention: status history rows older than the cutoff, one bounded statement (the task itself stays). */
export const pruneStatusHistory = (db: DbOrTrx, b: PruneBatch): Promise<number> =>
  deleteOlderThan(db, 'workflow_status_history', 'history_id', 'changed_at', b);

// ------------------------------------------------------------------ list
/** The list filter with `owner_user_id: "me"` already resolved to the caller's user id. */
type Filter = Omit<NonNullable<NonNullable<ListTasksInput>['filter']>, 'owner_user_id'> & { owner_user_id?: number };
export type ResolvedFilter = Filter;
type Sort = NonNullable<NonNullable<ListTasksInput>['sort']>;

/**
 * Severity order for sorting by status (RED first ascending); text order would put COMPLETED first.
 * Written exactly as migration 0030 indexes it (an expression index serves an ORDER BY only with
 * the same expression).
 */
export const statusRank = sql<number>`case task_status when 'RED' then 0 when 'YELLOW' then 1 when 'GREEN' then 2 else 3 end`;

function applyFilter<O>(h: SqlHelpers, q: SelectQueryBuilder<DB, 'workflow_tasks', O>, orgId: number, f: Filter) {
  let out = q.where('org_id', '=', orgId);
  if (f.category !== undefined) out = out.where('workflow_category', '=', f.category);
  if (f.status !== undefined) out = out.where('task_status', '=', f.status);
  if (f.owner !== undefined) out = out.where('current_owner', '=', f.owner);
  if (f.owner_user_id !== undefined) out = out.where('owner_user_id', '=', f.owner_user_id);
  if (f.priority !== undefined) out = out.where('priority', '=', f.priority);
  if (f.from !== undefined) out = out.where('created_at', '>=', f.from);
  if (f.to !== undefined) out = out.where('created_at', '<', f.to);
  if (f.search !== undefined) {
    const term = f.search;
    out = out.where((eb) => eb.or([h.containsText(eb.ref('title'), term), h.jsonValuesContain(eb.ref('entities'), term)]));
  }
  return out;
}

/** Filters the per-status counters can answer without touching the task rows. */
function countableByCounters(f: Filter): boolean {
  return Object.entries(f).every(([k, v]) => v === undefined || k === 'status' || k === 'category');
}

/** The sort key of a task row in the list's order (what a cursor holds): the sort value, then the id. */
export function taskSortKey(field: Sort['field'], row: Pick<TaskView, 'task_id' | 'task_status' | 'sla_deadline' | 'created_at' | 'updated_at' | 'dollar_value' | 'priority'>): [string | number | null, string] {
  switch (field) {
    case 'status':
      return [STATUS_RANK[row.task_status] ?? 3, row.task_id];
    case 'sla_deadline':
      return [row.sla_deadline, row.task_id];
    default:
      return [row[field], row.task_id];
  }
}

const STATUS_RANK: Record<string, number> = { RED: 0, YELLOW: 1, GREEN: 2, COMPLETED: 3 };

type ListQuery = { orgId: number; filter: ResolvedFilter; page: PageQuery; sort: Sort };
type Reader = Pick<Database, 'db' | 'executePrepared'>;

/**
 * A page of the task list (its filters, sort, page or cursor) and, unless `count: false`, how many
 * tasks match. `as: 'json'`: each row as the task's API JSON built by the database (TaskJsonRow)
 * instead of its columns.
 */
export async function listTasks(database: Reader, h: SqlHelpers, q: ListQuery, opts: { count?: boolean; as: 'json' }): Promise<{ rows: TaskJsonRow[]; total: number }>;
export async function listTasks(database: Reader, h: SqlHelpers, q: ListQuery, opts?: { count?: boolean; as?: 'rows' }): Promise<{ rows: TaskViewRow[]; total: number }>;
export async function listTasks(
  database: Reader,
  h: SqlHelpers,
  q: ListQuery,
  opts: { count?: boolean; as?: 'rows' | 'json' } = {},
): Promise<{ rows: (TaskViewRow | TaskJsonRow)[]; total: number }> {
  const { db } = database;
  const dir = q.sort.direction;
  // Every statement runs prepared (its text depends on the filters and sort used, not on their
  // values nor on how many ids a page has): on PostgreSQL planning cost about as much as running.
  // And each is compiled once per shape (statement-shapes.ts), its values put into slots: all but
  // a text search, whose term becomes a pattern before it is bound.
  const slotted = q.filter.search === undefined;
  const values = new Map<Slot, unknown>();
  /** The value itself when the statement is built per call; else a slot, with the value noted for it. */
  const val = <T>(name: string, v: T): T => {
    if (!slotted) return v;
    values.set(slot(name), v);
    return slot(name) as unknown as T;
  };
  const filter = Object.fromEntries(Object.entries(q.filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, k === 'search' ? v : val(k, v)])) as ResolvedFilter;
  const filterShape = Object.keys(filter).sort().join(',');
  const orgId = val('org', q.orgId);
  const run = <R>(shape: string, build: () => Compilable<R>) =>
    database.executePrepared(slotted ? shapedStatement(db, `tasks.${shape}|${filterShape}`, build, values) : build());

  // Two steps: the page's ids first, from the index that matches filter and sort (index-only on
  // PostgreSQL, covering on SQLite), so a deep OFFSET skips index entries without visiting 25k table
  // rows; then the page's rows by primary key, put back in the ids' order. With a cursor the first
  // step seeks straight to the row after it.
  const sortExpr = q.sort.field === 'status' ? statusRank : sql.ref(q.sort.field === 'sla_deadline' ? 'sla_deadline' : q.sort.field);
  const nullable = q.sort.field === 'sla_deadline';
  /** `after`: the rows after a key; 'later' excludes the NULL deadlines that follow it, 'nulls' is those alone. */
  const idsQuery = (after: readonly KeyValue[] | undefined, limit: number, part?: 'later' | 'nulls') => {
    // The text depends on the sort, the part, and whether the key's first value is NULL (keysetAfter).
    const shape = `ids|${q.sort.field}:${dir}|${part ?? ''}|${after ? `${after.length}:${after[0] === null ? 'null' : 'value'}` : 'offset'}`;
    const afterValues = after?.map((v, i) => val(`after${i}`, v));
    const limitValue = val('limit', limit);
    const offsetValue = val('offset', after || part ? 0 : pageOffset(q.page));
    return run(shape, () => {
      let idsQ = applyFilter(h, db.selectFrom('workflow_tasks').select('task_id'), orgId, filter);
      if (part === 'nulls') idsQ = idsQ.where('sla_deadline', 'is', null);
      else if (afterValues) idsQ = idsQ.where(keysetAfter([sortExpr, sql.ref('task_id')], dir, afterValues, { firstNullsLast: nullable && part !== 'later' }));
      switch (q.sort.field) {
        case 'status':
          idsQ = idsQ.orderBy(statusRank, dir);
          break;
        case 'sla_deadline':
          // Deadlines can be NULL: last in both directions, on both engines (their defaults differ).
          idsQ = idsQ.orderBy('sla_deadline', (ob) => (dir === 'asc' ? ob.asc() : ob.desc()).nullsLast());
          break;
        default:
          // priority sorts by its text, which is also its severity order: CRITICAL < HIGH < MEDIUM < NORMAL.
          idsQ = idsQ.orderBy(q.sort.field, dir);
      }
      return idsQ.orderBy('task_id', dir).limit(limitValue).offset(offsetValue);
    });
  };
  const pageIds = async (): Promise<string[]> => {
    const after = q.page.after;
    if (!nullable || !after || after[0] === null) return (await idsQuery(after, q.page.limit)).rows.map((r) => r.task_id);
    // After a deadline come the later deadlines, then every task without one. As one condition
    // (`(d, id) > (…) or d is null`) neither engine can seek the index: SQLite walked all 25,000
    // matching entries for each deep page. As two seeks: the later deadlines (a NULL never compares
    // greater), then, only when the page is not full yet, the NULLs from the first.
    const ids = (await idsQuery(after, q.page.limit, 'later')).rows.map((r) => r.task_id);
    if (ids.length === q.page.limit) return ids;
    const { rows: nulls } = await idsQuery(undefined, q.page.limit - ids.length, 'nulls');
    return ids.concat(nulls.map((r) => r.task_id));
  };
  const pageRows = async (): Promise<(TaskViewRow | TaskJsonRow)[]> => {
    const ids = await pageIds();
    if (ids.length === 0) return [];
    const slots = new Map<Slot, unknown>([[slot('org'), q.orgId], [slot('ids'), h.textKeys(ids)]]);
    const thePage = <S extends SelectQueryBuilder<DB, 'workflow_tasks', {}>>(w: S) =>
      w.where('org_id', '=', slot('org') as unknown as number).where((eb) => h.textIn(eb.ref('task_id'), sql.val(slot('ids'))));
    // The same statement for every list, whatever its filters: org and ids only.
    const { rows } = await database.executePrepared<TaskViewRow | TaskJsonRow>(
      opts.as === 'json'
        ? shapedStatement(db, 'tasks.json', () => taskJsonQuery(db, h, thePage), slots)
        : shapedStatement(db, 'tasks.rows', () =>
            // The view's columns by name, not `*`: fewer values to decode, and a prepared statement's
            // result keeps its shape when a later migration adds a column.
            thePage(selectOwnerName(db.selectFrom('workflow_tasks').select(TASK_VIEW_COLUMNS))),
          slots),
    );
    const byId = new Map(rows.map((r) => [r.task_id, r]));
    // A row deleted between the two reads is simply absent from this page.
    return ids.flatMap((id) => byId.get(id) ?? []);
  };

  const total = async (): Promise<number> => {
    if (!countableByCounters(q.filter)) {
      const { rows } = await run('count', () => applyFilter(h, db.selectFrom('workflow_tasks').select((eb) => eb.fn.countAll<number>().as('n')), orgId, filter));
      return Number(rows[0]?.n ?? 0);
    }
    const { rows } = await run('counters', () => {
      let c = db
        .selectFrom('workflow_task_counters')
        .select(sql<number>`coalesce(sum(tasks), 0)`.as('n'))
        .where('org_id', '=', orgId);
      if (filter.category !== undefined) c = c.where('workflow_category', '=', filter.category);
      if (filter.status !== undefined) c = c.where('task_status', '=', filter.status);
      return c;
    });
    return Number(rows[0]?.n ?? 0);
  };

  if (opts.count === false) return { rows: await pageRows(), total: -1 };
  const [rows, n] = await Promise.all([pageRows(), total()]);
  return { rows, total: n };
}

// ------------------------------------------------------------------ patterns
/** Most frequent first, then newest (what the list's cursors hold). */
export const PATTERN_ORDER = listOrder('patterns', ['occurrences', 'pattern_id'] as const, 'desc');

export async function listPatterns(db: DbOrTrx, q: { orgId: number; category?: string; page: PageQuery }) {
  let base = db.selectFrom('workflow_patterns').where('org_id', '=', q.orgId);
  if (q.category !== undefined) base = base.where('category', '=', q.category);
  const [rows, count] = await Promise.all([
    seekPage(
      base.select(['pattern_id', 'signature', 'category', 'example_subject', 'occurrences', 'first_seen', 'last_seen', 'avg_resolution_hrs']),
      PATTERN_ORDER,
      { ...q.page, offset: pageOffset(q.page) },
    ).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * Records one more occurrence of a pattern; returns its id. (Ingestion records a whole chunk's
 * occurrences at once with upsertPatterns.)
 */
export async function recordPatternOccurrence(
  db: DbOrTrx,
  p: { orgId: number; signature: string; category: string; exampleSubject: string | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('workflow_patterns')
    .values({
      org_id: p.orgId,
      signature: p.signature,
      category: p.category,
      example_subject: p.exampleSubject,
      occurrences: 1,
      first_seen: p.at,
      last_seen: p.at,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'signature']).doUpdateSet((eb) => ({
        occurrences: sql`${eb.ref('workflow_patterns.occurrences')} + 1`,
        last_seen: eb.ref('excluded.last_seen'),
      })),
    )
    .returning('pattern_id')
    .executeTakeFirstOrThrow();
  return row.pattern_id;
}

export interface PatternOccurrence {
  signature: string;
  category: string;
  exampleSubject: string | null;
  at: string;
}

/** Patterns per INSERT (7 columns). */
const PATTERN_CHUNK = 512;

/**
 * Records many occurrences set-based: aggregated per signature first (one statement may not update
 * a row twice; the first occurrence gives category and example subject), then upserted, adding the
 * occurrences and widening first/last seen. Returns pattern ids by signature.
 */
export async function upsertPatterns(db: DbOrTrx, orgId: number, occurrences: PatternOccurrence[]): Promise<Map<string, number>> {
  const agg = new Map<string, NewRow<'workflow_patterns'> & { occurrences: number; first_seen: string; last_seen: string }>();
  for (const o of occurrences) {
    const a = agg.get(o.signature);
    if (!a) {
      agg.set(o.signature, {
        org_id: orgId,
        signature: o.signature,
        category: o.category,
        example_subject: o.exampleSubject,
        occurrences: 1,
        first_seen: o.at,
        last_seen: o.at,
      });
    } else {
      a.occurrences += 1;
      if (o.at < a.first_seen) a.first_seen = o.at;
      if (o.at > a.last_seen) a.last_seen = o.at;
    }
  }
  const ids = new Map<string, number>();
  for (const q of insertParts(db, 'workflow_patterns', [...agg.values()], PATTERN_CHUNK)) {
    const rows = await q
      .onConflict((oc) =>
        oc.columns(['org_id', 'signature']).doUpdateSet({
          occurrences: sql`workflow_patterns.occurrences + excluded.occurrences`,
          first_seen: sql`case when excluded.first_seen < workflow_patterns.first_seen then excluded.first_seen else workflow_patterns.first_seen end`,
          last_seen: sql`case when excluded.last_seen > workflow_patterns.last_seen then excluded.last_seen else workflow_patterns.last_seen end`,
        }),
      )
      .returning(['pattern_id', 'signature'])
      .execute();
    for (const r of rows) ids.set(r.signature, r.pattern_id);
  }
  return ids;
}

/** Sets each of the org's patterns' average resolution hours from its completed tasks, in one statement. */
export async function refreshPatternResolutionHours(db: DbOrTrx, orgId: number): Promise<void> {
  await db
    .updateTable('workflow_patterns')
    .set((eb) => ({
      avg_resolution_hrs: eb
        .selectFrom('workflow_tasks as t')
        .select((x) => x.fn.avg<number>('t.resolution_hours').as('avg'))
        .whereRef('t.org_id', '=', 'workflow_patterns.org_id')
        .whereRef('t.pattern_id', '=', 'workflow_patterns.pattern_id')
        .where('t.task_status', '=', 'COMPLETED'),
    }))
    .where('org_id', '=', orgId)
    .execute();
}

export async function patternExists(db: DbOrTrx, orgId: number, patternId: number): Promise<boolean> {
  return !!(await db.selectFrom('workflow_patterns').select('pattern_id').where('org_id', '=', orgId).where('pattern_id', '=', patternId).executeTakeFirst());
}

export async function signalExists(db: DbOrTrx, orgId: number, signalId: number): Promise<boolean> {
  return !!(await db.selectFrom('signal').select('signal_id').where('org_id', '=', orgId).where('signal_id', '=', signalId).executeTakeFirst());
}

// ------------------------------------------------------------------ owners
/** Open tasks (not COMPLETED) of the org owned by a user, counted through the owner index. */
export async function countOpenTasksOf(db: DbOrTrx, orgId: number, userId: number): Promise<number> {
  const r = await db
    .selectFrom('workflow_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('owner_user_id', '=', userId)
    .where('task_status', '<>', 'COMPLETED')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Moves every open task of `from` to `to` (or nobody) in one statement; answers those moved. */
export async function moveOpenTasks(
  db: DbOrTrx,
  m: { orgId: number; from: number; to: number | null; now: string },
): Promise<Array<{ task_id: string; title: string }>> {
  return db
    .updateTable('workflow_tasks')
    .set({ owner_user_id: m.to, updated_at: m.now })
    .where('org_id', '=', m.orgId)
    .where('owner_user_id', '=', m.from)
    .where('task_status', '<>', 'COMPLETED')
    .returning(['task_id', 'title'])
    .execute();
}
