/**
 * A worker process killed while it holds a mailbox, in the middle of the first sync of a large
 * folder: the lease it can no longer renew expires, a second worker process takes the mailbox over
 * and finishes, and every message is ingested exactly once (one batch item and one signal per
 * Message-ID, no duplicates), the folder's checkpoint ends at the highest UID, and the side effect
 * (\Seen) reaches every message. Real `flowledger worker` processes, a real Dovecot, both engines.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../src/shared/clock.js';
import { startDovecot, type Dovecot } from './helpers/dovecot.js';
import { describeEachEngine } from './helpers/engines.js';
import { startCliProcess, type CliProcess } from './helpers/processes.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { scaled } from './helpers/time-scale.js';
import { waitFor } from './helpers/wait-for.js';

/** Four ingestion chunks (250 each, src/ingest/ingest.service.ts) of one page (folder-sync.ts): room to land between commits. */
const COUNT = 1000;
// Short, so the takeover comes quickly; scaled with the machine's load, since a holder whose event
// loop stalls longer than its lease under load loses the mailbox to the other worker while alive.
const LEASE_MS = scaled(2000);

function message(i: number, runId: string): { raw: string; messageId: string } {
  const messageId = `takeover-${runId}-${i}@acme-industrial.com`;
  const raw = [
    'From: Jane Porter <jane@acme-industrial.com>',
    'To: Sam <sam@northwind.example>',
    `Subject: Order ${i}: 40 hydraulic fittings`,
    'Date: Mon, 09 Mar 2026 09:00:00 +0000',
    `Message-ID: <${messageId}>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Please process our purchase order PO# 7${String(i).padStart(5, '0')} for 40 fittings, total $1,${String(i % 1000).padStart(3, '0')}.00.`,
    '',
  ].join('\r\n');
  return { raw, messageId };
}

