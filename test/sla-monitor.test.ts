import pg from 'pg';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../src/app/serve-role.js';
import { createOrg } from '../src/auth/orgs.repository.js';
import { runCli } from '../src/cli/main.js';
import type { Database } from '../src/db/create-db.js';
import { systemClock } from '../src/shared/clock.js';
import { runSlaPass, SLA_PASS_LOCK, type SlaPassResult } from '../src/sla/monitor.js';
import { insertRule } from '../src/sla/rules.repository.js';
import { slaMetrics } from '../src/sla/sla.metrics.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';
import { insertCandidate, insertTask } from './helpers/factories.js';
import { gate, waitFor } from './helpers/wait-for.js';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

/** Overdue CRITICAL tasks (4 h window, created 5 h ago): the next pass breaches each once. */
async function overdueTasks(database: Database, orgId: number, n: number): Promise<string[]> {
  return Promise.all(Array.from({ length: n }, () => insertTask(database.db, orgId, { createdAt: ago(5), priority: 'CRITICAL' })));
}

/** Takes the SLA pass lock as another monitor would (retrying while a pass holds it); returns its release. */
async function holdPassLock(database: Database): Promise<() => Promise<void>> {
  const hold = gate();
  for (;;) {
    const entered = gate();
    const attempt = database.tryExclusive(SLA_PASS_LOCK, async () => {
      entered.open();
      await hold.promise;
    });
    const got = await Promise.race([entered.promise.then(() => true), attempt.then((r) => r.acquired)]);
    if (got) {
      return async () => {
        hold.open();
        await attempt;
      };
    }
    await new Promise((r) => setTimeout(r, 10)); // a pass holds it: try again after it
  }
}

