import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { transact } from '../src/db/transact.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import type { RealtimeMessage } from '../src/realtime/hub.js';
import type { ManualClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { markUnprocessed, seedPursuit, testWorker } from './helpers/outbox-seed.js';
import { header, startSmtp } from './helpers/smtp.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

describeEachEngine('outbox handlers', (engine) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let org: TestOrg;
  let clock: ManualClock;
  const hub: RealtimeMessage[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(engine, {
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Acme Sales <sales@acme.example>', OUTBOX_MAX_ATTEMPTS: '3' },
    });
    clock = t.clock as ManualClock;
    org = await t.createOrg('Acme');
    t.deps.hub.subscribe((m) => hub.push(m));
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const now = () => clock.now().toISOString();
  const append = (eventName: string, itemType: string, itemId: number, payload: Record<string, unknown> = {}) =>
    transact(t.deps, (trx) => appendEvent(trx, { orgId: org.orgId, eventName, itemType, itemId, payload, happenedAt: now() }));
  const events = (name: string, itemId?: number) =>
    t.db.database.db
      .selectFrom('work_event')
      .selectAll()
      .where('org_id', '=', org.orgId)
      .where('event_name', '=', name)
      .$if(itemId !== undefined, (q) => q.where('item_id', '=', String(itemId)))
      .execute();
  const proposals = (pursuitId: number) =>
    t.db.database.db.selectFrom('proposal').selectAll().where('org_id', '=', org.orgId).where('pursuit_id', '=', pursuitId).execute();

  it('candidate.promoted creates proposal v1 once, however often it runs', async () => {
    const { candidateId, pursuitId } = await seedPursuit(t.db.database, { orgId: org.orgId, now: now(), title: 'Warehouse racking' });
    const w = testWorker(t, defaultHandlers(t.deps));
    const id = await append('candidate.promoted', 'candidate', candidateId, { candidate_id: candidateId });
    await w.drain();
    let list = await proposals(pursuitId);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ version: 1, status: 'draft', subject: 'Proposal: Warehouse racking' });
    expect(await events('proposal.created', list[0]!.proposal_id)).toHaveLength(1);

    // A crash after the effect, before completion: the handler runs again and changes nothing.
    await markUnprocessed(t.db.database, [id]);
    await w.drain();
    list = await proposals(pursuitId);
    expect(list).toHaveLength(1);
    expect(await events('proposal.created', list[0]!.proposal_id)).toHaveLength(1);
  });

  it('pursuit.submit sends the proposal over SMTP, then marks it sent and appends proposal.sent', async () => {
    const { pursuitId, proposalId } = await seedPursuit(t.db.database, {
      orgId: org.orgId,
      now: now(),
      title: 'Cold store fit-out',
      proposal: { recipient_email: 'buyer@client.example', subject: 'Our proposal: cold store fit-out', body: 'Dear buyer,\n\nHere is our offer of 42 units.' },
    });
    const before = smtp.messages.length;
    const w = testWorker(t, defaultHandlers(t.deps));
    const id = await append('pursuit.submit', 'pursuit', pursuitId, { pursuit_id: pursuitId });
    await w.drain();

    expect(smtp.messages.length).toBe(before + 1);
    const mail = smtp.messages.at(-1)!;
    expect(mail.to).toEqual(['buyer@client.example']);
    expect(mail.from).toBe('sales@acme.example');
    expect(header(mail.raw, 'Subject')).toBe('Our proposal: cold store fit-out');
    expect(header(mail.raw, 'To')).toBe('buyer@client.example');
    const messageId = `<proposal-${org.orgId}-${proposalId}-v1@acme.example>`;
    expect(header(mail.raw, 'Message-ID')).toBe(messageId);
    expect(mail.raw).toContain('Here is our offer of 42 units.');

    const [p] = await proposals(pursuitId);
    expect(p).toMatchObject({ status: 'sent', message_id: messageId, recipient_email: 'buyer@client.example', sent_at: now() });
    const sent = await events('proposal.sent', proposalId);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!.payload_json)).toMatchObject({ pursuit_id: pursuitId, recipient_email: 'buyer@client.example', message_id: messageId });

    // Run the submit again (a crash before completion): no second mail, no second proposal.sent.
    await markUnprocessed(t.db.database, [id]);
    await w.drain();
    expect(smtp.messages.length).toBe(before + 1);
    expect(await events('proposal.sent', proposalId)).toHaveLength(1);
  });

  it('falls back to the candidate signal contact when the proposal has no recipient, drafting v1 if needed', async () => {
    const { pursuitId } = await seedPursuit(t.db.database, { orgId: org.orgId, now: now(), title: 'Dock doors', contacts: ['+1 555 0100', 'ops@dock.example'] });
    const w = testWorker(t, defaultHandlers(t.deps));
    await append('pursuit.submit', 'pursuit', pursuitId);
    await w.drain();
    const mail = smtp.messages.at(-1)!;
    expect(mail.to).toEqual(['ops@dock.example']);
    expect(header(mail.raw, 'Subject')).toBe('Proposal: Dock doors');
    const [p] = await proposals(pursuitId);
    expect(p).toMatchObject({ version: 1, status: 'sent', recipient_email: 'ops@dock.example' });
  });

  it('dead-letters a proposal with no recipient at once, and sends it after a redrive once one is set', async () => {
    const { pursuitId, proposalId } = await seedPursuit(t.db.database, { orgId: org.orgId, now: now(), title: 'Nobody to send to', proposal: {} });
    const w = testWorker(t, defaultHandlers(t.deps));
    const id = await append('pursuit.submit', 'pursuit', pursuitId);
    const before = smtp.messages.length;
    expect((await w.drain()).deadLettered).toBe(1);
    const [row] = await t.db.database.db.selectFrom('work_event').selectAll().where('work_event_id', '=', id).execute();
    expect(row!.dead_letter_at).not.toBeNull();
    expect(row!.attempts).toBe(1);
    expect(row!.last_error).toMatch(new RegExp(`Proposal ${proposalId} has no recipient`));
    expect(smtp.messages.length).toBe(before);

    await t.db.database.db.updateTable('proposal').set({ recipient_email: 'late@client.example' }).where('proposal_id', '=', proposalId!).execute();
    const retry = await t.call(org.admin, { method: 'POST', url: `/api/outbox/dead-letters/${id}/retry` });
    expect(retry.statusCode).toBe(202);
    await w.drain();
    expect(smtp.messages.at(-1)!.to).toEqual(['late@client.example']);
    expect((await proposals(pursuitId))[0]!.status).toBe('sent');
  });

  it('dead-letters at once when the SMTP server refuses the recipient (5xx)', async () => {
    const { pursuitId } = await seedPursuit(t.db.database, { orgId: org.orgId, now: now(), proposal: { recipient_email: 'ghost@invalid.test' } });
    const w = testWorker(t, defaultHandlers(t.deps));
    const id = await append('pursuit.submit', 'pursuit', pursuitId);
    expect((await w.drain()).deadLettered).toBe(1);
    const [row] = await t.db.database.db.selectFrom('work_event').selectAll().where('work_event_id', '=', id).execute();
    expect(row!.last_error).toMatch(/refused ghost@invalid\.test/);
    expect((await proposals(pursuitId))[0]!.status).toBe('draft');
  });

  it('retries while the SMTP server is unreachable, leaving the proposal a draft', async () => {
    const down = await createTestApp(engine, { env: { SMTP_URL: 'smtp://127.0.0.1:9', OUTBOX_MAX_ATTEMPTS: '3' } });
    try {
      const o = await down.createOrg();
      const { pursuitId } = await seedPursuit(down.db.database, { orgId: o.orgId, now: down.clock.now().toISOString(), proposal: { recipient_email: 'a@b.example' } });
      await transact(down.deps, (trx) =>
        appendEvent(trx, { orgId: o.orgId, eventName: 'pursuit.submit', itemType: 'pursuit', itemId: pursuitId, happenedAt: down.clock.now().toISOString() }),
      );
      const r = await testWorker(down, defaultHandlers(down.deps)).drain();
      expect(r).toMatchObject({ claimed: 1, retried: 1, deadLettered: 0 });
      const p = await down.db.database.db.selectFrom('proposal').selectAll().where('pursuit_id', '=', pursuitId).executeTakeFirstOrThrow();
      expect(p.status).toBe('draft');
    } finally {
      await down.close();
    }
  });

  it('writes .eml files under MAIL_DIR when no SMTP_URL is set, one file per message even if sent twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowledger-mail-'));
    const f = await createTestApp(engine, { env: { MAIL_DIR: dir } });
    try {
      const o = await f.createOrg();
      const { pursuitId, proposalId } = await seedPursuit(f.db.database, {
        orgId: o.orgId,
        now: f.clock.now().toISOString(),
        title: 'Roof',
        proposal: { recipient_email: 'roof@client.example', body: 'Roof proposal body' },
      });
      const id = await transact(f.deps, (trx) =>
        appendEvent(trx, { orgId: o.orgId, eventName: 'pursuit.submit', itemType: 'pursuit', itemId: pursuitId, happenedAt: f.clock.now().toISOString() }),
      );
      const w = testWorker(f, defaultHandlers(f.deps));
      await w.drain();
      const files = readdirSync(dir);
      expect(files).toEqual([`proposal-${o.orgId}-${proposalId}-v1@flowledger.local.eml`]);
      const raw = readFileSync(join(dir, files[0]!), 'utf8');
      expect(header(raw, 'To')).toBe('roof@client.example');
      expect(header(raw, 'Subject')).toBe('Proposal: Roof (v1)');
      expect(raw).toContain('Roof proposal body');
      // Even forcing a resend (proposal back to draft, event re-run) rewrites the same file.
      await f.db.database.db.updateTable('proposal').set({ status: 'draft' }).where('proposal_id', '=', proposalId!).execute();
      await markUnprocessed(f.db.database, [id]);
      await w.drain();
      expect(readdirSync(dir)).toHaveLength(1);
    } finally {
      await f.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes nothing to the realtime hub: the commit tap is the one publisher of frames', async () => {
    const w = testWorker(t, defaultHandlers(t.deps));
    const won = await append('pursuit.won', 'pursuit', 77, { pursuit_id: 77, value: 1200 });
    const task = await append('task.status_changed', 'task', 0, { taskId: 'TASK-1', oldStatus: 'GREEN', newStatus: 'RED' });
    expect((await w.drain()).completed).toBeGreaterThanOrEqual(2);
    await t.deps.hub.drain();
    expect(hub.filter((m) => [won, task].map(String).includes(m.id))).toEqual([]);
  });
});
