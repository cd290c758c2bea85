/**
 * One parsed chunk → a handful of multi-row statements in the caller's transaction, each through the
 * repository of the domain that owns the table: signals (ON CONFLICT DO NOTHING on the per-org dedupe
 * key), then which messages answer a task's thread (ingest.threads.ts), patterns (upsert), tasks with
 * their first status-history rows, breaches of mail that arrives already late, the thread rows and
 * what replies change (reopening, first response), work events, then the batch items.
 */
import type { Trx } from '../db/create-db.js';
import { statementPartsFor } from '../db/statement-parts.js';
import type { NewRow, TaskStatus } from '../db/types.js';
import { appendEvents, type NewWorkEvent } from '../outbox/work-events.repository.js';
import { MIN_INSTANT_YEAR } from '../shared/iso-instant.js';
import { FIRST_RESPONSE_METRIC, recordBreachesWithoutEvents, type NewBreach } from '../sla/breaches.repository.js';
import { pickTaskRule, type SlaRule } from '../sla/rules.repository.js';
import { escalatedStatus, planFirstResponse, planTaskSla, type FirstResponsePlan, type TaskSlaPlan } from '../sla/task-sla.js';
import { insertTasksWithHistory, upsertPatterns } from '../workflow/tasks.repository.js';
import { taskAssignedEvent } from '../workflow/task-assigned.js';
import { insertNewSignals, signalIdsByDedupeKey, type SignalFields } from '../workstream/signals.repository.js';
import type { AnalysedMessage, ParseResult } from './analyse.js';
import { insertItems, type BatchCounts } from './batch.repository.js';
import { planThreads, writeThreads, type ThreadSettings } from './ingest.threads.js';
import { ownersByRules } from './assignment.js';

/** One message's outcome, as the ingestion answer lists it. */
export interface IngestItemSummary {
  seq: number;
  outcome: 'created' | 'signal_only' | 'duplicate' | 'failed';
  message_id: string | null;
  signal_id: number | null;
  task_id: string | null;
  reason: string | null;
}
import { routeFor, type RoutingRule } from './routing.repository.js';

/** What every chunk of one batch writes with. */
export interface Env {
  orgId: number;
  actor: string;
  batchId: number;
  currency: string;
  slaRules: SlaRule[];
  routes: RoutingRule[];
  threading: ThreadSettings;
}

/** Kept in memory across chunks: dedupe within the batch and counts. */
export interface State {
  seen: Set<string>;
  counts: BatchCounts;
  items: IngestItemSummary[];
  keepItems: number;
}

/** Signals per INSERT: 16 columns × 512 stays far under SQLite's 32,766 parameters. */
const SIGNAL_CHUNK = 512;
const EVENT_CHUNK = 1000;

/** One chunk's write: its transaction, clock reading and the batch items it collects. */
interface Chunk {
  trx: Trx;
  env: Env;
  state: State;
  nowDate: Date;
  now: string;
  nowMs: number;
  items: Array<NewRow<'ingest_batch_item'>>;
}

interface ItemExtra {
  signal_id?: number | null;
  task_id?: string | null;
  reason?: string | null;
  dedupe_key?: string | null;
}

type ReceivedAt = Map<AnalysedMessage, string>;

