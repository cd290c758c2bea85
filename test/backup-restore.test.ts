/**
 * `flowledger backup` and `flowledger restore` against a real `flowledger serve` process on a SQLite
 * file, with writes flowing through the HTTP API while the backup runs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';
import { runCliProcess, startCliProcess, type CliProcess } from './helpers/processes.js';
import { waitFor } from './helpers/wait-for.js';

function capture() {
  const lines: string[] = [];
  const errs: string[] = [];
  return { out: { log: (l: string) => lines.push(l), err: (l: string) => errs.push(l) }, lines, errs };
}

interface Server {
  proc: CliProcess;
  url: string;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const proc = startCliProcess(['serve'], { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SHUTDOWN_DRAIN_DELAY: '0' });
  const line = await waitFor(() => proc.output().split('\n').find((l) => l.includes('FlowLedger listening')), {
    timeoutMs: 30_000,
    what: `server start (${proc.output()})`,
  });
  return { proc, url: (JSON.parse(line) as { url: string }).url };
}

async function stopServer(s: Server): Promise<void> {
  s.proc.kill('SIGTERM');
  expect(await s.proc.exited).toBe(0);
}

async function api(s: Server, key: string, path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${s.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${key}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Every task title of the key's org, through the API (all pages). */
async function taskTitles(s: Server, key: string): Promise<string[]> {
  const titles: string[] = [];
  for (let page = 1; ; page++) {
    const r = await api(s, key, `/api/workflow/list?limit=200&page=${page}`);
    expect(r.status).toBe(200);
    titles.push(...(r.body.data as Array<{ title: string }>).map((t) => t.title));
    if (titles.length >= r.body.pagination.total) return titles.sort();
  }
}

