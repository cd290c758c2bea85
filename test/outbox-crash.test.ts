/**
 * Crash test (PostgreSQL): W worker processes share one queue while a producer appends events; a
 * random worker is SIGKILLed every 1–2 s and restarted. At the end every event is processed, none
 * is dead-lettered, and every effect exists exactly once.
 *
 * `npm test` runs the small variant (2 workers, 2,000 events, ≥ 2 kills); `npm run test:crash`
 * the full one (4 workers, 10,000 events, a kill every 1–2 s throughout).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents } from '../src/outbox/work-events.repository.js';
import { createOrg } from '../src/auth/orgs.repository.js';
import { openTestDatabase, testEngines, type TestDatabase } from './helpers/engines.js';
import { waitFor } from './helpers/wait-for.js';
import { scaled } from './helpers/time-scale.js';

const pgEngine = testEngines().find((e) => e.name === 'postgres');
const WORKERS = Number(process.env.CRASH_WORKERS ?? 2);
const EVENTS = Number(process.env.CRASH_EVENTS ?? 2_000);
const MIN_KILLS = Number(process.env.CRASH_MIN_KILLS ?? 2);
const RATE = Number(process.env.CRASH_RATE ?? 400); // events appended per second

const describePg = pgEngine ? describe : describe.skip;

describePg('outbox crash test [postgres]', () => {
  let tdb: TestDatabase;
  let url: string;
  const live = new Map<string, ChildProcess>();
  let seq = 0;

  beforeAll(async () => {
    tdb = await openTestDatabase(pgEngine!);
    url = tdb.processUrl;
    await sql`create table crash_effect (work_event_id bigint primary key, worker text not null)`.execute(tdb.database.db);
    await sql`create table crash_run (work_event_id bigint not null, worker text not null)`.execute(tdb.database.db);
  });
  afterAll(async () => {
    for (const c of live.values()) c.kill('SIGKILL');
    await tdb.drop();
  });

  function startWorker(): Promise<ChildProcess> {
    const name = `w${++seq}`;
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(process.cwd(), 'test/fixtures/crash-worker.ts')], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        CRASH_WORKER_NAME: name,
        OUTBOX_LEASE: '2s',
        OUTBOX_POLL_INTERVAL: '1s',
        LOG_LEVEL: 'error',
        DB_POOL_SIZE: '4',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    live.set(name, child);
    child.on('exit', () => live.delete(name));
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (b: Buffer) => {
        if (b.toString().includes('ready')) resolve(child);
      });
      child.on('exit', (code, signal) => reject(new Error(`worker ${name} exited before ready (${code ?? signal})`)));
    });
  }

  const count = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(tdb.database.db)).rows[0]!.n);

  it(`${WORKERS} workers, ${EVENTS} events, SIGKILL every 1–2 s: every effect exactly once, nothing dead-lettered`, { timeout: scaled(600_000) }, async () => {
    const db = tdb.database.db;
    const org = await createOrg(db, { name: 'Crash', now: new Date().toISOString() });
    await Promise.all(Array.from({ length: WORKERS }, () => startWorker()));

    // Producer: appends at RATE events/s in small transactions (each wakes the workers by NOTIFY).
    let appended = 0;
    const producer = (async () => {
      const chunk = Math.max(1, Math.round(RATE / 20));
      while (appended < EVENTS) {
        const n = Math.min(chunk, EVENTS - appended);
        const now = new Date().toISOString();
        await db.transaction().execute((trx) =>
          appendEvents(trx, Array.from({ length: n }, (_, i) => ({ orgId: org.org_id, eventName: 'crash.effect', itemType: 'crash', itemId: appended + i, happenedAt: now }))),
        );
        appended += n;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    // Killer: every 1–2 s, SIGKILL a random worker and start a replacement, until the work is done.
    let kills = 0;
    const processed = () => count(sql<{ n: number }>`select count(*) as n from work_event where event_name = 'crash.effect' and processed_at is not null`);
    let done = false;
    const killer = (async () => {
      while (!done) {
        await new Promise((r) => setTimeout(r, 1_000 + Math.random() * 1_000));
        if (done) break;
        const victims = [...live.values()];
        const victim = victims[Math.floor(Math.random() * victims.length)];
        if (!victim) continue;
        victim.kill('SIGKILL');
        kills++;
        await startWorker();
      }
    })();

    await producer;
    await waitFor(async () => (await processed()) === EVENTS && kills >= MIN_KILLS, { timeoutMs: 300_000, intervalMs: 250, what: 'all events processed' });
    done = true;
    await killer;

    const dead = await count(sql<{ n: number }>`select count(*) as n from work_event where dead_letter_at is not null`);
    const effects = await count(sql<{ n: number }>`select count(*) as n from crash_effect`);
    const missing = await count(sql<{ n: number }>`
      select count(*) as n from work_event w where w.event_name = 'crash.effect'
      and not exists (select 1 from crash_effect e where e.work_event_id = w.work_event_id)`);
    const runs = await count(sql<{ n: number }>`select count(*) as n from crash_run`);
    const retried = await count(sql<{ n: number }>`select count(*) as n from work_event where event_name = 'crash.effect' and attempts > 1`);
    console.log(`crash test: ${EVENTS} events, ${WORKERS} workers, ${kills} SIGKILLs, ${runs} handler runs (${runs - EVENTS} repeated after crashes), ${retried} events re-claimed after a lease expired`);

    expect(dead).toBe(0);
    expect(missing).toBe(0);
    expect(effects).toBe(EVENTS);
    expect(runs).toBeGreaterThanOrEqual(EVENTS);

    // The survivors stop gracefully on SIGTERM (exit 0), holding no claims.
    const exits = [...live.values()].map((c) => new Promise<number | null>((r) => c.on('exit', (code) => r(code))));
    for (const c of live.values()) c.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual(exits.map(() => 0));
    expect(await count(sql<{ n: number }>`select count(*) as n from outbox_queue where claimed_at is not null`)).toBe(0);
  });
});
