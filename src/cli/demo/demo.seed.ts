/**
 * `flowledger seed --demo`: fills an organisation (the one the user already has, unless `--org`
 * names another) with routing rules, a month of generated business mail ingested through the same
 * path as real mail, part of the pipeline moved along (candidates triaged and promoted, pursuits
 * with checklists and proposals, some won or lost) and the task queue worked the way a team that
 * keeps up would have; then runs an SLA pass, so the dashboard is current the moment it finishes.
 */
import { ensureDefaultOrg } from '../../auth/bootstrap.js';
import { getOrg, type Org } from '../../auth/orgs.repository.js';
import type { Database, Trx } from '../../db/create-db.js';
import type { CandidateStatus, NewRow, PursuitStage } from '../../db/types.js';
import { appendEvents, type NewWorkEvent } from '../../outbox/work-events.repository.js';
import { ingestMessages } from '../../ingest/ingest.service.js';
import { ParsePool } from '../../ingest/parse-pool.js';
import { upsertRoutingRule } from '../../ingest/routing.repository.js';
import type { Clock } from '../../shared/clock.js';
import { runSlaPass } from '../../sla/monitor.js';
import { insertHistoryRows, refreshPatternResolutionHours, updateTaskRow } from '../../workflow/tasks.repository.js';
import { insertCandidate, linkSignals } from '../../workstream/candidates.repository.js';
import { insertChecklistItems } from '../../workstream/checklist.repository.js';
import { insertProposal } from '../../workstream/proposals.repository.js';
import { insertPursuit } from '../../workstream/pursuits.repository.js';
import { addTeamMember, insertTeam, listTeams } from '../../users/teams.repository.js';
import { findUserByEmail, getMember } from '../../users/users.repository.js';
import { addUserToOrg } from '../../users/users.service.js';
import { UsageError } from '../cli-kit.js';
import { generateMail, prng } from './demo.mail.js';
import { planQueue, type QueueTask } from './demo.queue.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const DEMO_ACTOR = 'demo-seed';

export interface DemoResult {
  /** The demo's now: its month ends here, and the SLA pass ran as of this instant. */
  at: string;
  org_id: number;
  org_name: string;
  /** The admin key of an organisation the demo created (shown once); null when it filled an existing one. */
  key: string | null;
  created_org: boolean;
  batches: number;
  messages: number;
  new_signals: number;
  new_tasks: number;
  failed: number;
  completed_tasks: number;
  open_tasks: { red: number; yellow: number; green: number };
  candidates: number;
  pursuits: number;
  sla_pass: { tasks_warned: number; tasks_breached: number; breaches_opened: number; breaches_resolved: number };
}

/** The demo's people: members of the org (no password: an admin invites them to sign in) who own its work. */
const PEOPLE: Array<[string, string]> = [
  ['Priya Nair', 'priya@northwind-demo.example'],
  ['Sam Ortiz', 'sam@northwind-demo.example'],
  ['Lena Fischer', 'lena@northwind-demo.example'],
  ['Tom Becker', 'tom@northwind-demo.example'],
];
/** Support is answered round-robin by a team, to show one. */
const SUPPORT_TEAM: [string, string[]] = ['Support Desk', ['Tom Becker', 'Lena Fischer']];

const ROUTES: Array<[string, string, string]> = [
  ['Quote Processing', 'Priya Nair', 'priya@northwind-demo.example'],
  ['Order Processing', 'Sam Ortiz', 'sam@northwind-demo.example'],
  ['Invoicing', 'Lena Fischer', 'lena@northwind-demo.example'],
  ['Shipping', 'Tom Becker', 'tom@northwind-demo.example'],
  ['Support', 'Tom Becker', 'tom@northwind-demo.example'],
  ['*', 'Sam Ortiz', 'sam@northwind-demo.example'],
];

/**
 * The organisation to fill: `orgId` when given; else the first one (organisation 1, "Default",
 * which the first `flowledger serve` creates), created here with its admin key when the database
 * has none yet, exactly as the first start would (which then finds it and prints nothing).
 * It must be empty: the demo adds a month of made-up work, never mixed into real data.
 */
