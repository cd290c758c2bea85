import { sql } from 'kysely';
import type { Database, Trx } from '../db/create-db.js';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Clock } from '../shared/clock.js';
import type { Service } from '../shared/lifecycle.js';
import type { Logger } from '../shared/logger.js';
import { applyTaskTransitions, resolveTaskBreaches, selectDueTasks, transitionFor, type DueTask, type TaskTransition } from './task-escalation.js';
import { appendEvents } from '../outbox/work-events.repository.js';
import { evaluateWorkstreamRules } from './workstream-breaches.js';
import { Periodic } from '../shared/periodic.js';

/** Arbitrary but fixed: the advisory lock that makes one SLA pass at a time across processes. */
const SLA_LOCK_KEY = 7166002;
const BATCH = 5000;

export interface SlaPassSummary {
  at: string;
  tasks_warned: number;
  tasks_breached: number;
  task_status_changes: number;
  breaches_opened: number;
  breaches_resolved: number;
  events: number;
  duration_ms: number;
}

export interface SlaDeps {
  database: Database;
  clock: Clock;
  commitFeed?: CommitFeed;
}

async function lockedTransaction<T>(database: Database, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(async (trx) => {
    // Several processes may run the monitor: on PostgreSQL they queue on an advisory lock (held to
    // the end of the transaction); SQLite's BEGIN IMMEDIATE already admits one writer at a time.
    if (database.caps.advisoryLocks) await sql`select pg_advisory_xact_lock(${SLA_LOCK_KEY})`.execute(trx);
    return fn(trx);
  });
}

/** One SLA pass over every org at `at` (default: the clock's now). Safe to run concurrently. */
export async function runSlaPass(deps: SlaDeps, at?: Date): Promise<SlaPassSummary> {
  const started = Date.now();
  const now = at ?? deps.clock.now();
  const nowIso = now.toISOString();
  const nowMs = now.getTime();
  const s: SlaPassSummary = {
    at: nowIso,
    tasks_warned: 0,
    tasks_breached: 0,
    task_status_changes: 0,
    breaches_opened: 0,
    breaches_resolved: 0,
    events: 0,
    duration_ms: 0,
  };

  // Tasks, in batches, each batch its own short transaction.
  for (;;) {
    const n = await lockedTransaction(deps.database, async (trx) => {
      const due = await selectDueTasks(trx, deps.database, nowIso, BATCH);
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
      s.breaches_opened += r.breached;
      return due.length;
    });
    if (n < BATCH) break;
  }

  await lockedTransaction(deps.database, async (trx) => {
    const resolved = await resolveTaskBreaches(trx, nowIso);
    await appendEvents(trx, resolved);
    s.breaches_resolved += resolved.length;
    s.events += resolved.length;
    const ws = await evaluateWorkstreamRules(trx, nowIso);
    s.breaches_opened += ws.opened;
    s.breaches_resolved += ws.resolved;
    s.events += ws.opened + ws.resolved;
  });

  if (s.events > 0) deps.commitFeed?.notify();
  s.duration_ms = Date.now() - started;
  return s;
}

/** Runs a pass every `intervalMs` inside serve/worker; stop() waits for a pass in flight. */
export class SlaMonitor implements Service {
  readonly name = 'sla-monitor';
  private readonly periodic: Periodic;

  constructor(deps: SlaDeps & { logger: Logger }, intervalMs: number) {
    this.periodic = new Periodic(intervalMs, () =>
      runSlaPass(deps).then(
        (s) => {
          if (s.events > 0) deps.logger.info({ sla: s }, 'SLA pass');
        },
        (err: unknown) => deps.logger.error({ err }, 'SLA pass failed'),
      ),
    );
  }

  start(): void {
    this.periodic.start();
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}
