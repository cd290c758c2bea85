/**
 * Threads in the ingestion write path: which of a chunk's new messages answer a task already in the
 * org (its thread), which make a new task, and which stay signals only; then, for the replies, the
 * thread rows, a reopened task, a first response, and their events — all in the chunk's transaction.
 *
 * A message answers a thread when one of the Message-IDs it names (In-Reply-To, References) is a
 * message of a task's thread in the same org — the message that made the task, or one attached to
 * it since. Without such an id, a message that looks like a reply (a reply/forward marker in the
 * subject, or reply headers naming mail we never saw) threads by its normalised subject with the
 * same correspondent within the org's window; a fresh message that merely repeats a subject does
 * not, so two separate orders titled "Order" stay two tasks. Messages of the same chunk thread onto
 * each other in order, as if ingested one by one.
 *
 * Direction: mail from the org's own domains (the ingest config's, plus a mailbox's), or from a
 * watched Sent folder, is outbound. Outbound mail never makes or reopens a task; in a thread it
 * sets the task's first response (never later than one already recorded).
 */
import type { Trx } from '../db/create-db.js';
import type { MessageDirection, NewRow, Row } from '../db/types.js';
import type { NewWorkEvent } from '../outbox/work-events.repository.js';
import { newTaskId } from '../shared/ids.js';
import { FIRST_RESPONSE_METRIC, resolveBreachesOfTask } from '../sla/breaches.repository.js';
import { pickTaskRule } from '../sla/rules.repository.js';
import { answeredFirstResponse, nextCheckAt, planTaskSla } from '../sla/task-sla.js';
import { insertTaskMessages, tasksByMessageId, threadsBySubject } from '../workflow/task-messages.repository.js';
import { findTasks, insertHistoryRows, updateTaskRow } from '../workflow/tasks.repository.js';
import type { AnalysedMessage } from './analyse.js';
import { domainOf, isOwnDomain, threadSubject } from './thread-keys.js';

/** The reason a reopening history row carries (docs/contract.md). */
export const REOPEN_REASON = 'reopened by customer reply';

export interface ThreadSettings {
  /** The org's own mail domains, lower-case. */
  ownDomains: string[];
  /** Every message of the batch is the org's own (a watched Sent folder). */
  outbound: boolean;
  /** Subject threading window; 0: by Message-ID only. */
  windowMs: number;
  /** A customer reply reopens a COMPLETED task. */
  reopen: boolean;
}

interface ChunkContext {
  trx: Trx;
  orgId: number;
  actor: string;
  batchId: number;
  nowDate: Date;
  now: string;
  threading: ThreadSettings;
}

export interface Attached {
  m: AnalysedMessage;
  taskId: string;
  direction: MessageDirection;
}

export interface ThreadPlan {
  /** Messages that make a new task, with the id it will have. */
  creators: Map<AnalysedMessage, string>;
  /** Messages that join a task's thread. */
  attached: Attached[];
  /** Messages that stay signals only, with the reason. */
  signalOnly: Map<AnalysedMessage, string>;
}

interface Known {
  key: string;
  correspondent: string;
  atMs: number;
  taskId: string;
}

export function directionOf(m: AnalysedMessage, t: ThreadSettings): MessageDirection {
  return t.outbound || isOwnDomain(domainOf(m.fromAddress), t.ownDomains) ? 'outbound' : 'inbound';
}

/** The customer's side: the sender of inbound mail, the recipients outside the org of outbound mail. */
function correspondentsOf(m: AnalysedMessage, direction: MessageDirection, t: ThreadSettings): string[] {
  if (direction === 'inbound') return m.fromAddress ? [m.fromAddress] : [];
  return m.recipients.filter((a) => !isOwnDomain(domainOf(a), t.ownDomains));
}

