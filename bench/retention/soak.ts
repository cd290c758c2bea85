/**
 * Retention soak (SQLite): does the database stop growing once retention prunes as fast as writes
 * add? A `serve` (with workers, so the outbox, webhooks and the retention pruner run) on a fresh
 * SQLite file; clients keep moving a fixed set of tasks through their statuses at a fixed rate, and
 * every change is delivered to a loopback webhook receiver, so every table retention prunes grows:
 * work events, status history, webhook dispatch and delivery rows, webhook.deliver events.
 * Retention ages are seconds. The rate is fixed (not as fast as possible) so that the number of
 * live rows, rate × age, is the same all along; the size after warm-up (once the oldest rows are
 * being pruned) is then compared with the size at the end; the goal is within 10 %.
 *
 *   npm run soak:retention
 *
 * Options (environment): SOAK_MINUTES (total, default 3), SOAK_WARMUP_SECONDS (default 60),
 * SOAK_TASKS (default 50), SOAK_CLIENTS (default 4), SOAK_RATE (task updates per second, default
 * 100), SOAK_RETENTION_DELIVERY (default 15s),
 * SOAK_RETENTION_HISTORY (default 30s), SOAK_RETENTION_INTERVAL (default 5s).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { serve } from '../../src/app/serve-role.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 3);
const WARMUP_S = Number(process.env.SOAK_WARMUP_SECONDS ?? 60);
const TASKS = Number(process.env.SOAK_TASKS ?? 50);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 4);
const RATE = Number(process.env.SOAK_RATE ?? 100);
const RETENTION_DELIVERY = process.env.SOAK_RETENTION_DELIVERY ?? '15s';
const RETENTION_HISTORY = process.env.SOAK_RETENTION_HISTORY ?? '30s';
const RETENTION_INTERVAL = process.env.SOAK_RETENTION_INTERVAL ?? '5s';
const STATUSES = ['RED', 'YELLOW', 'GREEN'] as const;
const TABLES = ['work_event', 'workflow_status_history', 'webhook_dispatch', 'webhook_delivery'] as const;

const dir = mkdtempSync(join(tmpdir(), 'flowledger-soak-'));
const file = join(dir, 'soak.db');
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MiB`;
const size = () => {
  const wal = (() => {
    try {
      return statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  })();
  return { db: statSync(file).size, wal };
};

async function main(): Promise<void> {
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  let key = '';
  const server = await serve({
    workers: true,
    print: (line) => {
      const m = /(fl_[A-Za-z0-9_-]{20,})/.exec(line);
      if (m) key = m[1]!;
    },
    env: {
      DATABASE_URL: `sqlite:${file}`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      RETENTION_DELIVERY,
      RETENTION_HISTORY,
      RETENTION_INTERVAL,
    },
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const counts = new BetterSqlite3(file, { readonly: true });
  const rows = () => Object.fromEntries(TABLES.map((t) => [t, (counts.prepare(`select count(*) n from ${t}`).get() as { n: number }).n]));

  try {
    await call('POST', '/api/webhooks', { url: hookUrl, events: [] });
    const tasks: string[] = [];
    for (let i = 0; i < TASKS; i++) tasks.push((await call('POST', '/api/workflow/create', { title: `Soak ${i}`, workflow_category: 'Soak' })).task_id);

    const started = Date.now();
    const endAt = started + MINUTES * 60_000;
    let writes = 0;
    let running = true;
    const clients = Array.from({ length: CLIENTS }, async (_, c) => {
      for (let n = c; running; n += CLIENTS) {
        // Write n is due n/RATE seconds in; a client that fell behind catches up without waiting.
        const wait = started + (n / RATE) * 1000 - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const task = tasks[n % tasks.length]!;
        await call('PUT', `/api/workflow/update/${task}`, { updates: { task_status: STATUSES[Math.floor(n / tasks.length) % STATUSES.length] } });
        writes++;
      }
    });

    const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`.padStart(5);
    let warm: ReturnType<typeof size> | undefined;
    let peak = 0;
    console.log(`retention soak: ${MINUTES} min, warm-up ${WARMUP_S} s, ${TASKS} tasks, ${RATE} updates/s from ${CLIENTS} clients, delivery ${RETENTION_DELIVERY}, history ${RETENTION_HISTORY}, every ${RETENTION_INTERVAL}`);
    console.log(`database ${file}`);
    while (Date.now() < endAt) {
      await new Promise((r) => setTimeout(r, 15_000));
      const s = size();
      if (!warm && Date.now() - started >= WARMUP_S * 1000) {
        warm = s;
        console.log(`${elapsed()}  after warm-up: db ${mib(s.db)}, wal ${mib(s.wal)}  ${JSON.stringify(rows())}`);
      } else console.log(`${elapsed()}  ${writes} writes  db ${mib(s.db)}, wal ${mib(s.wal)}  ${JSON.stringify(rows())}`);
      if (warm) peak = Math.max(peak, s.db);
    }
    running = false;
    await Promise.all(clients);
    const end = size();
    const seconds = (Date.now() - started) / 1000;
    console.log(`${elapsed()}  end: db ${mib(end.db)}, wal ${mib(end.wal)}  ${JSON.stringify(rows())}`);
    if (!warm) throw new Error('the run ended before the warm-up did: raise SOAK_MINUTES or lower SOAK_WARMUP_SECONDS');
    const growth = (end.db - warm.db) / warm.db;
    const peakGrowth = (peak - warm.db) / warm.db;
    console.log(
      `${writes} task updates (${Math.round(writes / seconds)}/s). Database file: ${mib(warm.db)} after warm-up → ${mib(end.db)} at the end ` +
        `(${(growth * 100).toFixed(1)} %; peak ${(peakGrowth * 100).toFixed(1)} %). Goal: within 10 % → ${Math.abs(growth) <= 0.1 ? 'met' : 'NOT met'}`,
    );
  } finally {
    counts.close();
    await server.stop();
    receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
