import { performance } from 'node:perf_hooks';
import type { Registry } from 'prom-client';
import type { Database } from '../db/create-db.js';
import { orgGroupLabel, type OrgGroup } from '../db/org-group.js';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Clock } from '../shared/clock.js';
import type { Service } from '../shared/lifecycle.js';
import type { Logger } from '../shared/logger.js';
import { tallyBreaches, type BreachTally } from './breaches.repository.js';
import { slaMetrics } from './sla.metrics.js';
import { applyTaskTransitions, resolveTaskBreaches, selectDueTasks, transitionFor, type DueTask, type TaskTransition } from './task-escalation.js';
import { appendEvents } from '../outbox/work-events.repository.js';
import { evaluateWorkstreamRules } from './workstream-breaches.js';
import { applyFirstResponses, resolveFirstResponseBreaches, selectDueFirstResponses } from './first-response.js';
import { isUnavailable } from '../shared/errors.js';
import { Periodic } from '../shared/periodic.js';

/** The name passes hold while they run (Database.tryExclusive): one pass at a time per database (per org group, with one). */
export const SLA_PASS_LOCK = 'flowledger:sla-pass';
const passLock = (group: OrgGroup | undefined) => (group ? `${SLA_PASS_LOCK}:${orgGroupLabel(group)}` : SLA_PASS_LOCK);
const BATCH = 5000;

export interface SlaPassSummary {
  at: string;
  skipped: false;
  tasks_warned: number;
  tasks_breached: number;
  /** Tasks whose first response became due soon (warning) or overdue (breached) in this pass. */
  first_responses_warned: number;
  first_responses_breached: number;
  task_status_changes: number;
  breaches_opened: number;
  breaches_resolved: number;
  /** The same breaches by SLA metric (`task_sla`, `first_response_sla`, `triage_sla`, `proposal_sla`, `submit_sla`). */
  breaches_by_metric: BreachTally;
  events: number;
  duration_ms: number;
}

/** Another pass was running on this database when this one was asked for: it did nothing. */
export interface SlaPassSkipped {
  at: string;
  skipped: true;
}

export type SlaPassResult = SlaPassSummary | SlaPassSkipped;

export interface SlaDeps {
  database: Database;
  clock: Clock;
  commitFeed?: CommitFeed;
  /** The process's registry, for the flowledger_sla_* metrics (sla.metrics.ts); none for a one-shot CLI pass. */
  metrics?: { registry: Registry };
  /**
   * Only this group's orgs (the ORG_GROUP setting): each selection and resolution of the pass names
   * the group, so the pass could run per shard. Groups of the processes must not overlap; no group:
   * every org, the statements unchanged.
   */
  orgGroup?: OrgGroup | undefined;
}

/**
 * One SLA pass over every org at `at` (default: the clock's now), unless a pass is already running
 * on this database (in any process on PostgreSQL): then it is skipped, not queued. Queueing would
 * only repeat the same work right after the running pass, which has just done it.
 */
export async function runSlaPass(deps: SlaDeps, at?: Date): Promise<SlaPassResult> {
  const m = deps.metrics ? slaMetrics(deps.metrics.registry) : undefined;
  const now = at ?? deps.clock.now();
  const started = performance.now();
  let result;
  try {
    result = await deps.database.tryExclusive(passLock(deps.orgGroup), () => pass(deps, now, started));
  } catch (err) {
    m?.passes.inc({ outcome: 'failed' });
    m?.passDuration.observe((performance.now() - started) / 1000);
    throw err;
  }
  if (!result.acquired) {
    m?.passes.inc({ outcome: 'skipped' });
    return { at: now.toISOString(), skipped: true };
  }
  const s = result.value;
  if (m) {
    m.passes.inc({ outcome: 'ok' });
    m.passDuration.observe(s.duration_ms / 1000);
    // Wall time, not the injected clock: alerts compare it with Prometheus's time().
    m.lastSuccess.set(Date.now() / 1000);
    for (const [metric, n] of Object.entries(s.breaches_by_metric)) {
      if (n.opened) m.breachesOpened.inc({ metric }, n.opened);
      if (n.resolved) m.breachesResolved.inc({ metric }, n.resolved);
    }
  }
  return s;
}