describe('flowledger backup and restore (SQLite, real processes)', () => {
  let dir: string;
  let env: Record<string, string>;
  let dbFile: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowledger-backup-'));
    dbFile = join(dir, 'live.db');
    env = { DATABASE_URL: `sqlite:${dbFile}` };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up a serving database under writes; restore refuses while it serves, then brings back exactly the backed-up state', async () => {
    const backupFile = join(dir, 'snapshot.db');
    let server = await startServer(env);
    const key = await waitFor(() => /(fl_[A-Za-z0-9_-]{20,})/.exec(server.proc.output())?.[1], { what: 'bootstrap key' });

    // One writer, one request at a time: commit order is title order, so any consistent snapshot
    // holds exactly the first n titles.
    const acked: string[] = [];
    let writing = true;
    let n = 0;
    const writer = (async () => {
      while (writing) {
        const title = `w-${String(++n).padStart(6, '0')}`;
        const r = await api(server, key, '/api/workflow/create', { method: 'POST', body: { title, workflow_category: 'Backups' } }).catch(async (err: unknown) => {
          const exit = await Promise.race([server.proc.exited.then((code) => `exited: ${String(code)}`), new Promise((r) => setTimeout(() => r('still running'), 1_000))]);
          throw new Error(`create ${title} failed (${String(err)}, ${(err as { cause?: unknown }).cause ?? ''}); server ${exit}; its output:\n${server.proc.output().slice(-3000)}`);
        });
        if (r.status !== 201) throw new Error(`create ${r.status}: ${JSON.stringify(r.body)}`);
        acked.push(title);
      }
    })();
    try {
      await waitFor(() => acked.length >= 30, { timeoutMs: 30_000, what: 'writes before the backup' });
      const ackedBefore = [...acked];
      const backup = await runCliProcess(['backup', backupFile], env);
      const ackedDuring = acked.length - ackedBefore.length;
      expect(backup.output).toContain(`Backed up sqlite:${dbFile} to ${backupFile}`);
      expect(backup.code).toBe(0);
      // The backup must have run while writes were flowing, or this test proves nothing.
      await waitFor(() => acked.length > ackedBefore.length + ackedDuring + 5, { timeoutMs: 30_000, what: 'writes after the backup' });
      writing = false;
      await writer;

      // Refused while the server holds the database, which stays as it was.
      const busy = await runCliProcess(['restore', backupFile], env);
      expect(busy.code).toBe(1);
      expect(busy.output).toMatch(/in use by another process.*stop it/);
      expect(await taskTitles(server, key)).toEqual(acked);

      await stopServer(server);
      const restored = await runCliProcess(['restore', backupFile], env);
      expect(restored.code).toBe(0);
      expect(restored.output).toContain(`Restored ${dbFile} from ${backupFile}`);
      expect(restored.output).toMatch(/kept as .*live\.db\.before-restore-/);

      server = await startServer(env);
      const titles = await taskTitles(server, key);
      // Everything acknowledged before the backup started, and then only a gap-free continuation.
      expect(titles.length).toBeGreaterThanOrEqual(ackedBefore.length);
      expect(titles).toEqual(acked.slice(0, titles.length));
      expect(titles.length).toBeLessThan(acked.length);
      // The trigger-kept counters came back with the rows they count.
      const metrics = await api(server, key, '/api/workflow/metrics');
      expect(metrics.body.total_tasks).toBe(titles.length);
      // The activity log matches: one task.created event per restored task.
      const events = await api(server, key, '/api/workstream/events?limit=1');
      expect(events.status).toBe(200);
      expect(events.body.pagination.total).toBeGreaterThanOrEqual(titles.length);
    } finally {
      writing = false;
      await writer.catch(() => {});
      server.proc.kill('SIGKILL');
      await server.proc.exited;
    }
  }, 240_000);

  it('refuses a file that is not a FlowLedger database, or is missing, and leaves the database untouched', async () => {
    const before = readFileSync(dbFile);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just some text that is long enough to look like something');
    const notSqlite = await runCliProcess(['restore', junk], env);
    expect(notSqlite.code).toBe(1);
    expect(notSqlite.output).toContain(`${junk} is not a SQLite database`);

    const other = join(dir, 'other.db');
    const BetterSqlite3 = (await import('better-sqlite3')).default;
    const o = new BetterSqlite3(other);
    o.exec('create table notes (id integer primary key, body text)');
    o.close();
    const foreign = await runCliProcess(['restore', other], env);
    expect(foreign.code).toBe(1);
    expect(foreign.output).toContain('is a SQLite database but not a FlowLedger one');

    const missing = await runCliProcess(['restore', join(dir, 'nope.db')], env);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain(`No such file: ${join(dir, 'nope.db')}`);

    expect(readFileSync(dbFile).equals(before)).toBe(true);
  }, 120_000);

  it('refuses while a flowledger worker has the database open, and restores once it has stopped', async () => {
    const copy = join(dir, `worker-${Date.now()}.db`);
    expect(await runCli(['migrate'], env, capture().out)).toBe(0);
    expect(await runCli(['backup', copy], env, capture().out)).toBe(0);
    const worker = startCliProcess(['worker'], { ...env, LOG_LEVEL: 'info' });
    try {
      await waitFor(() => worker.output().includes('outbox worker started'), { timeoutMs: 30_000, what: `worker start (${worker.output()})` });
      const r = capture();
      expect(await runCli(['restore', copy], env, r.out)).toBe(1);
      expect(r.errs.join('\n')).toContain(`${dbFile} is in use by another process`);
    } finally {
      worker.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
    }
    const r = capture();
    expect(await runCli(['restore', copy, '--json'], env, r.out)).toBe(0);
    expect(JSON.parse(r.lines[0]!)).toMatchObject({ restored: dbFile, pending: [] });
  }, 120_000);

  it('refuses to overwrite an existing backup file, and usage errors name the command', async () => {
    const existing = join(dir, 'exists.db');
    writeFileSync(existing, 'x');
    const r = capture();
    expect(await runCli(['backup', existing], env, r.out)).toBe(1);
    expect(r.errs.join('\n')).toContain('already exists');
    expect(readFileSync(existing, 'utf8')).toBe('x');
    await expect(runCli(['backup'], env, capture().out)).rejects.toThrow(/missing required argument 'file'/i);
    await expect(runCli(['restore', 'a', 'b'], env, capture().out)).rejects.toThrow(/too many arguments for 'restore'/i);
  });
});

describeEachEngine('flowledger migrate --status', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine, { migrate: false });
  });
  afterAll(() => tdb.drop());

  it('lists pending migrations without applying them, then applied ones', async () => {
    const env = { DATABASE_URL: tdb.processUrl };
    const a = capture();
    expect(await runCli(['migrate', '--status', '--json'], env, a.out)).toBe(0);
    const before = JSON.parse(a.lines[0]!);
    expect(before.pending.length).toBeGreaterThan(0);
    expect(before.migrations.every((m: { executed_at: unknown }) => m.executed_at === null)).toBe(true);
    expect(await tdb.database.isMigrated()).toBe(false);

    expect(await runCli(['migrate'], env, capture().out)).toBe(0);
    const b = capture();
    expect(await runCli(['migrate', '--status'], env, b.out)).toBe(0);
    expect(b.lines.at(-1)).toBe('Database is up to date.');
    expect(b.lines.filter((l) => l.startsWith('applied  '))).toHaveLength(before.pending.length);
  });

  it.runIf(engine.name === 'postgres')('points PostgreSQL users to pg_dump and pg_restore', async () => {
    const env = { DATABASE_URL: tdb.processUrl };
    const a = capture();
    expect(await runCli(['backup', join(tmpdir(), 'never.db')], env, a.out)).toBe(1);
    expect(a.errs[0]).toMatch(/pg_dump -Fc.*docs\/operations\.md/);
    const b = capture();
    expect(await runCli(['restore', join(tmpdir(), 'never.db')], env, b.out)).toBe(1);
    expect(b.errs[0]).toMatch(/pg_restore.*docs\/operations\.md/);
  });
});