export async function resolveDemoOrg(database: Database, clock: Clock, orgId?: number): Promise<{ org: Org; key: string | null }> {
  let org: Org | undefined;
  let key: string | null = null;
  if (orgId !== undefined) {
    org = await getOrg(database.db, orgId);
    if (!org) throw new UsageError(`Organisation ${orgId} does not exist (flowledger orgs create --name NAME makes one)`);
  } else {
    const created = await ensureDefaultOrg(database, clock);
    if (created) key = created.key.key;
    org = created?.org ?? (await database.db.selectFrom('org').selectAll().orderBy('org_id').limit(1).executeTakeFirstOrThrow());
  }
  const count = async (table: 'signal' | 'workflow_tasks') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', org.org_id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [signals, tasks] = [await count('signal'), await count('workflow_tasks')];
  if (signals > 0 || tasks > 0) {
    throw new UsageError(
      `Organisation ${org.org_id} "${org.name}" already holds data (${tasks} tasks, ${signals} signals): ` +
        'the demo only fills an empty organisation. Pick another with --org ID (flowledger orgs create --name Demo makes one).',
    );
  }
  return { org, key };
}

export async function seedDemo(
  deps: { database: Database; clock: Clock },
  opts: { seed: number; messages?: number; orgId?: number; log?: (line: string) => void },
): Promise<DemoResult> {
  const log = opts.log ?? (() => {});
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const { org, key } = await resolveDemoOrg(deps.database, deps.clock, opts.orgId);
  const people = await deps.database.db.transaction().execute((trx) => addDemoPeople(trx, org.org_id, nowIso));
  for (const [category, owner, email] of ROUTES) {
    const assign = category === 'Support' ? { assign_team_id: people.supportTeamId } : { assign_user_id: people.ids.get(owner)! };
    await upsertRoutingRule(deps.database.db, org.org_id, { category, owner: category === 'Support' ? SUPPORT_TEAM[0] : owner, owner_email: email, ...assign }, nowIso);
  }
  log(`${key ? 'Created' : 'Filling'} organisation ${org.org_id} "${org.name}"${key ? ' and its admin key' : ''}; ${PEOPLE.length} people, a team and routing rules set.`);

  // A month of mail ending now (content fixed by the seed), imported the way a mailbox connector
  // polling every hour would: tasks are created within the hour their mail came in, so their SLA
  // windows start on time and the monitor's warnings and deadlines fall where they would have.
  const end = now.getTime();
  const start = end - 30 * DAY;
  const mail = generateMail(opts.seed, opts.messages ?? 600, start, end);
  const hours = new Map<number, string[]>();
  for (const m of mail) {
    const h = Math.floor((m.at - start) / HOUR) + 1;
    hours.set(h, [...(hours.get(h) ?? []), m.raw]);
  }
  const pool = ParsePool.forBatches();
  const totals = { read: 0, new_signals: 0, new_tasks: 0, duplicates: 0, failed: 0 };
  let batches = 0;
  try {
    for (const [h, raws] of hours) {
      const at = new Date(Math.min(end, start + h * HOUR));
      const { batch } = await ingestMessages(
        { database: deps.database, clock: { now: () => at }, pool },
        { orgId: org.org_id, actor: DEMO_ACTOR, source: 'demo', sourceName: `demo seed ${opts.seed}, mailbox poll of ${at.toISOString().slice(0, 16)}Z` },
        raws,
        0,
      );
      batches += 1;
      for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += batch[k];
    }
  } finally {
    await pool.close();
  }
  log(`Ingested ${totals.read} messages in ${batches} hourly batches: ${totals.new_signals} signals, ${totals.new_tasks} tasks, ${totals.duplicates} duplicates, ${totals.failed} failed.`);

  const moved = await deps.database.db.transaction().execute((trx) => moveDemoPipeline(trx, org.org_id, opts.seed, nowIso, [...people.ids.values()]));
  log(`Moved the pipeline: ${moved.candidates} candidates, ${moved.pursuits} pursuits.`);
  const worked = await deps.database.db.transaction().execute((trx) => workDemoQueue(trx, org.org_id, opts.seed, nowIso));
  log(`Worked the queue: ${worked.completed} tasks completed; open now: ${worked.red} past due, ${worked.yellow} near their deadline, ${worked.green} on track.`);

  // The monitor's state as of now (warnings, deadlines passed, breaches), not at its next interval.
  const pass = await runSlaPass(deps, now);
  if (pass.skipped) log('SLA pass skipped: another pass is running on this database (the running server brings it up to date).');
  else log(`SLA pass: ${pass.tasks_warned} tasks warned, ${pass.tasks_breached} past their deadline, ${pass.breaches_opened} breaches opened.`);
  const s = pass.skipped ? { tasks_warned: 0, tasks_breached: 0, breaches_opened: 0, breaches_resolved: 0 } : pass;
  return {
    at: nowIso,
    org_id: org.org_id,
    org_name: org.name,
    key,
    created_org: key !== null,
    batches,
    messages: totals.read,
    new_signals: totals.new_signals,
    new_tasks: totals.new_tasks,
    failed: totals.failed,
    completed_tasks: worked.completed,
    open_tasks: { red: worked.red, yellow: worked.yellow, green: worked.green },
    ...moved,
    sla_pass: { tasks_warned: s.tasks_warned, tasks_breached: s.tasks_breached, breaches_opened: s.breaches_opened, breaches_resolved: s.breaches_resolved },
  };
}