/** 1. Decides each fresh message's place: a new task, a thread it joins, or a signal only. */
export async function planThreads(c: ChunkContext, created: AnalysedMessage[], receivedAt: Map<AnalysedMessage, string>): Promise<ThreadPlan> {
  const t = c.threading;
  const inOrder = [...created].sort((a, b) => a.seq - b.seq);
  const info = new Map(
    inOrder.map((m) => {
      const direction = directionOf(m, t);
      const subject = threadSubject(m.subject);
      const bySubject = t.windowMs > 0 && subject.key !== '' && (subject.replyMarked || m.threadRefs.length > 0);
      return [m, { direction, key: subject.key, bySubject, correspondents: correspondentsOf(m, direction, t), atMs: Date.parse(receivedAt.get(m)!) }] as const;
    }),
  );

  const byId = await tasksByMessageId(
    c.trx,
    c.orgId,
    inOrder.flatMap((m) => m.threadRefs),
  );
  const subjectAsked = inOrder.filter((m) => info.get(m)!.bySubject);
  const known: Known[] = [];
  if (subjectAsked.length) {
    const times = subjectAsked.map((m) => info.get(m)!.atMs);
    const hits = await threadsBySubject(c.trx, c.orgId, {
      subjects: subjectAsked.map((m) => info.get(m)!.key),
      correspondents: subjectAsked.flatMap((m) => info.get(m)!.correspondents),
      from: new Date(Math.min(...times) - t.windowMs).toISOString(),
      to: new Date(Math.max(...times) + t.windowMs).toISOString(),
    });
    for (const h of hits) known.push({ key: h.thread_subject, correspondent: h.correspondent, atMs: Date.parse(h.received_at), taskId: h.task_id });
  }

  const plan: ThreadPlan = { creators: new Map(), attached: [], signalOnly: new Map() };
  const localById = new Map<string, string>();
  for (const m of inOrder) {
    const i = info.get(m)!;
    let taskId: string | undefined;
    for (const ref of m.threadRefs) {
      taskId = localById.get(ref) ?? byId.get(ref);
      if (taskId) break;
    }
    if (!taskId && i.bySubject) {
      // The closest message of the same subject and correspondent within the window.
      let best: Known | undefined;
      for (const k of known) {
        if (k.key !== i.key || !i.correspondents.includes(k.correspondent) || Math.abs(k.atMs - i.atMs) > t.windowMs) continue;
        if (!best || Math.abs(k.atMs - i.atMs) < Math.abs(best.atMs - i.atMs)) best = k;
      }
      taskId = best?.taskId;
    }
    if (taskId) {
      plan.attached.push({ m, taskId, direction: i.direction });
    } else if (i.direction === 'inbound' && !m.notActionable) {
      taskId = newTaskId(c.nowDate);
      plan.creators.set(m, taskId);
    } else {
      plan.signalOnly.set(m, i.direction === 'outbound' ? 'outbound: sent by the organisation, in no known thread' : m.notActionable!);
      continue;
    }
    if (m.messageId) localById.set(m.messageId, taskId);
    if (i.key) for (const correspondent of i.correspondents) known.push({ key: i.key, correspondent, atMs: i.atMs, taskId });
  }
  return plan;
}

/** The thread row of a message on its task. */
function messageRow(c: ChunkContext, m: AnalysedMessage, taskId: string, direction: MessageDirection, at: string, signalId: number | null): NewRow<'task_message'> {
  const key = threadSubject(m.subject).key;
  return {
    org_id: c.orgId,
    task_id: taskId,
    message_id: m.messageId,
    direction,
    sender: m.fromAddress,
    correspondent: correspondentsOf(m, direction, c.threading)[0] ?? null,
    subject: m.subject.slice(0, 500) || null,
    thread_subject: key || null,
    snippet: m.snippet || null,
    received_at: at,
    signal_id: signalId,
    created_at: c.now,
  };
}

type TaskRow = Row<'workflow_tasks'>;

/** What the ingestion's task events carry besides their own fields (docs/contract.md, task payload). */
function taskSummary(row: TaskRow) {
  return {
    taskId: row.task_id,
    category: row.workflow_category,
    status: row.task_status,
    dollarValue: Number(row.dollar_value),
    title: row.title,
    priority: row.priority,
    owner: row.current_owner,
    slaDeadline: row.sla_deadline,
  };
}

/**
 * 2. After the new tasks are written: every thread row (the creators' own messages too), then the
 * replies' effects on their tasks — a reopening, a first response — and a `task.message` event per
 * reply. Returns the events to append. Reopenings and first responses are one UPDATE per task
 * changed, each with its own values; a chunk has at most one per task, and only replies cause them.
 */