/** The pass itself, run while holding SLA_PASS_LOCK: batches of due tasks, then breach resolution and workstream rules. */
async function pass(deps: SlaDeps, now: Date, started: number): Promise<SlaPassSummary> {
  const nowIso = now.toISOString();
  const nowMs = now.getTime();
  const s: SlaPassSummary = {
    at: nowIso,
    skipped: false,
    tasks_warned: 0,
    tasks_breached: 0,
    first_responses_warned: 0,
    first_responses_breached: 0,
    task_status_changes: 0,
    breaches_opened: 0,
    breaches_resolved: 0,
    breaches_by_metric: {},
    events: 0,
    duration_ms: 0,
  };

  // Tasks, in batches, each batch its own short transaction.
  for (;;) {
    // SQLite: BEGIN IMMEDIATE, so the CLI in another process writes between batches, never inside one.
    const n = await deps.database.db.transaction().execute(async (trx) => {
      const due = await selectDueTasks(trx, deps.database, nowIso, BATCH, deps.orgGroup);
      const transitions: TaskTransition[] = [];
      const untouched: DueTask[] = [];
      for (const t of due) {
        const tr = transitionFor(t, nowMs);
        if (tr) transitions.push(tr);
        else untouched.push(t);
      }
      const r = await applyTaskTransitions(trx, transitions, untouched, nowIso);
      s.tasks_warned += r.warned;
      s.tasks_breached += r.breached;
      s.task_status_changes += r.statusChanges;
      s.events += r.events;
      s.breaches_opened += r.breachEvents.length;
      tallyBreaches(s.breaches_by_metric, r.breachEvents);
      return due.length;
    });
    if (n < BATCH) break;
  }

  // First responses, the same way, after the deadlines (a task both late and unanswered moves once to RED).
  for (;;) {
    const n = await deps.database.db.transaction().execute(async (trx) => {
      const due = await selectDueFirstResponses(trx, deps.database, nowIso, BATCH, deps.orgGroup);
      const r = await applyFirstResponses(trx, due, nowIso);
      s.first_responses_warned += r.warned;
      s.first_responses_breached += r.breached;
      s.task_status_changes += r.statusChanges;
      s.events += r.events;
      s.breaches_opened += r.breachEvents.length;
      tallyBreaches(s.breaches_by_metric, r.breachEvents);
      return due.length;
    });
    if (n < BATCH) break;
  }

  await deps.database.db.transaction().execute(async (trx) => {
    const resolved = [...(await resolveTaskBreaches(trx, nowIso, deps.orgGroup)), ...(await resolveFirstResponseBreaches(trx, nowIso, deps.orgGroup))];
    await appendEvents(trx, resolved);
    s.breaches_resolved += resolved.length;
    s.events += resolved.length;
    tallyBreaches(s.breaches_by_metric, resolved);
    const ws = await evaluateWorkstreamRules(trx, nowIso, deps.orgGroup);
    s.breaches_opened += ws.opened;
    s.breaches_resolved += ws.resolved;
    s.events += ws.opened + ws.resolved;
    for (const [metric, n] of Object.entries(ws.byMetric)) {
      const t = (s.breaches_by_metric[metric] ??= { opened: 0, resolved: 0 });
      t.opened += n.opened;
      t.resolved += n.resolved;
    }
  });

  if (s.events > 0) deps.commitFeed?.notify();
  s.duration_ms = Math.round(performance.now() - started);
  return s;
}

/** Runs a pass every `intervalMs` (serve, worker, `sla monitor`); stop() waits for a pass in flight. */
export class SlaMonitor implements Service {
  readonly name = 'sla-monitor';
  private readonly periodic: Periodic;
  private started = false;

  constructor(
    private readonly deps: SlaDeps & { logger: Logger },
    private readonly intervalMs: number,
  ) {
    this.periodic = new Periodic(intervalMs, () =>
      runSlaPass(deps).then(
        (s) => {
          if (s.skipped) deps.logger.debug('SLA pass skipped: another pass is running');
          else if (s.events > 0) deps.logger.info({ sla: s }, 'SLA pass');
        },
        // An outage is logged once by the database's availability listener.
        (err: unknown) => deps.logger[isUnavailable(err) ? 'debug' : 'error']({ err }, 'SLA pass failed'),
      ),
    );
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.deps.logger.info({ intervalMs: this.intervalMs }, 'SLA monitor started');
    this.periodic.start();
  }

  async stop(): Promise<void> {
    await this.periodic.stop();
    if (this.started) this.deps.logger.info('SLA monitor stopped');
    this.started = false;
  }
}
