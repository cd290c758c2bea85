/**
 * npm run bench:realtime — delivery latency, throughput and loss of FlowLedger's /ws against the
 * floor (a bare `ws` server looping send()) and Socket.IO 4 (room broadcast), each server in its
 * own process and all clients in another (the machine has 2 cores: one each).
 *
 *   scenario A: 1,000 clients, an event every 10 ms for 10 s  (100,000 deliveries/s)
 *   scenario B: 5,000 clients, an event every 50 ms for 10 s  (100,000 deliveries/s)
 *   plus FlowLedger from a committed change (transaction → commit tap → client), scenario A's load
 *
 * Options: --duration 10s (per run), --only A|B|commit, --servers ws,flowledger,socketio (order),
 * --profile (CPU profiles of the server processes into /tmp/rt-prof).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { percentile, type ClientResult, type RunDone, type ServerKind, type ServerReady } from './shared.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const durationMs = Number((opt('duration') ?? '10s').replace(/s$/, '')) * 1000;
const only = opt('only');
const here = import.meta.dirname;
const tsx = import.meta.resolve('tsx');

function child(file: string, argv: string[]): ChildProcess {
  const prof = args.includes('--profile') && file === 'server.ts' ? ['--cpu-prof', '--cpu-prof-dir=/tmp/rt-prof'] : [];
  return fork(join(here, file), argv, { execArgv: ['--import', tsx, ...prof], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function nextMessage<T extends { type: string }>(c: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMsg = (m: T) => {
      if (m.type !== type) return;
      c.off('message', onMsg);
      c.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number | null) => reject(new Error(`child exited (${code}) before "${type}"`));
    c.on('message', onMsg);
    c.once('exit', onExit);
  });
}

interface Row {
  scenario: string;
  server: string;
  clients: number;
  p50: number;
  p99: number;
  max: number;
  perSec: number;
  expected: number;
  lost: number;
  dropped: number;
}

async function runOne(scenario: string, kind: ServerKind, clients: number, intervalMs: number): Promise<Row> {
  const server = child('server.ts', [kind]);
  const ready = await nextMessage<ServerReady>(server, 'ready');
  const published = Math.floor(durationMs / intervalMs);
  const cl = child('clients.ts', [kind, String(ready.port), String(clients), String(published), ready.key ?? '']);
  try {
    await nextMessage(cl, 'connected');
    await new Promise((r) => setTimeout(r, 500)); // let connection set-up settle
    server.send({ type: 'run', intervalMs, durationMs });
    const done = await nextMessage<RunDone>(server, 'done');
    const expected = done.published * clients;
    // Wait for stragglers: until everything arrived, or nothing new for 2 s.
    let last = -1;
    for (let waited = 0; waited < 20_000; waited += 250) {
      cl.send({ type: 'count' });
      const { received } = await nextMessage<{ type: 'count'; received: number }>(cl, 'count');
      if (received >= expected) break;
      if (received === last && waited >= 2_000) break;
      last = received;
      await new Promise((r) => setTimeout(r, 250));
    }
    cl.send({ type: 'collect' });
    const res = await nextMessage<ClientResult>(cl, 'result');
    const sorted = Float64Array.from(res.latenciesUs);
    const spanS = Math.max(0.001, (res.lastUs - res.firstUs) / 1e6);
    return {
      scenario,
      server: kind,
      clients,
      p50: percentile(sorted, 50) / 1000,
      p99: percentile(sorted, 99) / 1000,
      max: (sorted.at(-1) ?? NaN) / 1000,
      perSec: Math.round(res.received / spanS),
      expected,
      lost: Math.max(0, expected - res.received),
      dropped: done.dropped ?? 0,
    };
  } finally {
    cl.kill();
    server.disconnect();
    await new Promise((r) => (server.exitCode === null ? server.once('exit', r) : r(null)));
  }
}

const kinds = (opt('servers') ?? 'ws,flowledger,socketio').split(',') as ServerKind[];
const plan: Array<[string, ServerKind, number, number]> = [];
if (!only || only === 'A') for (const k of kinds) plan.push(['A 1k×10ms', k, 1000, 10]);
if (!only || only === 'B') for (const k of kinds) plan.push(['B 5k×50ms', k, 5000, 50]);
if (!only || only === 'commit') plan.push(['commit 1k×10ms', 'flowledger-commit', 1000, 10]);

console.log(`realtime bench: ${durationMs / 1000}s per run, node ${process.version}, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const rows: Row[] = [];
for (const [scenario, kind, clients, interval] of plan) {
  const r = await runOne(scenario, kind, clients, interval);
  rows.push(r);
  console.log(
    `${r.scenario.padEnd(15)} ${r.server.padEnd(18)} clients ${String(r.clients).padStart(5)}  p50 ${r.p50.toFixed(2).padStart(7)} ms  p99 ${r.p99.toFixed(2).padStart(8)} ms  max ${r.max.toFixed(1).padStart(7)} ms  ${String(r.perSec).padStart(7)} deliveries/s  lost ${r.lost}/${r.expected}${r.dropped ? `  (dropped clients ${r.dropped})` : ''}`,
  );
}
for (const s of new Set(rows.map((r) => r.scenario))) {
  const floor = rows.find((r) => r.scenario === s && r.server === 'ws');
  const fl = rows.find((r) => r.scenario === s && r.server === 'flowledger');
  const sio = rows.find((r) => r.scenario === s && r.server === 'socketio');
  if (floor && fl && sio) {
    console.log(`${s}: FlowLedger p99 = ${(fl.p99 / floor.p99).toFixed(2)}× the bare-ws floor; Socket.IO p99 = ${(sio.p99 / floor.p99).toFixed(2)}× (goal: FlowLedger ≤ 1.5× and below Socket.IO; nothing lost)`);
  }
}
