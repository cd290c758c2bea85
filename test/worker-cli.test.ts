import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrg } from '../src/auth/orgs.repository.js';
import { runCli } from '../src/cli/main.js';
import { serve } from '../src/app/serve-role.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import { newSecretKey } from '../src/shared/secret-box.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';
import { seedPursuit } from './helpers/outbox-seed.js';
import { waitFor } from './helpers/wait-for.js';

describeEachEngine('flowledger worker', (engine) => {
  let tdb: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    env = { DATABASE_URL: tdb.processUrl };
  });
  afterAll(() => tdb.drop());

  it('refuses a bad --concurrency', async () => {
    const out = { log: () => {}, err: () => {} };
    await expect(runCli(['worker', '--concurrency', '0'], env, out)).rejects.toThrow(/--concurrency/);
    await expect(runCli(['worker', '--concurrency', 'lots'], env, out)).rejects.toThrow(/--concurrency/);
    await expect(runCli(['worker', '--concurrency', '1000'], env, out)).rejects.toThrow(/at most 64/);
  });

  it('handles events committed by another process within a second, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(process.cwd(), 'src/main.ts'), 'worker', '--concurrency', '2'], {
      env: { ...process.env, ...env, LOG_LEVEL: 'info', OUTBOX_POLL_INTERVAL: '1h' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(() => output.includes('outbox worker started'), { timeoutMs: 20_000, what: `worker start (${output})` });
      const db = tdb.database.db;
      const now = new Date().toISOString();
      const org = await createOrg(db, { name: 'W', now });
      const { candidateId, pursuitId } = await seedPursuit(tdb.database, { orgId: org.org_id, now, title: 'From the CLI' });
      const t0 = Date.now();
      await appendEvent(db, { orgId: org.org_id, eventName: 'candidate.promoted', itemType: 'candidate', itemId: candidateId, happenedAt: now });
      const proposal = await waitFor(
        () => db.selectFrom('proposal').selectAll().where('pursuit_id', '=', pursuitId).executeTakeFirst(),
        { timeoutMs: 5_000, what: 'proposal v1 from the worker process' },
      );
      expect(Date.now() - t0).toBeLessThan(1_000); // woken by the commit (poll is 1 h)
      expect(proposal).toMatchObject({ version: 1, status: 'draft', subject: 'Proposal: From the CLI' });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('outbox worker stopped');
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describeEachEngine('flowledger serve and the outbox', (engine) => {
  let tdb: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    env = {
      DATABASE_URL: tdb.processUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      OUTBOX_POLL_INTERVAL: '100ms',
      SECRETS_KEY: newSecretKey(),
      SHUTDOWN_DRAIN_DELAY: '0',
    };
  });
  afterAll(() => tdb.drop());

  async function promoteAndWait(workers: boolean): Promise<boolean> {
    const server = await serve({ workers, env, print: () => {} });
    // The server's own connection: two SQLite connections in one thread would block each other.
    const database = server.database;
    try {
      const now = new Date().toISOString();
      const org = await createOrg(database.db, { name: 'S', now });
      const { candidateId, pursuitId } = await seedPursuit(database, { orgId: org.org_id, now });
      await appendEvent(database.db, { orgId: org.org_id, eventName: 'candidate.promoted', itemType: 'candidate', itemId: candidateId, happenedAt: now });
      const found = () => database.db.selectFrom('proposal').select('proposal_id').where('pursuit_id', '=', pursuitId).executeTakeFirst();
      if (workers) return Boolean(await waitFor(found, { timeoutMs: 5_000, what: 'in-process worker' }));
      await new Promise((r) => setTimeout(r, 500)); // five fallback polls: a worker would have run
      return Boolean(await found());
    } finally {
      await server.stop();
    }
  }

  it('runs the outbox worker in-process by default', async () => {
    expect(await promoteAndWait(true)).toBe(true);
  });

  it('runs no worker with --no-workers', async () => {
    expect(await promoteAndWait(false)).toBe(false);
  });
});
