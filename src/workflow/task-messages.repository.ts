/**
 * The messages of task threads (task_message): written by ingestion in its chunk transaction, read
 * by the task detail, and searched by ingestion to find the task a reply belongs to — by the
 * Message-IDs it names, or by normalised subject and correspondent within a window. Every query is
 * scoped to one org: a reply never finds another org's task.
 */
import type { DbOrTrx } from '../db/create-db.js';
import { insertParts } from '../db/statement-parts.js';
import type { NewRow } from '../db/types.js';

/** 12 columns × 512 rows stays far under SQLite's bound-parameter limit. */
const CHUNK = 512;
/** Ids per IN list. */
const LOOKUP_CHUNK = 500;

export async function insertTaskMessages(db: DbOrTrx, rows: Array<NewRow<'task_message'>>): Promise<void> {
  for (const q of insertParts(db, 'task_message', rows, CHUNK)) await q.execute();
}

/** A task's thread in the order it happened. */
/** A task's thread, oldest first. */
export function taskMessagesQuery(db: DbOrTrx, orgId: number, taskId: string) {
  return db
    .selectFrom('task_message')
    .select(['task_message_id', 'message_id', 'direction', 'sender', 'subject', 'snippet', 'received_at', 'signal_id'])
    .where('org_id', '=', orgId)
    .where('task_id', '=', taskId)
    .orderBy('received_at')
    .orderBy('task_message_id');
}


/** The task of each of these Message-IDs in the org's threads (the newest row where one id is on several). */
export async function tasksByMessageId(db: DbOrTrx, orgId: number, messageIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(messageIds)];
  for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('task_message')
      .select(['message_id', 'task_id'])
      .where('org_id', '=', orgId)
      .where('message_id', 'in', unique.slice(i, i + LOOKUP_CHUNK))
      .orderBy('task_message_id')
      .execute();
    for (const r of rows) out.set(r.message_id!, r.task_id);
  }
  return out;
}

export interface SubjectHit {
  task_id: string;
  thread_subject: string;
  correspondent: string;
  received_at: string;
}

/** Thread messages of these subjects with any of these correspondents, received in [from, to]. */
export async function threadsBySubject(
  db: DbOrTrx,
  orgId: number,
  q: { subjects: string[]; correspondents: string[]; from: string; to: string },
): Promise<SubjectHit[]> {
  const subjects = [...new Set(q.subjects)];
  const correspondents = [...new Set(q.correspondents)];
  if (!subjects.length || !correspondents.length) return [];
  const out: SubjectHit[] = [];
  for (let i = 0; i < subjects.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('task_message')
      .select(['task_id', 'thread_subject', 'correspondent', 'received_at'])
      .where('org_id', '=', orgId)
      .where('thread_subject', 'in', subjects.slice(i, i + LOOKUP_CHUNK))
      .where('correspondent', 'in', correspondents.slice(0, LOOKUP_CHUNK))
      .where('received_at', '>=', q.from)
      .where('received_at', '<=', q.to)
      .execute();
    for (const r of rows) out.push(r as SubjectHit);
  }
  return out;
}