export async function writeThreads(
  c: ChunkContext,
  plan: ThreadPlan,
  receivedAt: Map<AnalysedMessage, string>,
  signalIds: Map<string, number>,
  slaRules: Parameters<typeof pickTaskRule>[0],
): Promise<NewWorkEvent[]> {
  const rows: Array<NewRow<'task_message'>> = [];
  for (const [m, taskId] of plan.creators) rows.push(messageRow(c, m, taskId, 'inbound', receivedAt.get(m)!, signalIds.get(m.dedupeKey) ?? null));
  for (const a of plan.attached) rows.push(messageRow(c, a.m, a.taskId, a.direction, receivedAt.get(a.m)!, signalIds.get(a.m.dedupeKey) ?? null));
  await insertTaskMessages(c.trx, rows);
  if (plan.attached.length === 0) return [];

  const tasks = new Map((await findTasks(c.trx, c.orgId, plan.attached.map((a) => a.taskId))).map((r) => [r.task_id, r]));
  const events: NewWorkEvent[] = [];
  const ev = (row: TaskRow, eventName: string, payload: Record<string, unknown>): NewWorkEvent => ({
    orgId: c.orgId,
    eventName,
    itemType: 'task',
    itemId: row.task_id,
    actor: c.actor,
    happenedAt: c.now,
    payload: { ...taskSummary(row), ...payload, batchId: c.batchId },
  });

  // Reopen: the first customer reply (something asked, not an automated or thank-you note) per completed task.
  const history: Array<NewRow<'workflow_status_history'>> = [];
  if (c.threading.reopen) {
    for (const a of plan.attached) {
      const row = tasks.get(a.taskId);
      if (!row || row.task_status !== 'COMPLETED' || a.direction !== 'inbound' || a.m.notActionable) continue;
      const fromMs = Date.parse(receivedAt.get(a.m)!);
      const sla = planTaskSla({ startMs: fromMs, nowMs: c.nowDate.getTime(), rule: pickTaskRule(slaRules, row.workflow_category, row.priority), priority: row.priority });
      const deadlineMs = Date.parse(sla.sla_deadline!);
      const warnMs = Date.parse(sla.sla_warn_at!);
      const next = nextCheckAt('ok', warnMs, deadlineMs);
      // Back to GREEN with a fresh window; the state starts at ok and the monitor colours it from
      // sla_next_at (at once when the reply itself is already past its warning or deadline).
      const updated = await updateTaskRow(c.trx, c.orgId, row.task_id, {
        task_status: 'GREEN',
        completed_at: null,
        resolution_hours: null,
        sla_deadline: sla.sla_deadline,
        sla_warn_at: sla.sla_warn_at,
        sla_rule_id: sla.sla_rule_id,
        sla_status: 'ok',
        sla_next_at: next === null ? null : new Date(next).toISOString(),
        sla_warned_at: null,
        sla_breached_at: null,
        sla_paused_at: null,
        updated_at: c.now,
      });
      tasks.set(row.task_id, updated);
      history.push({ org_id: c.orgId, task_id: row.task_id, from_status: 'COMPLETED', to_status: 'GREEN', changed_by: c.actor, reason: REOPEN_REASON, changed_at: c.now });
      events.push(
        ev(updated, 'task.updated', { changes: ['task_status', 'completed_at', 'resolution_hours', 'sla_deadline', 'sla_status'], slaStatus: 'ok', reason: REOPEN_REASON }),
        ev(updated, 'task.status_changed', { oldStatus: 'COMPLETED', newStatus: 'GREEN', reason: REOPEN_REASON }),
      );
    }
  }
  await insertHistoryRows(c.trx, history);

  // First response: the earliest outbound reply per task, unless one as early is already recorded.
  const firstReply = new Map<string, number>();
  for (const a of plan.attached) {
    if (a.direction !== 'outbound') continue;
    const at = Date.parse(receivedAt.get(a.m)!);
    if (at < (firstReply.get(a.taskId) ?? Infinity)) firstReply.set(a.taskId, at);
  }
  for (const [taskId, atMs] of firstReply) {
    const row = tasks.get(taskId);
    if (!row || (row.first_response_at !== null && Date.parse(row.first_response_at) <= atMs)) continue;
    const at = new Date(atMs).toISOString();
    const updated = await updateTaskRow(c.trx, c.orgId, taskId, {
      first_response_at: at,
      first_response_status: row.first_response_due_at ? answeredFirstResponse(atMs, row.first_response_warn_at, row.first_response_due_at) : row.first_response_status,
      first_response_next_at: null,
      updated_at: c.now,
    });
    tasks.set(taskId, updated);
    events.push(ev(updated, 'task.updated', { changes: ['first_response_at'], firstResponseAt: at }));
    events.push(...(await resolveBreachesOfTask(c.trx, c.now, c.orgId, taskId, FIRST_RESPONSE_METRIC)));
  }

  for (const a of plan.attached) {
    const row = tasks.get(a.taskId);
    if (!row) continue;
    events.push(
      ev(row, 'task.message', {
        direction: a.direction,
        messageId: a.m.messageId,
        sender: a.m.fromAddress,
        subject: a.m.subject.slice(0, 300),
        snippet: a.m.snippet,
        receivedAt: receivedAt.get(a.m)!,
        signalId: signalIds.get(a.m.dedupeKey) ?? null,
      }),
    );
  }
  return events;
}
