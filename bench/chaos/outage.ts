/**
 * `npm run chaos:outage`: takes PostgreSQL away from a running FlowLedger process (HTTP, realtime,
 * outbox worker) while clients keep writing, gives it back, and prints how long each part took to
 * recover, with the error answers seen during the outage and the acknowledged writes checked after.
 *
 *   --mode cluster   (default) a throwaway PostgreSQL cluster (pg_createcluster) stopped with
 *                    `pg_ctlcluster … stop -m fast` and started again: a real server going away
 *   --mode proxy     a TCP proxy in front of DATABASE_URL (default the local test database) is cut
 *   --rounds N       outages in a row (default 3)
 *   --outage 10s     how long the database stays away (default 10s)
 *
 * The shared PostgreSQL on 5432 is never stopped: cluster mode makes and drops its own.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { parseDuration } from '../../src/shared/duration.js';
import { startOutageRig, type OutageRig } from '../../test/helpers/outage-rig.js';
import { openSocket } from '../../test/helpers/ws-client.js';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'cluster' },
    rounds: { type: 'string', default: '3' },
    outage: { type: 'string', default: '10s' },
  },
});
const rounds = Number(values.rounds);
const outageMs = parseDuration(values.outage!) ?? 10_000;
if (!['cluster', 'proxy'].includes(values.mode!) || !(rounds >= 1)) throw new Error('usage: --mode cluster|proxy --rounds N --outage 10s');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Cluster {
  url: string;
  stop(): void;
  start(): void;
  drop(): void;
}

function makeCluster(): Cluster {
  const version = execFileSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).trim().split('\n')[0]!;
  const name = `flowledger_chaos_${process.pid}`;
  const port = 5400 + (process.pid % 90);
  execFileSync('pg_createcluster', [version, name, '--port', String(port), '--', '--auth=trust'], { stdio: 'ignore' });
  const ctl = (action: string, ...extra: string[]) => execFileSync('pg_ctlcluster', [version, name, action, ...extra], { stdio: 'ignore' });
  ctl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctl('stop', '-m', 'fast'),
    start: () => ctl('start'),
    drop: () => execFileSync('pg_dropcluster', [version, name, '--stop'], { stdio: 'ignore' }),
  };
}

interface RoundResult {
  errors: Record<number, number>;
  writeRecoveryMs: number;
  realtimeRecoveryMs: number;
  outboxRecoveryMs: number;
  acknowledged: number;
  missing: number;
}

async function round(rig: OutageRig, takeAway: () => Promise<void> | void, giveBack: () => Promise<void> | void): Promise<RoundResult> {
  const ws = openSocket(`${rig.wsUrl}?token=${rig.key}`);
  await ws.next((f) => f.event === 'system:ready', 30_000);
  const errors: Record<number, number> = {};
  const acknowledged: Array<{ id: string; at: number }> = [];
  let writing = true;
  let n = 0;
  const writer = (async () => {
    while (writing) {
      const res = await fetch(`${rig.baseUrl}/api/workflow/create`, {
        method: 'POST',
        headers: { authorization: `Bearer ${rig.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ workflow_category: 'Chaos', title: `write ${n++}` }),
      }).catch(() => undefined);
      if (res?.status === 201) acknowledged.push({ id: ((await res.json()) as { task_id: string }).task_id, at: Date.now() });
      else {
        const status = res?.status ?? 0;
        errors[status] = (errors[status] ?? 0) + 1;
        await res?.text();
        await sleep(50);
      }
    }
  })();
  await sleep(1_000);
  await takeAway();
  await sleep(outageMs);
  await giveBack();
  const back = Date.now();
  const firstWrite = await waitUntil(() => acknowledged.find((a) => a.at >= back));
  const realtime = await waitUntil(() => ws.frames.find((f) => f.event === 'workflow:task:created' && acknowledged.some((a) => a.at >= back && a.id === f.data.taskId)));
  const realtimeAt = ws.arrivals[ws.frames.indexOf(realtime)]!;
  writing = false;
  await writer;
  await waitUntil(async () => (await rig.query<{ n: string }>('select count(*) as n from work_event where processed_at is null and dead_letter_at is null'))[0]!.n === '0');
  const drainedAt = Date.now();
  const rows = await rig.query<{ task_id: string }>('select task_id from workflow_tasks where task_id = any($1)', [acknowledged.map((a) => a.id)]);
  await ws.close();
  return {
    errors,
    writeRecoveryMs: firstWrite.at - back,
    realtimeRecoveryMs: realtimeAt - back,
    outboxRecoveryMs: drainedAt - back,
    acknowledged: acknowledged.length,
    missing: acknowledged.length - rows.length,
  };
}

async function waitUntil<T>(check: () => T | Promise<T>, timeoutMs = 120_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('did not recover within 2 minutes');
    await sleep(20);
  }
}

const cluster = values.mode === 'cluster' ? makeCluster() : undefined;
const pgUrl = cluster?.url ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const rig = await startOutageRig(pgUrl);
const results: RoundResult[] = [];
try {
  for (let i = 0; i < rounds; i++) {
    const r = await round(
      rig,
      () => (cluster ? cluster.stop() : rig.proxy.cut()),
      () => (cluster ? cluster.start() : rig.proxy.restore()),
    );
    results.push(r);
    console.log(
      `round ${i + 1}: writes back after ${r.writeRecoveryMs} ms, realtime after ${r.realtimeRecoveryMs} ms, outbox drained after ${r.outboxRecoveryMs} ms; ` +
        `answers during the outage ${JSON.stringify(r.errors)}; ${r.acknowledged} writes acknowledged, ${r.missing} missing`,
    );
  }
} finally {
  await rig.close().catch(() => {});
  cluster?.drop();
}
const max = (k: keyof RoundResult) => Math.max(...results.map((r) => r[k] as number));
const errors500 = results.reduce((s, r) => s + (r.errors[500] ?? 0), 0);
const once = rig.logs.filter((l) => l.msg === 'database unavailable: answering 503 until it is back').length;
console.log(`\nmode ${values.mode}, ${rounds} outages of ${outageMs} ms`);
console.log(`worst recovery: writes ${max('writeRecoveryMs')} ms, realtime ${max('realtimeRecoveryMs')} ms, outbox ${max('outboxRecoveryMs')} ms`);
console.log(`500 answers: ${errors500}; acknowledged writes missing: ${results.reduce((s, r) => s + r.missing, 0)}; "database unavailable" log lines: ${once} for ${rounds} outages`);
if (errors500 > 0 || results.some((r) => r.missing > 0)) process.exitCode = 1;
const unexpected = rig.logs.filter((l) => l.level >= 50 && l.msg !== 'database unavailable: answering 503 until it is back');
for (const l of unexpected) console.log(`logged: ${l.msg} ${JSON.stringify((l as { err?: unknown }).err ?? '').slice(0, 400)}`);