const CHECKLIST = ['Scope confirmed', 'Pricing approved', 'Lead time confirmed', 'Terms reviewed'];
const STAGES: PursuitStage[] = ['qual', 'pink', 'red', 'submit'];

type DemoEvent = (eventName: string, itemType: string, itemId: number, payload: Record<string, unknown>, at: string) => void;

/**
 * The demo's workstream moves, written through the workstream repositories with their work events,
 * back-dated over the month (the workstream service stamps the current time).
 */
/**
 * The demo's people as members of the org (an existing account with the same email joins; one that
 * is a member already stays as it is) and the Support team; answers their ids by name.
 */
async function addDemoPeople(trx: Trx, orgId: number, now: string): Promise<{ ids: Map<string, number>; supportTeamId: number }> {
  const ids = new Map<string, number>();
  for (const [name, email] of PEOPLE) {
    const existing = await findUserByEmail(trx, email);
    const member = existing && (await getMember(trx, orgId, existing.user_id));
    ids.set(name, member ? member.user_id : (await addUserToOrg(trx, { actor: DEMO_ACTOR }, { email, name, orgId, role: 'member', passwordHash: null, now })).user_id);
  }
  const teams = await listTeams(trx, orgId);
  const supportTeamId = teams.find((t) => t.name === SUPPORT_TEAM[0])?.team_id ?? (await insertTeam(trx, orgId, SUPPORT_TEAM[0], now));
  for (const name of SUPPORT_TEAM[1]) await addTeamMember(trx, orgId, supportTeamId, ids.get(name)!, now);
  return { ids, supportTeamId };
}

export async function moveDemoPipeline(
  trx: Trx,
  orgId: number,
  seed: number,
  nowIso: string,
  owners: number[] = [],
): Promise<{ candidates: number; pursuits: number }> {
  // Candidates and pursuits are owned in turn by the demo's people (by id, no draw from the seed's stream).
  const ownerOf = (candidateId: number) => (owners.length === 0 ? null : String(owners[candidateId % owners.length]));
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
    const c = await insertCandidate(trx, { orgId, title, status, ownerUserId: null, now: touched, createdAt: s.ts });
    await linkSignals(trx, orgId, c.candidate_id, [s.signal_id], s.ts);
    ev('candidate.created', 'candidate', c.candidate_id, { candidateId: c.candidate_id, title, signalId: s.signal_id }, s.ts);
    if (status !== 'new') ev('candidate.triaged', 'candidate', c.candidate_id, { candidateId: c.candidate_id, status: 'triaged' }, touched);
    if (status !== 'new' && status !== 'triaged') ev(`candidate.${status}`, 'candidate', c.candidate_id, { candidateId: c.candidate_id, status }, touched);
    if (status !== 'promoted') continue;
    await promoteDemoCandidate(trx, { orgId, candidateId: c.candidate_id, title, touched, nowMs, r, ev, owner: ownerOf(c.candidate_id) });
    pursuits += 1;
  }
  for (let i = 0; i < events.length; i += 500) await appendEvents(trx, events.slice(i, i + 500));
  return { candidates: signals.length, pursuits };
}

