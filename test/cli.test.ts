import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';
import { scaled } from './helpers/time-scale.js';

function capture() {
  const lines: string[] = [];
  const errs: string[] = [];
  return { out: { log: (l: string) => lines.push(l), err: (l: string) => errs.push(l) }, lines, errs };
}

describeEachEngine('flowledger CLI', (engine) => {
  let tdb: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    // The CLI opens its own connection; on PostgreSQL point it at this file's schema.
    env = { DATABASE_URL: tdb.processUrl };
  });
  afterAll(() => tdb.drop());

  it('creates an org and keys, lists and revokes them, printing JSON with --json', async () => {
    const a = capture();
    expect(await runCli(['orgs', 'create', '--name', 'Initech', '--json'], env, a.out)).toBe(0);
    const { org_id } = JSON.parse(a.lines[0]!);
    expect(org_id).toEqual(expect.any(Number));

    const b = capture();
    expect(await runCli(['keys', 'create', '--org', String(org_id), '--role', 'member', '--json'], env, b.out)).toBe(0);
    const created = JSON.parse(b.lines[0]!);
    expect(created).toMatchObject({ org_id, role: 'member' });
    expect(created.key).toMatch(/^fl_/);
    expect(created.key_id).toEqual(expect.any(Number));

    const c = capture();
    expect(await runCli(['keys', 'list', '--org', String(org_id), '--json'], env, c.out)).toBe(0);
    const listed = JSON.parse(c.lines[0]!);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ key_id: created.key_id, revoked_at: null });
    expect(c.lines.join('\n')).not.toContain(created.key);

    const d = capture();
    expect(await runCli(['keys', 'revoke', String(created.key_id)], env, d.out)).toBe(0);
    const e = capture();
    await runCli(['keys', 'list', '--org', String(org_id), '--json'], env, e.out);
    expect(JSON.parse(e.lines[0]!)[0].revoked_at).not.toBeNull();
  });

  it('refuses bad arguments with a usage error', async () => {
    await expect(runCli(['keys', 'create', '--org', '1', '--role', 'owner'], env, capture().out)).rejects.toThrow(/--role/);
    await expect(runCli(['keys', 'create', '--org', 'abc', '--role', 'admin'], env, capture().out)).rejects.toThrow(/--org/);
    await expect(runCli(['keys', 'create', '--org', '99999', '--role', 'admin'], env, capture().out)).rejects.toThrow(/does not exist/);
    await expect(runCli(['orgs', 'create'], env, capture().out)).rejects.toThrow(/--name/);
    await expect(runCli(['frobnicate'], env, capture().out)).rejects.toThrow(/Unknown command/);
    await expect(runCli(['sla', 'run', '--at', 'yesterday-ish'], env, capture().out)).rejects.toThrow(/--at/);
    const r = capture();
    expect(await runCli(['keys', 'revoke', '424242'], env, r.out)).toBe(1);
  });

  it('runs one SLA pass at a given time', async () => {
    const a = capture();
    expect(await runCli(['sla', 'run', '--at', '2030-01-01T00:00:00Z', '--json'], env, a.out)).toBe(0);
    expect(JSON.parse(a.lines[0]!)).toMatchObject({ at: '2030-01-01T00:00:00.000Z', tasks_warned: 0, breaches_opened: 0 });
  });

  it('reports the migrations it applied on a fresh database, then none', async () => {
    const fresh = await openTestDatabase(engine, { migrate: false });
    try {
      const freshEnv = { DATABASE_URL: fresh.processUrl };
      const a = capture();
      expect(await runCli(['migrate', '--json'], freshEnv, a.out)).toBe(0);
      expect(JSON.parse(a.lines[0]!).applied).toContain('0001_initial_schema');
      const b = capture();
      expect(await runCli(['migrate', '--json'], freshEnv, b.out)).toBe(0);
      expect(JSON.parse(b.lines[0]!)).toEqual({ applied: [] });
    } finally {
      await fresh.drop();
    }
  });

  it('migrates idempotently', async () => {
    const a = capture();
    expect(await runCli(['migrate', '--json'], env, a.out)).toBe(0);
    expect(JSON.parse(a.lines[0]!)).toEqual({ applied: [] });
  });
});

describe('flowledger serve as a real process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-serve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('first start creates the Default org and prints an admin key that opens /ready; SIGTERM exits 0', async () => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(process.cwd(), 'src/main.ts'), 'serve'], {
      cwd: dir,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: 'sqlite:data/flowledger.db', SHUTDOWN_DRAIN_DELAY: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // Under load a tsx start (compile + migrate) can take long: the wait scales with the suite's timeouts.
      const deadline = Date.now() + scaled(10_000);
      while (!/"url":"(http:[^"]+)"/.test(output) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const url = /"url":"(http:[^"]+)"/.exec(output)?.[1];
      const key = /(fl_[A-Za-z0-9_-]{43})/.exec(output)?.[1];
      expect(url, output).toBeTruthy();
      expect(key, output).toBeTruthy();
      expect(output).toContain('organisation 1 "Default"');
      const ready = await fetch(`${url}/ready`, { headers: { authorization: `Bearer ${key}` } });
      expect(ready.status).toBe(200);
      const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${key}` } });
      expect(await me.json()).toMatchObject({ org_id: 1, org_name: 'Default', role: 'admin' });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('shutdown complete');
  });
});
