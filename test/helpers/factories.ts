/** Direct inserts for tests that need rows from other domains without going through their API. */
import { randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../../src/db/create-db.js';
import type { CandidateStatus, PursuitStage, TaskPriority, TaskStatus } from '../../src/db/types.js';
import { listRules, pickTaskRule } from '../../src/sla/rules.repository.js';
import { planTaskSla } from '../../src/sla/task-sla.js';

export async function insertTask(
  db: DbOrTrx,
  orgId: number,
  opts: {
    createdAt: string;
    now?: string;
    priority?: TaskPriority;
    category?: string;
    status?: TaskStatus;
    dollarValue?: number;
    deadline?: string;
    title?: string;
  },
): Promise<string> {
  const priority = opts.priority ?? 'NORMAL';
  const category = opts.category ?? 'General';
  const rules = await listRules(db, orgId, { activeOnly: true });
  const plan = planTaskSla({
    startMs: Date.parse(opts.createdAt),
    nowMs: Date.parse(opts.now ?? opts.createdAt),
    deadlineMs: opts.deadline ? Date.parse(opts.deadline) : null,
    rule: pickTaskRule(rules, category, priority),
    priority,
    completed: opts.status === 'COMPLETED',
  });
  const taskId = `TASK-${Date.parse(opts.createdAt)}-${randomBytes(5).toString('hex')}`;
  await db
    .insertInto('workflow_tasks')
    .values({
      task_id: taskId,
      org_id: orgId,
      workflow_category: category,
      task_status: opts.status ?? 'GREEN',
      title: opts.title ?? `Task ${taskId}`,
      priority,
      dollar_value: opts.dollarValue ?? 0,
      created_at: opts.createdAt,
      updated_at: opts.createdAt,
      ...plan,
    })
    .execute();
  return taskId;
}

export async function insertCandidate(
  db: DbOrTrx,
  orgId: number,
  opts: { status?: CandidateStatus; lastTouchAt: string; title?: string },
): Promise<number> {
  const r = await db
    .insertInto('candidate')
    .values({
      org_id: orgId,
      title: opts.title ?? 'Candidate',
      status: opts.status ?? 'triaged',
      last_touch_at: opts.lastTouchAt,
      created_at: opts.lastTouchAt,
      updated_at: opts.lastTouchAt,
    })
    .returning('candidate_id')
    .executeTakeFirstOrThrow();
  return r.candidate_id;
}

export async function insertPursuit(
  db: DbOrTrx,
  orgId: number,
  opts: { stage?: PursuitStage; createdAt: string; dueDate?: string | null },
): Promise<number> {
  const candidateId = await insertCandidate(db, orgId, { status: 'promoted', lastTouchAt: opts.createdAt });
  const r = await db
    .insertInto('pursuit')
    .values({
      org_id: orgId,
      candidate_id: candidateId,
      pursuit_stage: opts.stage ?? 'qual',
      due_date: opts.dueDate ?? null,
      created_at: opts.createdAt,
      updated_at: opts.createdAt,
    })
    .returning('pursuit_id')
    .executeTakeFirstOrThrow();
  return r.pursuit_id;
}

export async function insertProposal(
  db: DbOrTrx,
  orgId: number,
  pursuitId: number,
  opts: { version?: number; status?: 'draft' | 'sent' | 'accepted' | 'rejected'; sentAt?: string | null; createdAt: string },
): Promise<number> {
  const r = await db
    .insertInto('proposal')
    .values({
      org_id: orgId,
      pursuit_id: pursuitId,
      version: opts.version ?? 1,
      status: opts.status ?? 'draft',
      sent_at: opts.sentAt ?? null,
      created_at: opts.createdAt,
      updated_at: opts.createdAt,
    })
    .returning('proposal_id')
    .executeTakeFirstOrThrow();
  return r.proposal_id;
}