/** A promoted candidate's pursuit, at a random stage (some won or lost), with checklist and proposal. */
async function promoteDemoCandidate(
  trx: Trx,
  d: { orgId: number; candidateId: number; title: string; touched: string; nowMs: number; r: () => number; ev: DemoEvent; owner: string | null },
): Promise<void> {
  const { orgId, title, touched, r, ev } = d;
  const reach = Math.floor(r() * 4);
  const outcome = reach === 3 && r() < 0.6 ? (r() < 0.6 ? 'won' : 'lost') : undefined;
  const value = Math.round((5_000 + r() * 120_000) / 100) * 100;
  const p = await insertPursuit(trx, {
    orgId,
    candidateId: d.candidateId,
    title,
    ownerUserId: d.owner,
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

/**
 * The queue as the team worked it (demo.queue.ts): completed tasks get their completion, first
 * response and resolution time, the SLA moments the monitor would have recorded on the way, a
 * history row and a `task.completed` event, back-dated (the workflow service stamps the current
 * time); then the patterns' average resolution time. The tasks left open are the SLA pass's.
 */
export async function workDemoQueue(trx: Trx, orgId: number, seed: number, nowIso: string): Promise<{ completed: number; red: number; yellow: number; green: number }> {
  const nowMs = Date.parse(nowIso);
  const rows = await trx
    .selectFrom('workflow_tasks')
    .select(['task_id', 'task_status', 'priority', 'workflow_category', 'source_received_at', 'created_at', 'sla_warn_at', 'sla_deadline'])
    .where('org_id', '=', orgId)
    .where('task_status', '<>', 'COMPLETED')
    .where('sla_deadline', 'is not', null)
    .execute();
  const tasks: Array<QueueTask & { category: string }> = rows.map((t) => ({
    task_id: t.task_id,
    task_status: t.task_status,
    priority: t.priority,
    category: t.workflow_category,
    startMs: Date.parse(t.source_received_at ?? t.created_at),
    createdMs: Date.parse(t.created_at),
    deadlineMs: Date.parse(t.sla_deadline!),
    warnMs: Date.parse(t.sla_warn_at ?? t.sla_deadline!),
  }));
  const plan = planQueue(tasks, nowMs, prng(seed ^ 0xc0ffee));
  const history: Array<NewRow<'workflow_status_history'>> = [];
  const events: NewWorkEvent[] = [];
  for (const { task, completedMs } of plan.completions) {
    const t = task as QueueTask & { category: string };
    const completedAt = new Date(completedMs).toISOString();
    const hours = Math.round(((completedMs - t.startMs) / HOUR) * 10) / 10;
    const late = completedMs > t.deadlineMs;
    const warned = completedMs >= t.warnMs;
    // One row per task: each has its own times (a demo of a few hundred tasks, not a hot path).
    await updateTaskRow(trx, orgId, t.task_id, {
      task_status: 'COMPLETED',
      completed_at: completedAt,
      first_response_at: new Date(Math.min(completedMs, t.createdMs + (completedMs - t.createdMs) / 3)).toISOString(),
      resolution_hours: hours,
      sla_next_at: null,
      ...(late ? { sla_status: 'breached' as const, sla_breached_at: new Date(t.deadlineMs).toISOString() } : {}),
      ...(warned ? { sla_warned_at: new Date(t.warnMs).toISOString() } : {}),
      ...(warned && !late ? { sla_status: 'warning' as const } : {}),
      updated_at: completedAt,
    });
    history.push({ org_id: orgId, task_id: t.task_id, from_status: t.task_status, to_status: 'COMPLETED', changed_by: DEMO_ACTOR, reason: 'done', changed_at: completedAt });
    events.push({
      orgId,
      eventName: 'task.completed',
      itemType: 'task',
      itemId: t.task_id,
      payload: { taskId: t.task_id, category: t.category, status: 'COMPLETED', oldStatus: t.task_status, resolutionHours: hours },
      actor: DEMO_ACTOR,
      happenedAt: completedAt,
    });
  }
  await insertHistoryRows(trx, history);
  for (let i = 0; i < events.length; i += 500) await appendEvents(trx, events.slice(i, i + 500));
  await refreshPatternResolutionHours(trx, orgId);
  return { completed: plan.completions.length, red: plan.red.length, yellow: plan.yellow.length, green: plan.green.length };
}
