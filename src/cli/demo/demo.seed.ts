/**
 * `flowledger seed --demo`: a demo org and admin key, routing rules, a month of generated business
 * mail ingested through the same path as real mail, then part of the pipeline moved along
 * (candidates triaged and promoted, pursuits with checklists and proposals, some won or lost).
 */
import { createApiKey } from '../../auth/api-keys.repository.js';
import { createOrg } from '../../auth/orgs.repository.js';
import type { Database, Trx } from '../../db/create-db.js';
import type { CandidateStatus, NewRow, PursuitStage } from '../../db/types.js';
import { appendEvents, type NewWorkEvent } from '../../outbox/work-events.repository.js';
import { ingestMessages } from '../../ingest/ingest.service.js';
import { ParsePool } from '../../ingest/parse-pool.js';
import { upsertRoutingRule } from '../../ingest/routing.repository.js';
import type { Clock } from '../../shared/clock.js';
import { insertHistoryRows, refreshPatternResolutionHours, updateTaskRow } from '../../workflow/tasks.repository.js';
import { insertCandidate, linkSignals } from '../../workstream/candidates.repository.js';
import { insertChecklistItems } from '../../workstream/checklist.repository.js';
import { insertProposal } from '../../workstream/proposals.repository.js';
import { insertPursuit } from '../../workstream/pursuits.repository.js';
import { generateMail, prng } from './demo.mail.js';

const DAY = 86_400_000;
export const DEMO_ACTOR = 'demo-seed';

export interface DemoResult {
  org_id: number;
  org_name: string;
  key: string;
  batches: number;
  messages: number;
  new_signals: number;
  new_tasks: number;
  failed: number;
  completed_tasks: number;
  candidates: number;
  pursuits: number;
}

const ROUTES: Array<[string, string, string]> = [
  ['Quote Processing', 'Priya Nair', 'priya@northwind-demo.example'],
  ['Order Processing', 'Sam Ortiz', 'sam@northwind-demo.example'],
  ['Invoicing', 'Lena Fischer', 'lena@northwind-demo.example'],
  ['Shipping', 'Tom Becker', 'tom@northwind-demo.example'],
  ['Support', 'Tom Becker', 'tom@northwind-demo.example'],
  ['*', 'Sam Ortiz', 'sam@northwind-demo.example'],
];

export async function seedDemo(
  deps: { database: Database; clock: Clock },
  opts: { seed: number; messages?: number; log?: (line: string) => void },
): Promise<DemoResult> {
  const log = opts.log ?? (() => {});
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const org = await createOrg(deps.database.db, { name: `Northwind Demo (seed ${opts.seed})`, now: nowIso });
  const key = await createApiKey(deps.database.db, { orgId: org.org_id, role: 'admin', name: 'demo-admin', now: nowIso });
  for (const [category, owner, email] of ROUTES) {
    await upsertRoutingRule(deps.database.db, org.org_id, { category, owner, owner_email: email }, nowIso);
  }
  log(`Created organisation ${org.org_id} "${org.name}", its admin key and routing rules.`);

  // A month of mail ending now (dates relative to today; content fixed by the seed), imported the
  // way a mailbox connector would: one batch per day, each at that day's end, so tasks are created
  // over the month and the SLA monitor has their deadlines to work through once the server runs.
  const end = Math.floor(now.getTime() / DAY) * DAY;
  const start = end - 30 * DAY;
  const mail = generateMail(opts.seed, opts.messages ?? 600, start, end);
  const pool = ParsePool.forBatches();
  const totals = { read: 0, new_signals: 0, new_tasks: 0, duplicates: 0, failed: 0 };
  let batches = 0;
  try {
    for (let day = 0; day < 30; day++) {
      const slice = mail.slice(Math.floor((day * mail.length) / 30), Math.floor(((day + 1) * mail.length) / 30));
      if (slice.length === 0) continue;
      const at = new Date(Math.min(now.getTime(), start + (day + 1) * DAY));
      const { batch } = await ingestMessages(
        { database: deps.database, clock: { now: () => at }, pool },
        { orgId: org.org_id, actor: DEMO_ACTOR, source: 'demo', sourceName: `demo seed ${opts.seed}, day ${day + 1}` },
        slice.map((m) => m.raw),
        0,
      );
      batches += 1;
      for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += batch[k];
    }
  } finally {
    await pool.close();
  }
  log(`Ingested ${totals.read} messages in ${batches} daily batches: ${totals.new_signals} signals, ${totals.new_tasks} tasks, ${totals.duplicates} duplicates, ${totals.failed} failed.`);

  const moved = await deps.database.db.transaction().execute((trx) => moveDemoPipeline(trx, org.org_id, opts.seed, nowIso));
  log(`Moved the pipeline: ${moved.candidates} candidates, ${moved.pursuits} pursuits.`);
  const completed = await deps.database.db.transaction().execute((trx) => completeDemoTasks(trx, org.org_id, opts.seed, nowIso));
  log(`Completed ${completed} older tasks, as a team working the queue would have.`);
  return {
    org_id: org.org_id,
    org_name: org.name,
    key: key.key,
    batches,
    messages: totals.read,
    new_signals: totals.new_signals,
    new_tasks: totals.new_tasks,
    failed: totals.failed,
    completed_tasks: completed,
    ...moved,
  };
}