describeEachEngine('SLA passes run one at a time per database', (engine) => {
  let tdb: TestDatabase;
  let handles: Database[];

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    // Five monitors: five handles on the same data (five sessions on PostgreSQL).
    handles = Array.from({ length: 5 }, () => tdb.reopen());
  });
  afterAll(async () => {
    for (const h of handles) await h.close();
    await tdb.drop();
  });

  it('tryExclusive: of five callers at once exactly one runs, the others are told at once, and runs never overlap', async () => {
    const spans: Array<{ start: number; end: number }> = [];
    const hold = gate();
    let inside = 0;
    const attempt = (h: Database) =>
      h.tryExclusive('test:exclusive', async () => {
        inside += 1;
        const start = performance.now();
        expect(inside).toBe(1);
        await hold.promise;
        spans.push({ start, end: performance.now() });
        inside -= 1;
        return h;
      });
    const settled: string[] = [];
    const all = handles.map((h, i) => attempt(h).then((r) => (settled.push(`${i}:${r.acquired}`), r)));
    // The four that did not get it answer while the fifth still holds it: skipped, not queued.
    await waitFor(() => settled.length === 4, { timeoutMs: 15_000, what: `four refusals (${settled.join(', ')})` });
    expect(settled.every((s) => s.endsWith(':false'))).toBe(true);
    hold.open();
    const results = await Promise.all(all);
    expect(results.filter((r) => r.acquired)).toHaveLength(1);
    expect(spans).toHaveLength(1);

    // Released afterwards, and after an error too: the next caller gets it.
    await expect(handles[1]!.tryExclusive('test:exclusive', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await handles[2]!.tryExclusive('test:exclusive', async () => 42)).toEqual({ acquired: true, value: 42 });
    // Sequential runs on different handles do not overlap either.
    const seq: Array<{ start: number; end: number }> = [];
    for (const h of handles) {
      const r = await h.tryExclusive('test:exclusive', async () => {
        const start = performance.now();
        await new Promise((r2) => setImmediate(r2));
        seq.push({ start, end: performance.now() });
      });
      expect(r.acquired).toBe(true);
    }
    for (let i = 1; i < seq.length; i++) expect(seq[i]!.start).toBeGreaterThanOrEqual(seq[i - 1]!.end);
  });

  it('five monitors asked to pass at the same moment: exactly one pass runs, four are skipped, nothing is doubled', async () => {
    const org = await createOrg(tdb.database.db, { name: `Five ${engine.name}`, now: ago(10) });
    const ids = await overdueTasks(tdb.database, org.org_id, 20);

    // PostgreSQL: hold the winning pass inside its first write (a table lock taken by the test), so
    // it is provably still running while the other four ask. SQLite needs no help: the first caller
    // takes the process's lock before any of the others gets to ask.
    let blocker: pg.Client | undefined;
    if (engine.name === 'postgres') {
      blocker = new pg.Client({ connectionString: tdb.processUrl });
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('lock table workflow_tasks in share mode');
    }
    const settled: SlaPassResult[] = [];
    const passes = handles.map((h) => runSlaPass({ database: h, clock: systemClock }).then((r) => (settled.push(r), r)));
    try {
      await waitFor(() => settled.length >= 4, { timeoutMs: 15_000, what: 'four skipped passes' });
      if (blocker) expect(settled.every((r) => r.skipped)).toBe(true);
    } finally {
      await blocker?.query('commit');
      await blocker?.end();
    }
    const results = await Promise.all(passes);
    const ran = results.filter((r) => !r.skipped);
    expect(ran).toHaveLength(1);
    expect(results.filter((r) => r.skipped)).toHaveLength(4);
    expect(ran[0]).toMatchObject({ tasks_breached: 20, breaches_opened: 20, breaches_by_metric: { task_sla: { opened: 20, resolved: 0 } } });

    const violated = await tdb.database.db
      .selectFrom('work_event')
      .select(['item_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', org.org_id)
      .where('event_name', '=', 'task.sla_violated')
      .groupBy('item_id')
      .execute();
    expect(violated.map((v) => Number(v.n))).toEqual(ids.map(() => 1));
  });

  it('`flowledger sla run` says it skipped when another pass is running, and runs once it is not', async () => {
    const env = { DATABASE_URL: tdb.processUrl };
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const release = await holdPassLock(tdb.database);
    try {
      expect(await runCli(['sla', 'run'], env, out)).toBe(0);
      expect(lines.at(-1)).toMatch(/^SLA pass at \S+ skipped: another SLA pass is running/);
      expect(await runCli(['sla', 'run', '--json'], env, out)).toBe(0);
      expect(JSON.parse(lines.at(-1)!)).toEqual({ at: expect.any(String), skipped: true });
    } finally {
      await release();
    }
    expect(await runCli(['sla', 'run', '--json'], env, out)).toBe(0);
    await expect(runCli(['sla'], env, out)).rejects.toThrow(/flowledger sla run .*\| flowledger sla monitor/);
    await expect(runCli(['sla', 'monitor', '--at', '2030-01-01T00:00:00Z'], env, out)).rejects.toThrow(/--at is for `flowledger sla run`/);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ skipped: false, tasks_breached: 0 });
  });
});

