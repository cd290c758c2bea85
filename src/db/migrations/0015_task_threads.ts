/**
 * Conversations on tasks, and the first-response SLA.
 *
 * - `task_message`: every message of a task's thread, the one that made the task included
 *   (direction inbound/outbound, sender, subject, snippet, when, its signal). A reply finds its
 *   task by the Message-IDs it names (index on org, message_id) or by its normalised subject and
 *   correspondent within a window (index on org, thread_subject, correspondent, received_at).
 *   Existing email tasks are backfilled with the message that made them, so replies to mail
 *   ingested before this migration thread too.
 * - `sla_rule.first_response_hrs`: the first-response target of a task rule (null: none).
 * - `workflow_tasks.first_response_due_at`, `_warn_at`, `_status`, `_next_at`: the first-response
 *   promise, planned like the resolution deadline; `_next_at` is the monitor's next look (partial
 *   index, as for sla_next_at).
 * - `sla_breach_open_uq` gains `metric`: a task's missed first response and its missed deadline
 *   come from the same rule and are open at once, as two breaches.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { idColumn, realType, refType, tsType, type Engine } from './helpers.js';

const BACKFILL_PAGE = 1000;

/** The subject normalisation of src/ingest/thread-keys.ts as it stood when this landed. */
const REPLY_MARK = /^\s*(?:re|aw|sv|antw|odp|vs|ref|fw|fwd|wg|tr|rv|enc)\s*(?:\[\d{1,3}\]|\(\d{1,3}\))?\s*[:：]\s*/i;
const TAG = /^\s*(?:\[[^\]]{1,30}\]|\*{1,3}[a-z ]{2,20}\*{1,3}|ext(?:ernal)?\s*:)\s*/i;
function threadKey(subject: string): string {
  let s = subject;
  for (let i = 0; i < 20; i++) {
    const m = REPLY_MARK.exec(s) ?? TAG.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 300);
}

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  const ref = refType(engine);

  await idColumn(engine, db.schema.createTable('task_message'), 'task_message_id')
    .addColumn('org_id', ref, (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('sender', 'text')
    // The customer's address: the sender of inbound mail, the first recipient of outbound mail.
    .addColumn('correspondent', 'text')
    .addColumn('subject', 'text')
    .addColumn('thread_subject', 'text')
    .addColumn('snippet', 'text')
    .addColumn('received_at', ts, (c) => c.notNull())
    .addColumn('signal_id', ref)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addForeignKeyConstraint('task_message_task_fk', ['org_id', 'task_id'], 'workflow_tasks', ['org_id', 'task_id'], (f) => f.onDelete('cascade'))
    .addCheckConstraint('task_message_direction_check', sql`direction in ('inbound','outbound')`)
    .execute();
  await db.schema
    .createIndex('task_message_org_message_idx')
    .on('task_message')
    .columns(['org_id', 'message_id'])
    .where(sql.ref('message_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('task_message_task_idx').on('task_message').columns(['org_id', 'task_id', 'received_at']).execute();
  await db.schema
    .createIndex('task_message_subject_idx')
    .on('task_message')
    .columns(['org_id', 'thread_subject', 'correspondent', 'received_at'])
    .where(sql.ref('thread_subject'), 'is not', null)
    .execute();

  await db.schema.alterTable('sla_rule').addColumn('first_response_hrs', realType(engine)).execute();
  await db.schema.alterTable('workflow_tasks').addColumn('first_response_due_at', ts).execute();
  await db.schema.alterTable('workflow_tasks').addColumn('first_response_warn_at', ts).execute();
  await db.schema.alterTable('workflow_tasks').addColumn('first_response_status', 'text', (c) => c.notNull().defaultTo('ok')).execute();
  await db.schema.alterTable('workflow_tasks').addColumn('first_response_next_at', ts).execute();
  await db.schema
    .createIndex('workflow_tasks_first_response_next_idx')
    .on('workflow_tasks')
    .columns(['first_response_next_at'])
    .where(sql.ref('first_response_next_at'), 'is not', null)
    .execute();

  await db.schema.dropIndex('sla_breach_open_uq').execute();
  await db.schema
    .createIndex('sla_breach_open_uq')
    .on('sla_breach')
    .columns(['org_id', 'item_type', 'item_id', 'rule_id', 'metric'])
    .unique()
    .where(sql.ref('resolved_at'), 'is', null)
    .execute();

  // Backfill: each email task's own message, page by page in task order (the subject key is
  // computed here, in the frozen copy above).
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('workflow_tasks as t')
      .leftJoin('signal as s', (j) => j.onRef('s.org_id', '=', 't.org_id').onRef('s.signal_id', '=', 't.signal_id'))
      .select(['t.org_id', 't.task_id', 't.source_message_id', 't.source_sender', 't.source_subject', 't.source_received_at', 't.created_at', 't.signal_id', 's.snippet'])
      .where('t.source_type', '=', 'email')
      .where('t.task_id', '>', after)
      .orderBy('t.task_id')
      .limit(BACKFILL_PAGE)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.task_id;
    await db
      .insertInto('task_message')
      .values(
        rows.map((r) => ({
          org_id: r.org_id,
          task_id: r.task_id,
          message_id: r.source_message_id,
          direction: 'inbound',
          sender: r.source_sender,
          correspondent: r.source_sender,
          subject: r.source_subject,
          thread_subject: r.source_subject ? threadKey(r.source_subject) || null : null,
          snippet: r.snippet,
          received_at: r.source_received_at ?? r.created_at,
          signal_id: r.signal_id,
          created_at: r.created_at,
        })),
      )
      .execute();
    if (rows.length < BACKFILL_PAGE) break;
  }
}