const CHECKLIST = ['Scope confirmed', 'Pricing approved', 'Lead time confirmed', 'Terms reviewed'];
const STAGES: PursuitStage[] = ['qual', 'pink', 'red', 'submit'];

type DemoEvent = (eventName: string, itemType: string, itemId: number, payload: Record<string, unknown>, at: string) => void;

/**
 * The demo's workstream moves, written through the workstream repositories with their work events,
 * back-dated over the month (the workstream service stamps the current time).
 */
export async function moveDemoPipeline(trx: Trx, orgId: number, seed: number, nowIso: string): Promise<{ candidates: number; pursuits: number }> {
  const r = prng(seed ^ 0x5eed);
  const signals = await trx
    .selectFrom('signal')
    .select(['signal_id', 'problem_phrase', 'ts', 'client_id', 'solution_hint'])
    .where('org_id', '=', orgId)
    .where('solution_hint', 'in', ['Quote Processing', 'Order Processing'])
    .orderBy('signal_id')
    .limit(40)
    .execute();
  const events: NewWorkEvent[] = [];
  const ev: DemoEvent = (eventName, itemType, itemId, payload, at) => events.push({ orgId, eventName, itemType, itemId, payload, actor: DEMO_ACTOR, happenedAt: at });
  let pursuits = 0;
  const nowMs = Date.parse(nowIso);
  for (const s of signals) {
    const touched = new Date(Math.min(nowMs, Date.parse(s.ts) + Math.floor(r() * 2 * DAY))).toISOString();
    const roll = r();
    const status: CandidateStatus = roll < 0.15 ? 'new' : roll < 0.45 ? 'triaged' : roll < 0.55 ? 'nurture' : roll < 0.62 ? 'archived' : 'promoted';
    const title = `${s.client_id ?? 'Prospect'}: ${s.problem_phrase ?? 'opportunity'}`.slice(0, 200);
    const c = await insertCandidate(trx, { orgId, title, status, ownerUserId: 'Priya Nair', now: touched, createdAt: s.ts });
    await linkSignals(trx, orgId, c.candidate_id, [s.signal_id], s.ts);
    ev('candidate.created', 'candidate', c.candidate_id, { candidateId: c.candidate_id, title, signalId: s.signal_id }, s.ts);
    if (status !== 'new') ev('candidate.triaged', 'candidate', c.candidate_id, { candidateId: c.candidate_id, status: 'triaged' }, touched);
    if (status !== 'new' && status !== 'triaged') ev(`candidate.${status}`, 'candidate', c.candidate_id, { candidateId: c.candidate_id, status }, touched);
    if (status !== 'promoted') continue;
    await promoteDemoCandidate(trx, { orgId, candidateId: c.candidate_id, title, touched, nowMs, r, ev });
    pursuits += 1;
  }
  for (let i = 0; i < events.length; i += 500) await appendEvents(trx, events.slice(i, i + 500));
  return { candidates: signals.length, pursuits };
}