/** One chunk of parsed messages → a few multi-row statements in the caller's transaction. */
export async function writeChunk(trx: Trx, env: Env, state: State, results: ParseResult[], nowDate: Date): Promise<void> {
  const c: Chunk = { trx, env, state, nowDate, now: nowDate.toISOString(), nowMs: nowDate.getTime(), items: [] };
  const candidates = settleUnwritable(c, results);
  const fresh = await settleKnown(c, candidates);
  const receivedAt = receivedTimes(fresh, c.nowMs);
  const { created, signalIds } = await writeSignals(c, fresh, receivedAt);
  const threadCtx = { trx, orgId: env.orgId, actor: env.actor, batchId: env.batchId, nowDate, now: c.now, threading: env.threading };
  const plan = await planThreads(threadCtx, created, receivedAt);
  const creators = [...plan.creators.keys()];
  const patternIds = await upsertPatterns(
    trx,
    env.orgId,
    creators.map((m) => ({ signature: m.signature, category: m.category, exampleSubject: m.subject.slice(0, 300) || null, at: receivedAt.get(m)! })),
  );
  const { events } = await writeTasks(c, creators, plan.creators, receivedAt, signalIds, patternIds);
  events.push(...(await writeThreads(threadCtx, plan, receivedAt, signalIds, env.slaRules)));
  state.counts.not_actionable += plan.signalOnly.size;
  const attachedTo = new Map(plan.attached.map((a) => [a.m, a]));
  for (const m of created) {
    const signalId = signalIds.get(m.dedupeKey)!;
    events.push(signalCreatedEvent(c, m, signalId));
    const taskId = plan.creators.get(m);
    const reply = attachedTo.get(m);
    if (taskId) record(c, m, 'created', { dedupe_key: m.dedupeKey, signal_id: signalId, task_id: taskId });
    else if (reply) record(c, m, 'signal_only', { dedupe_key: m.dedupeKey, signal_id: signalId, task_id: reply.taskId, reason: `${reply.direction} reply: threaded onto its task` });
    else record(c, m, 'signal_only', { dedupe_key: m.dedupeKey, signal_id: signalId, reason: plan.signalOnly.get(m) ?? m.notActionable ?? null });
  }
  for (const part of statementPartsFor(trx, events, EVENT_CHUNK)) await appendEvents(trx, part);
  c.items.sort((a, b) => a.seq - b.seq);
  await insertItems(trx, c.items);
}

/** A batch item for the message, and its summary while the batch keeps them. */
function record(c: Chunk, r: ParseResult, outcome: IngestItemSummary['outcome'], extra: ItemExtra): void {
  const ok = r.ok ? r : undefined;
  c.items.push({
    org_id: c.env.orgId,
    batch_id: c.env.batchId,
    seq: r.seq,
    outcome,
    message_id: r.messageId,
    dedupe_key: extra.dedupe_key ?? null,
    subject: (r.subject ?? '').slice(0, 500) || null,
    sender: ok?.fromAddress ?? null,
    signal_id: extra.signal_id ?? null,
    task_id: extra.task_id ?? null,
    reason: extra.reason ?? null,
    created_at: c.now,
  });
  if (c.state.items.length < c.state.keepItems) {
    c.state.items.push({ seq: r.seq, outcome, message_id: r.messageId, signal_id: extra.signal_id ?? null, task_id: extra.task_id ?? null, reason: extra.reason ?? null });
  }
}

function duplicate(c: Chunk, m: AnalysedMessage, reason: string, signalId: number | null = null): void {
  c.state.counts.duplicates += 1;
  record(c, m, 'duplicate', { dedupe_key: m.dedupeKey, signal_id: signalId, reason });
}

/** 1. Failed messages and in-batch repeats need no lookup; returns the rest. */
function settleUnwritable(c: Chunk, results: ParseResult[]): AnalysedMessage[] {
  const candidates: AnalysedMessage[] = [];
  for (const r of results) {
    if (!r.ok) {
      c.state.counts.failed += 1;
      record(c, r, 'failed', { reason: r.reason });
    } else if (c.state.seen.has(r.dedupeKey)) {
      duplicate(c, r, 'repeated within this batch');
    } else {
      c.state.seen.add(r.dedupeKey);
      candidates.push(r);
    }
  }
  return candidates;
}

/** 2. Already ingested earlier (any batch): duplicates, with the signal they match. Returns the rest. */
async function settleKnown(c: Chunk, candidates: AnalysedMessage[]): Promise<AnalysedMessage[]> {
  const existing = await signalIdsByDedupeKey(
    c.trx,
    c.env.orgId,
    candidates.map((m) => m.dedupeKey),
  );
  for (const m of candidates) {
    const signalId = existing.get(m.dedupeKey);
    if (signalId !== undefined) duplicate(c, m, 'already ingested', signalId);
  }
  return candidates.filter((m) => !existing.has(m.dedupeKey));
}

/**
 * Received time is the Date header, never in the future of our clock; a header dated before the
 * year 1000 (forged or broken) counts as no date, as the API refuses such instants.
 */
function receivedTimes(msgs: AnalysedMessage[], nowMs: number): ReceivedAt {
  const receivedAt: ReceivedAt = new Map();
  for (const m of msgs) {
    const dated = m.dateMs !== null && new Date(m.dateMs).getUTCFullYear() >= MIN_INSTANT_YEAR ? m.dateMs : nowMs;
    receivedAt.set(m, new Date(Math.min(dated, nowMs)).toISOString());
  }
  return receivedAt;
}

