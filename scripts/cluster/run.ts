/**
 * `npm run test:cluster`: FlowLedger's scale-out shape, run as an operator would and checked from
 * outside. On the PostgreSQL server of TEST_DATABASE_URL (or DATABASE_URL) it creates a database of
 * its own, starts 3 API nodes (`serve --no-workers`), 2 workers (`worker`: outbox + SLA monitor) and
 * HAProxy (deploy/haproxy/haproxy.cfg, Debian's package, installed when missing) on loopback ports,
 * runs the checks below, prints one table row per check and exits 1 if any failed. Everything it
 * started is stopped and the database dropped at the end, on failure and on Ctrl-C too.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx scripts/cluster/run.ts [--changes 2000] …
 *
 * What each check proves, per deployment shape: docs/scaling.md.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createApiKey } from '../../src/auth/api-keys.repository.js';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { scaled } from '../../test/helpers/time-scale.js';
import { ensureHaproxy } from '../haproxy-pair.js';
import {
  killNode,
  openListeners,
  readAfterWrite,
  realtimeAcrossNodes,
  revocation,
  slaOneAtATime,
  startReceiver,
  webhooksOnce,
  WEBHOOK_EVENTS,
  type Keys,
  type Listener,
  type Row,
} from './checks.js';
import { NODE_POOL_SIZE, startCluster, WORKER_CONCURRENCY, type Cluster } from './rig.js';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '12' },
    changes: { type: 'string', default: '2000' },
    writes: { type: 'string', default: '500' },
    webhooks: { type: 'string', default: '5000' },
    'sla-tasks': { type: 'string', default: '300' },
    'kill-changes': { type: 'string', default: '800' },
    // Children's output of a failed run is printed (the tail of each); --verbose prints it always.
    verbose: { type: 'boolean', default: false },
  },
});
const num = (name: keyof typeof args) => Number(args[name]);
/**
 * The whole run is bounded: a hang fails it (and still cleans up) instead of blocking CI. 5 minutes
 * on a quiet machine, times the load factor of test/helpers/time-scale.ts (TEST_TIME_SCALE).
 */
const RUN_TIMEOUT_MS = scaled(5 * 60_000);