/** A promoted candidate's pursuit, at a random stage (some won or lost), with checklist and proposal. */
async function promoteDemoCandidate(
  trx: Trx,
  d: { orgId: number; candidateId: number; title: string; touched: string; nowMs: number; r: () => number; ev: DemoEvent },
): Promise<void> {
  const { orgId, title, touched, r, ev } = d;
  const reach = Math.floor(r() * 4);
  const outcome = reach === 3 && r() < 0.6 ? (r() < 0.6 ? 'won' : 'lost') : undefined;
  const value = Math.round((5_000 + r() * 120_000) / 100) * 100;
  const p = await insertPursuit(trx, {
    orgId,
    candidateId: d.candidateId,
    title,
    ownerUserId: 'Priya Nair',
    now: touched,
    stage: outcome ?? STAGES[reach]!,
    dueDate: new Date(d.nowMs + Math.floor((r() * 20 - 5) * DAY)).toISOString(),
    value,
    lostReason: outcome === 'lost' ? 'Price' : null,
  });
  const done = reach >= 3 ? CHECKLIST.length : Math.floor(r() * CHECKLIST.length);
  await insertChecklistItems(trx, {
    orgId,
    pursuitId: p.pursuit_id,
    items: CHECKLIST.map((name, i) => ({ name, isRequired: true, ...(i < done ? { done: { at: touched, by: DEMO_ACTOR } } : {}) })),
    now: touched,
  });
  const sent = reach >= 3;
  const prop = await insertProposal(trx, {
    orgId,
    pursuitId: p.pursuit_id,
    version: 1,
    status: outcome === 'won' ? 'accepted' : outcome === 'lost' ? 'rejected' : sent ? 'sent' : 'draft',
    fields: { subject: `Proposal: ${title}`.slice(0, 200), body: `Proposal for ${title}, value $${value.toLocaleString('en-US')}.` },
    sentAt: sent ? touched : null,
    now: touched,
  });
  if (!prop) throw new Error(`pursuit ${p.pursuit_id} already has a proposal`);
  ev('candidate.promoted', 'candidate', d.candidateId, { candidateId: d.candidateId, pursuitId: p.pursuit_id }, touched);
  ev('proposal.created', 'proposal', prop.proposal_id, { proposalId: prop.proposal_id, pursuitId: p.pursuit_id, version: 1 }, touched);
  for (const st of STAGES.slice(1, reach + 1)) ev(`pursuit.${st}`, 'pursuit', p.pursuit_id, { pursuitId: p.pursuit_id, stage: st }, touched);
  if (done > 0) ev('checklist.updated', 'pursuit', p.pursuit_id, { pursuitId: p.pursuit_id, done, total: CHECKLIST.length }, touched);
  if (sent) ev('proposal.sent', 'proposal', prop.proposal_id, { proposalId: prop.proposal_id, pursuitId: p.pursuit_id }, touched);
  if (outcome) ev(`pursuit.${outcome}`, 'pursuit', p.pursuit_id, { pursuitId: p.pursuit_id, stage: outcome, value }, touched);
}

const HOUR = 3_600_000;

/**
 * Most tasks older than two days were worked: completed a few hours to two days after the mail came
 * in, with their history row, `task.completed` event, and the patterns' average resolution time.
 * Written through the workflow tasks repository, back-dated (the workflow service stamps the
 * current time).
 */
export async function completeDemoTasks(trx: Trx, orgId: number, seed: number, nowIso: string): Promise<number> {
  const r = prng(seed ^ 0xc0ffee);
  const nowMs = Date.parse(nowIso);
  const tasks = await trx
    .selectFrom('workflow_tasks')
    .select(['task_id', 'task_status', 'workflow_category', 'source_received_at', 'created_at'])
    .where('org_id', '=', orgId)
    .where('task_status', '<>', 'COMPLETED')
    .where('source_received_at', '<', new Date(nowMs - 48 * HOUR).toISOString())
    .orderBy('task_id')
    .execute();
  const done = tasks.filter(() => r() < 0.75);
  const history: Array<NewRow<'workflow_status_history'>> = [];
  const events: NewWorkEvent[] = [];
  for (const t of done) {
    const start = Date.parse(t.source_received_at ?? t.created_at);
    const hours = Math.round((1 + r() * 47) * 10) / 10;
    const completedAt = new Date(Math.min(nowMs, start + hours * HOUR)).toISOString();
    const firstResponse = new Date(Math.min(nowMs, start + (hours / 3) * HOUR)).toISOString();
    // One row per task: each has its own times (a demo of a few hundred tasks, not a hot path).
    await updateTaskRow(trx, orgId, t.task_id, {
      task_status: 'COMPLETED',
      completed_at: completedAt,
      first_response_at: firstResponse,
      resolution_hours: hours,
      sla_next_at: null,
      updated_at: nowIso,
    });
    history.push({ org_id: orgId, task_id: t.task_id, from_status: t.task_status, to_status: 'COMPLETED', changed_by: DEMO_ACTOR, reason: 'done', changed_at: completedAt });
    events.push({
      orgId,
      eventName: 'task.completed',
      itemType: 'task',
      itemId: t.task_id,
      payload: { taskId: t.task_id, category: t.workflow_category, status: 'COMPLETED', oldStatus: t.task_status, resolutionHours: hours },
      actor: DEMO_ACTOR,
      happenedAt: completedAt,
    });
  }
  await insertHistoryRows(trx, history);
  for (let i = 0; i < events.length; i += 500) await appendEvents(trx, events.slice(i, i + 500));
  await refreshPatternResolutionHours(trx, orgId);
  return done.length;
}