function signalFields(m: AnalysedMessage, ts: string, routes: RoutingRule[]): SignalFields {
  return {
    source_type: 'email',
    source_ref: m.messageId,
    snippet: m.snippet || null,
    contact_id: m.fromAddress,
    client_id: m.customerName,
    ts,
    problem_phrase: m.subject.slice(0, 300) || null,
    solution_hint: m.notActionable ? null : m.category,
    urgency_score: m.urgency,
    dedupe_key: m.dedupeKey,
    cluster_id: m.signature.slice(0, 300),
    owner_user_id: m.notActionable ? null : (routeFor(routes, m.category)?.owner ?? null),
  };
}

/** 3. Signals of the fresh messages; returns those this chunk created, and their ids by dedupe key. */
async function writeSignals(c: Chunk, fresh: AnalysedMessage[], receivedAt: ReceivedAt) {
  const signalIds = new Map<string, number>();
  for (const part of statementPartsFor(c.trx, fresh, SIGNAL_CHUNK)) {
    const ids = await insertNewSignals(
      c.trx,
      c.env.orgId,
      part.map((m) => signalFields(m, receivedAt.get(m)!, c.env.routes)),
      c.now,
    );
    for (const [key, id] of ids) signalIds.set(key, id);
  }
  // A concurrent batch (another process) may have won the race for some keys: those are duplicates.
  const created = fresh.filter((m) => signalIds.has(m.dedupeKey));
  for (const m of fresh) if (!signalIds.has(m.dedupeKey)) duplicate(c, m, 'ingested concurrently');
  c.state.counts.new_signals += created.length;
  return { created, signalIds };
}

/** 4. Tasks of the messages that make one, with SLA plan, owner, first history row and `task.created` events. */
async function writeTasks(
  c: Chunk,
  actionable: AnalysedMessage[],
  ids: Map<AnalysedMessage, string>,
  receivedAt: ReceivedAt,
  signalIds: Map<string, number>,
  patternIds: Map<string, number>,
) {
  const tasks: NewTask[] = [];
  const history: Array<NewRow<'workflow_status_history'>> = [];
  const breaches: NewBreach[] = [];
  const events: NewWorkEvent[] = [];
  const taskOf = new Map<AnalysedMessage, string>();
  for (const m of actionable) {
    const task = taskRow(c, m, ids.get(m)!, receivedAt.get(m)!, signalIds.get(m.dedupeKey)!, patternIds.get(m.signature) ?? null);
    taskOf.set(m, task.task_id);
    tasks.push(task);
    history.push({ org_id: c.env.orgId, task_id: task.task_id, from_status: null, to_status: task.task_status, changed_by: c.env.actor, reason: 'created from email', changed_at: c.now });
    if (task.sla_status === 'breached') breaches.push(deadlinePassed(task));
    if (task.first_response_status === 'breached') breaches.push(firstResponseOverdue(task));
    events.push(taskCreatedEvent(c, m, task));
  }
  // Assignment rules: one cursor UPDATE per team involved, in this chunk's transaction.
  const owners = await ownersByRules(c.trx, c.env.orgId, c.env.routes, tasks.map((t) => t.workflow_category));
  tasks.forEach((task, i) => {
    const owner = owners[i] ?? null;
    if (owner === null) return;
    task.owner_user_id = owner;
    events.push(
      taskAssignedEvent({ orgId: c.env.orgId, taskId: task.task_id, title: task.title, ownerUserId: owner, previousOwnerUserId: null, via: 'rule', actor: c.env.actor, at: c.now }),
    );
  });
  await insertTasksWithHistory(c.trx, tasks, history);
  // Breach records for a backlog imported already late (reports count them), without an alert per
  // historical mail: the task.created event already says the task is RED.
  await recordBreachesWithoutEvents(c.trx, breaches);
  c.state.counts.new_tasks += tasks.length;
  return { events, taskOf };
}

/** A new task row, with the fields its history row, breach and event read. */
type NewTask = NewRow<'workflow_tasks'> &
  TaskSlaPlan &
  FirstResponsePlan & { task_id: string; task_status: TaskStatus; title: string; workflow_category: string; current_owner: string | null; signal_id: number };