describeEachEngine('a worker killed while holding a mailbox', (engine) => {
  let imap: Dovecot;
  let t: TestApp;
  let org: TestOrg;
  const workers: CliProcess[] = [];

  const startWorker = (): CliProcess => {
    const p = startCliProcess(['worker'], {
      DATABASE_URL: t.db.processUrl,
      // The key the test app sealed the credential with (vitest.config.ts sets it for every process).
      SECRETS_KEY: process.env.SECRETS_KEY!,
      MAILBOX_LEASE: `${LEASE_MS}ms`,
      MAILBOX_ALLOW_PRIVATE_NETWORKS: 'true',
      MAILBOX_POLL_INTERVAL: '10m',
      MAILBOX_RECONNECT_MAX: '1s',
      SHUTDOWN_DRAIN_DELAY: '0',
    });
    workers.push(p);
    return p;
  };
  const mailboxRow = (id: number) =>
    t.db.database.db.selectFrom('mailbox').select(['messages_ingested', 'lease_owner', 'lease_expires_at', 'state']).where('mailbox_id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    imap = await startDovecot({ users: [{ user: 'frank', pass: 'frank-secret-6' }] });
    t = await createTestApp(engine, { clock: systemClock, env: { SECRETS_KEY: process.env.SECRETS_KEY!, MAILBOX_ALLOW_PRIVATE_NETWORKS: 'true' } });
    org = await t.createOrg('Northwind Fabrication Ltd');
  }, 120_000);
  afterAll(async () => {
    for (const w of workers) {
      w.kill();
      await w.exited;
    }
    await t?.close();
    await imap?.stop();
  });

  it('is replaced once its lease expires, and the folder ends ingested exactly once with the checkpoint at the last UID', async () => {
    const runId = `${process.pid}-${engine.name}`;
    const messageIds: string[] = [];
    let lastUid = 0;
    const c = await imap.client('frank');
    try {
      for (let i = 0; i < COUNT; i++) {
        const m = message(i, runId);
        messageIds.push(m.messageId);
        const r = await c.append('INBOX', m.raw);
        lastUid = Math.max(lastUid, r ? r.uid ?? 0 : 0);
      }
    } finally {
      await c.logout();
    }
    expect(lastUid).toBeGreaterThanOrEqual(COUNT);

    // Created disabled: both workers are up before either may claim it, so the survivor is polling
    // for free mailboxes all along and would take this one early if a live lease did not hold it off.
    const created = await t.call(org.admin, {
      method: 'POST',
      url: '/api/mailboxes',
      payload: { name: 'Backlog', host: imap.host, port: imap.port, tls_mode: 'none', username: 'frank', secret: 'frank-secret-6', after_processing: 'seen', enabled: false },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().mailbox_id as number;
    const pair = [startWorker(), startWorker()];
    for (const w of pair) await waitFor(() => w.output().includes('background process started'), { timeoutMs: 60_000, what: `a worker to start (${w.output().slice(-2000)})` });
    const enabled = await t.call(org.admin, { method: 'PATCH', url: `/api/mailboxes/${id}`, payload: { enabled: true } });
    expect(enabled.statusCode, enabled.body).toBe(200);

    // Some chunks committed, not all: the kill lands in the middle of the sync.
    const atKill = await waitFor(
      async () => {
        const r = await mailboxRow(id);
        return Number(r.messages_ingested) > 0 ? r : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 5, what: 'the first chunk' },
    );
    const holder = pair.find((w) => atKill.lease_owner?.includes(`:${w.child.pid}:`));
    const survivor = pair.find((w) => w !== holder)!;
    expect(holder, `lease owner ${atKill.lease_owner}`).toBeDefined();
    holder!.kill('SIGKILL');
    await holder!.exited;
    const dead = await mailboxRow(id);
    expect(Number(dead.messages_ingested), 'the holder finished the folder before the kill landed').toBeLessThan(COUNT);
    expect(dead.lease_owner).toBe(atKill.lease_owner);
    // The interrupted first sync shows how far it got: what its committed chunks took, of the whole folder.
    const midway = (await t.call(org.admin, { method: 'GET', url: `/api/mailboxes/${id}` })).json();
    expect(midway.folder_status).toHaveLength(1);
    expect(midway.folder_status[0]).toMatchObject({ folder: 'INBOX', synced: Number(dead.messages_ingested), pending: COUNT - Number(dead.messages_ingested) });
    const deadLeaseEnds = new Date(dead.lease_expires_at!).getTime();

    const takenOver = await waitFor(
      async () => {
        const r = await mailboxRow(id);
        return r.lease_owner?.includes(`:${survivor.child.pid}:`) ? r : undefined;
      },
      { timeoutMs: 60_000, what: `the surviving worker to take the lease (${survivor.output().slice(-2000)})` },
    );
    // Claimed only once the dead holder's lease had run out (a lease ends LEASE_MS after its claim or renewal).
    expect(new Date(takenOver.lease_expires_at!).getTime() - LEASE_MS).toBeGreaterThanOrEqual(deadLeaseEnds);

    await waitFor(async () => Number((await mailboxRow(id)).messages_ingested) === COUNT, {
      timeoutMs: 120_000,
      what: `the whole folder (${survivor.output().slice(-2000)})`,
    });
    const db = t.db.database.db;
    const checkpoint = await db.selectFrom('mailbox_folder_checkpoint').selectAll().where('mailbox_id', '=', id).where('folder', '=', 'INBOX').executeTakeFirstOrThrow();
    expect(Number(checkpoint.last_uid)).toBe(lastUid);
    const done = (await t.call(org.admin, { method: 'GET', url: '/api/mailboxes' })).json().data[0];
    expect(done.folder_status).toEqual([expect.objectContaining({ folder: 'INBOX', last_uid: lastUid, synced: COUNT, pending: 0 })]);

    // One item per message across every batch of both workers, none a duplicate or a failure.
    const items = await db
      .selectFrom('ingest_batch_item as i')
      .innerJoin('ingest_batch as b', (j) => j.onRef('b.org_id', '=', 'i.org_id').onRef('b.batch_id', '=', 'i.batch_id'))
      .select(['i.message_id', 'i.outcome', 'i.signal_id'])
      .where('b.org_id', '=', org.orgId)
      .where('b.source', '=', 'imap')
      .execute();
    expect(items.filter((i) => i.outcome === 'duplicate' || i.outcome === 'failed')).toEqual([]);
    const seen = new Map<string, number>();
    for (const i of items) {
      const mid = (i.message_id ?? '').replace(/^<|>$/g, '');
      seen.set(mid, (seen.get(mid) ?? 0) + 1);
    }
    expect([...seen.values()].filter((n) => n !== 1)).toEqual([]);
    expect([...seen.keys()].sort()).toEqual([...messageIds].sort());
    expect(new Set(items.map((i) => i.signal_id)).size).toBe(COUNT);
    const signals = await db.selectFrom('signal').select(sql<number>`count(*)`.as('n')).where('org_id', '=', org.orgId).executeTakeFirstOrThrow();
    expect(Number(signals.n)).toBe(COUNT);
    const viaApi = (await t.call(org.admin, { method: 'GET', url: '/api/workstream/signals' })).json();
    expect(viaApi.pagination.total).toBe(COUNT);

    // The batch the holder died in does not stay "running" forever: its successor closes it as
    // failed, with the counts of what it had committed.
    // (The survivor's own last batch completes just after its last chunk: wait for that too.)
    type Batch = { batch_id: number; source_name: string; status: string; read: number; new_signals: number; error: string | null };
    const mine = await waitFor(
      async () => {
        const all = (await t.call(org.admin, { method: 'GET', url: '/api/ingest/batches?limit=200' })).json().data as Batch[];
        const list = all.filter((b) => b.source_name === 'Backlog/INBOX');
        return list.every((b) => b.status !== 'running') ? list : undefined;
      },
      { timeoutMs: 30_000, what: 'no batch of the folder left running' },
    );
    const abandoned = mine.filter((b) => b.status === 'failed');
    expect(abandoned.length).toBeGreaterThanOrEqual(1);
    for (const b of abandoned) expect(b.error).toMatch(/stopped before it finished/);
    expect(mine.reduce((sum, b) => sum + b.read, 0)).toBe(COUNT);
    expect(mine.reduce((sum, b) => sum + b.new_signals, 0)).toBe(COUNT);

    // The side effect the dead worker may have left undone is done by its successor.
    await waitFor(
      async () => {
        const cp = await db.selectFrom('mailbox_folder_checkpoint').select('effects_uid').where('mailbox_id', '=', id).where('folder', '=', 'INBOX').executeTakeFirstOrThrow();
        return Number(cp.effects_uid) === lastUid;
      },
      { timeoutMs: 30_000, what: 'side effects up to the last UID' },
    );
    const check = await imap.client('frank');
    try {
      await check.mailboxOpen('INBOX');
      const unseen = (await check.fetchAll('1:*', { flags: true })).filter((m) => !m.flags?.has('\\Seen'));
      expect(unseen.length).toBe(0);
    } finally {
      await check.logout();
    }
    expect((await mailboxRow(id)).state).toBe('watching');

    survivor.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);
    // A clean stop gives the lease back at once.
    expect((await mailboxRow(id)).lease_owner).toBeNull();
  });
});