const log = (line: string) => process.stdout.write(`[cluster ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

function printTable(rows: Row[]): void {
  const head = { name: 'check', figure: 'measured', goal: 'goal', verdict: 'verdict' };
  const cells = rows.map((r) => ({ name: r.name, figure: r.figure, goal: r.goal, verdict: r.ok ? 'PASS' : 'FAIL' }));
  const w = (k: keyof typeof head) => Math.max(head[k].length, ...cells.map((c) => c[k].length));
  const widths = { name: w('name'), goal: w('goal'), verdict: w('verdict') };
  const line = (c: typeof head) => `| ${c.name.padEnd(widths.name)} | ${c.figure} | ${c.goal.padEnd(widths.goal)} | ${c.verdict.padEnd(widths.verdict)} |`;
  process.stdout.write(`\n${line(head)}\n`);
  for (const c of cells) process.stdout.write(`${line(c)}\n`);
  process.stdout.write('\n');
}

/** Peak connections the cluster's processes hold to its database, by application_name. */
function connectionWatch(cluster: Cluster): { stop(): Promise<{ peak: number; byApp: string }> } {
  let peak = 0;
  let byApp = '';
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await sql<{ application_name: string; n: number }>`
        select application_name, count(*)::int as n from pg_stat_activity where datname = current_database() group by application_name`
        .execute(cluster.database.db)
        .then((r) => r.rows)
        .catch(() => []);
      const total = rows.reduce((s, r) => s + r.n, 0);
      if (total > peak) {
        peak = total;
        byApp = rows.map((r) => `${r.application_name || '(none)'} ${r.n}`).join(', ');
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { peak, byApp };
    },
  };
}

async function main(): Promise<number> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl?.startsWith('postgres')) {
    process.stderr.write('test:cluster needs a PostgreSQL server: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).\n');
    return 2;
  }
  const installed = ensureHaproxy();
  if (!installed.ok) {
    process.stderr.write(`${installed.reason}\n`);
    return 1;
  }

  const cleanups: Array<() => Promise<void>> = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const c of cleanups.reverse()) await c().catch((err: unknown) => log(`cleanup: ${String(err)}`));
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the cluster`);
    void cleanup().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const timer = setTimeout(() => {
    log(`the run took longer than ${(RUN_TIMEOUT_MS / 60_000).toFixed(1)} min: stopping`);
    printTable(sortedRows());
    void cleanup().then(() => process.exit(1));
  }, RUN_TIMEOUT_MS);
  timer.unref();

  const t0 = performance.now();
  const rows = new Map<number, Row>();
  const sortedRows = () => [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
  let cluster: Cluster | undefined;
  let listeners: Listener[] = [];
  let failed = false;
  try {
    cluster = await startCluster({ serverUrl, register: (stop) => cleanups.push(stop), log });
    const c = cluster;
    log(`cluster up in ${((performance.now() - t0) / 1000).toFixed(1)} s: HAProxy ${c.url} → ${c.nodes.map((n) => `${n.name} ${n.url}`).join(', ')}`);
    const connections = connectionWatch(c);
    cleanups.push(async () => void (await connections.stop()));

    const now = new Date().toISOString();
    const org = await createOrg(c.database.db, { name: 'Cluster', now });
    const keys: Keys = {
      orgId: org.org_id,
      admin: (await createApiKey(c.database.db, { orgId: org.org_id, role: 'admin', now })).key,
      member: (await createApiKey(c.database.db, { orgId: org.org_id, role: 'member', now })).key,
      viewer: (await createApiKey(c.database.db, { orgId: org.org_id, role: 'viewer', now })).key,
    };
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    // Before any task: every task.created of the run is owed to it (and the events check 4 appends).
    const hook = await fetch(`${c.url}/api/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: receiver.url, events: WEBHOOK_EVENTS }),
    });
    if (hook.status !== 201) throw new Error(`POST /api/webhooks answered ${hook.status}: ${await hook.text()}`);

    listeners = await openListeners(c, keys.viewer, num('clients'));
    cleanups.push(async () => listeners.forEach((l) => l.client.close()));

    const step = async (n: number, what: string, run: () => Promise<Row>) => {
      log(`check ${n}: ${what}`);
      const started = performance.now();
      try {
        rows.set(n, await run());
      } catch (err) {
        rows.set(n, { name: `${n} ${what}`, figure: `error: ${(err as Error).message.split('\n')[0]}`, goal: '', ok: false });
      }
      log(`check ${n}: ${rows.get(n)!.ok ? 'PASS' : 'FAIL'} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    };
    await step(1, 'realtime across nodes', () => realtimeAcrossNodes(c, keys, listeners, num('changes')));
    await step(2, 'read-after-write across nodes', () => readAfterWrite(c, keys, num('writes')));
    await step(3, 'revocation on every node', () => revocation(c, keys));
    await step(5, 'one SLA pass at a time', () => slaOneAtATime(c, keys, num('sla-tasks')));
    await step(6, 'kill -9 of an API node', async () => (await killNode(c, keys, listeners, num('kill-changes'))).row);
    // Last: it waits for the deliveries of every task.created of the run, the killed node's included.
    await step(4, 'webhooks once across workers', () => webhooksOnce(c, keys, receiver, num('webhooks')));

    const conn = await connections.stop();
    const budget = 3 * (NODE_POOL_SIZE + 2) + 2 * (Math.max(NODE_POOL_SIZE, WORKER_CONCURRENCY + 2) + 2) + 2;
    rows.set(7, {
      name: '7 connection budget',
      figure: `peak ${conn.peak} connections to the cluster database (${conn.byApp})`,
      goal: `≤ ${budget} (3 × (pool ${NODE_POOL_SIZE} + 2) + 2 × (pool ${Math.max(NODE_POOL_SIZE, WORKER_CONCURRENCY + 2)} + 2) + 2)`,
      ok: conn.peak <= budget,
    });
  } catch (err) {
    failed = true;
    log(`the cluster run failed: ${(err as Error).stack ?? String(err)}`);
  } finally {
    const all = sortedRows();
    if (all.length) printTable(all);
    failed ||= all.length < 7 || all.some((r) => !r.ok);
    if (cluster && (failed || args.verbose)) {
      for (const child of [...cluster.nodes, ...cluster.workers, cluster.haproxy.child]) {
        // Request logs say little here; the rest (errors, worker notes) is what explains a failure.
        const lines = child.output().trimEnd().split('\n').filter((l) => !/"msg":"(incoming request|request completed)"|"POST \/api\/workflow\/tasks /.test(l));
        const tail = lines.slice(-15).join('\n');
        process.stdout.write(`--- ${child.name} (last lines)\n${tail}\n`);
      }
    }
    log('stopping the cluster and dropping its database');
    await cleanup();
    clearTimeout(timer);
  }
  log(`${failed ? 'FAILED' : 'passed'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

process.exit(await main());