function taskRow(c: Chunk, m: AnalysedMessage, taskId: string, start: string, signalId: number, patternId: number | null): NewTask {
  const rule = pickTaskRule(c.env.slaRules, m.category, m.priority);
  const plan = planTaskSla({ startMs: Date.parse(start), nowMs: c.nowMs, rule, priority: m.priority });
  const firstResponse = planFirstResponse({ startMs: Date.parse(start), nowMs: c.nowMs, rule });
  const route = routeFor(c.env.routes, m.category);
  return {
    task_id: taskId,
    org_id: c.env.orgId,
    workflow_category: m.category,
    // The worse of the two promises colours a task that arrives already late.
    task_status: escalatedStatus(escalatedStatus('GREEN', 'ok', plan.sla_status), 'ok', firstResponse.first_response_status),
    title: (m.subject || `(no subject) from ${m.fromAddress ?? 'unknown sender'}`).slice(0, 300),
    description: m.description || null,
    priority: m.priority,
    current_owner: route?.owner ?? null,
    owner_email: route?.owner_email ?? null,
    dollar_value: m.dollarValue,
    currency: c.env.currency,
    ...plan,
    ...firstResponse,
    // Mail that already waited past its warning or deadline carries those moments, as if the
    // monitor had watched it all along.
    sla_warned_at: plan.sla_status !== 'ok' ? plan.sla_warn_at : null,
    sla_breached_at: plan.sla_status === 'breached' ? plan.sla_deadline : null,
    entities: JSON.stringify({ ...m.entities, attachments: m.attachments }),
    customer_name: m.customerName,
    po_number: m.entities.po_numbers[0] ?? null,
    quote_number: m.entities.quote_numbers[0] ?? null,
    source_type: 'email',
    source_message_id: m.messageId,
    source_sender: m.fromAddress,
    source_subject: m.subject.slice(0, 500) || null,
    source_received_at: start,
    signal_id: signalId,
    pattern_id: patternId,
    category_reason: m.categoryReason,
    tags: JSON.stringify(m.attachments.length ? ['email', 'attachment'] : ['email']),
    created_by: c.env.actor,
    created_at: c.now,
    updated_at: c.now,
  };
}

function deadlinePassed(task: NewTask): NewBreach {
  return {
    org_id: task.org_id,
    item_type: 'task',
    item_id: task.task_id,
    rule_id: task.sla_rule_id ?? 0,
    metric: 'task_sla',
    reason_code: 'deadline_passed',
    breached_at: task.sla_deadline!,
  };
}

function firstResponseOverdue(task: NewTask): NewBreach {
  return {
    org_id: task.org_id,
    item_type: 'task',
    item_id: task.task_id,
    rule_id: task.sla_rule_id ?? 0,
    metric: FIRST_RESPONSE_METRIC,
    reason_code: 'first_response_overdue',
    breached_at: task.first_response_due_at!,
  };
}

function taskCreatedEvent(c: Chunk, m: AnalysedMessage, task: NewTask): NewWorkEvent {
  return {
    orgId: c.env.orgId,
    eventName: 'task.created',
    itemType: 'task',
    itemId: task.task_id,
    actor: c.env.actor,
    happenedAt: c.now,
    payload: {
      taskId: task.task_id,
      category: m.category,
      status: task.task_status,
      priority: m.priority,
      title: task.title,
      dollarValue: m.dollarValue,
      currency: c.env.currency,
      owner: task.current_owner,
      slaDeadline: task.sla_deadline,
      slaStatus: task.sla_status,
      customer: m.customerName,
      signalId: task.signal_id,
      batchId: c.env.batchId,
      source: 'email',
    },
  };
}

function signalCreatedEvent(c: Chunk, m: AnalysedMessage, signalId: number): NewWorkEvent {
  return {
    orgId: c.env.orgId,
    eventName: 'signal.created',
    itemType: 'signal',
    itemId: signalId,
    actor: c.env.actor,
    happenedAt: c.now,
    payload: { signalId, sourceType: 'email', sourceRef: m.messageId, contact: m.fromAddress, subject: m.subject.slice(0, 300), batchId: c.env.batchId },
  };
}