/** The value of one sample line of Prometheus text (`name{labels} value`), or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describeEachEngine('SLA monitor metrics on /metrics', (engine) => {
  let tdb: TestDatabase;
  let server: RunningServer;
  const scrape = async () => (await fetch(`${server.url}/metrics`)).text();

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    server = await serve({
      workers: true,
      env: { DATABASE_URL: tdb.processUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SLA_INTERVAL: '100ms', SHUTDOWN_DRAIN_DELAY: '0', SECRETS_KEY: process.env.SECRETS_KEY! },
      print: () => {},
    });
  });
  afterAll(async () => {
    await server?.stop();
    await tdb.drop();
  });

  it('exports every series from the start, then counts passes, breaches by metric, skips and failures', async () => {
    const first = await scrape();
    for (const series of [
      'flowledger_sla_passes_total{outcome="skipped"}',
      'flowledger_sla_passes_total{outcome="failed"}',
      'flowledger_sla_breaches_opened_total{metric="triage_sla"}',
      'flowledger_sla_breaches_resolved_total{metric="task_sla"}',
    ]) {
      expect(sample(first, series), series).toBeGreaterThanOrEqual(0);
    }
    expect(first).toContain('flowledger_sla_last_success_timestamp_seconds ');
    expect(first).toContain('flowledger_sla_pass_duration_seconds_count ');

    // The server's own handle: two SQLite connections in one thread would block each other.
    const db = server.database;
    const org = await createOrg(db.db, { name: 'Metrics', now: ago(100) });
    await insertRule(db.db, org.org_id, { metric: 'triage_sla', threshold_hrs: 24, warn_pct: 75, is_active: true, calendar: null }, ago(100));
    await insertCandidate(db.db, org.org_id, { lastTouchAt: ago(48) });
    const tasks = await overdueTasks(db, org.org_id, 3);

    const afterBreaches = await waitFor(
      async () => {
        const text = await scrape();
        return sample(text, 'flowledger_sla_breaches_opened_total{metric="task_sla"}') === 3 &&
          sample(text, 'flowledger_sla_breaches_opened_total{metric="triage_sla"}') === 1
          ? text
          : undefined;
      },
      { timeoutMs: 20_000, what: 'breach counters' },
    );
    expect(sample(afterBreaches, 'flowledger_sla_passes_total{outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(afterBreaches, 'flowledger_sla_pass_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    const lastSuccess = sample(afterBreaches, 'flowledger_sla_last_success_timestamp_seconds')!;
    expect(Math.abs(lastSuccess - Date.now() / 1000)).toBeLessThan(600);

    // Completing the tasks resolves their breaches on the next pass.
    await db.db.updateTable('workflow_tasks').set({ task_status: 'COMPLETED', completed_at: new Date().toISOString() }).where('task_id', 'in', tasks).execute();
    await waitFor(async () => sample(await scrape(), 'flowledger_sla_breaches_resolved_total{metric="task_sla"}') === 3, {
      timeoutMs: 20_000,
      what: 'resolved counter',
    });

    // Another holder of the pass lock: the monitor's passes are skipped, and counted so.
    const skippedBefore = sample(await scrape(), 'flowledger_sla_passes_total{outcome="skipped"}')!;
    const release = await holdPassLock(db);
    try {
      await waitFor(async () => sample(await scrape(), 'flowledger_sla_passes_total{outcome="skipped"}')! > skippedBefore, {
        timeoutMs: 20_000,
        what: 'a skipped pass',
      });
    } finally {
      await release();
    }

    // A pass that fails (its rules table is gone) is counted as failed; the monitor keeps going.
    await db.db.schema.alterTable('sla_rule').renameTo('sla_rule_away').execute();
    try {
      await waitFor(async () => sample(await scrape(), 'flowledger_sla_passes_total{outcome="failed"}')! >= 1, {
        timeoutMs: 20_000,
        what: 'a failed pass',
      });
    } finally {
      await db.db.schema.alterTable('sla_rule_away' as never).renameTo('sla_rule').execute();
    }
    const okBefore = sample(await scrape(), 'flowledger_sla_passes_total{outcome="ok"}')!;
    await waitFor(async () => sample(await scrape(), 'flowledger_sla_passes_total{outcome="ok"}')! > okBefore, { timeoutMs: 20_000, what: 'passes after the failure' });
  });
});

describe('sla metrics', () => {
  it('are named exactly as the alert rules expect', async () => {
    const registry = new Registry();
    slaMetrics(registry);
    expect(slaMetrics(registry)).toBe(slaMetrics(registry)); // once per registry
    const names = (await registry.getMetricsAsJSON()).map((m) => `${m.name}:${m.type}`).sort();
    expect(names).toEqual([
      'flowledger_sla_breaches_opened_total:counter',
      'flowledger_sla_breaches_resolved_total:counter',
      'flowledger_sla_last_success_timestamp_seconds:gauge',
      'flowledger_sla_pass_duration_seconds:histogram',
      'flowledger_sla_passes_total:counter',
    ]);
  });
});
