/**
 * Malformed MIME through the real API (test/fixtures/email-malformed): a broken header or part
 * never loses the message's readable text, a message with nothing readable is a failed item with
 * its reason, and the batch goes on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { malformedFixtures } from './fixtures/email-malformed/fixtures.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

const fixtures = malformedFixtures();

/** One mbox of the raw bytes (mboxrd-escaped), so 8-bit and invalid bytes reach the parser untouched. */
function mbox(raws: Buffer[]): Buffer {
  return Buffer.from(raws.map((r) => `From fixture@example.com Thu Jan  1 00:00:00 2026\n${r.toString('latin1').replace(/^(>*From )/gm, '>$1')}\n`).join('\n'), 'latin1');
}

interface Item {
  seq: number;
  outcome: string;
  reason: string | null;
  signal_id: number | null;
  task_id: string | null;
  subject: string | null;
}

describeEachEngine('ingesting malformed MIME', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  const db = () => t.deps.database.db;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg('Northwind Fabrication Ltd');
  });
  afterAll(() => t.close());

  async function expectIngested(items: Item[]) {
    for (const [i, f] of fixtures.entries()) {
      const item = items.find((x) => x.seq === i + 1)!;
      if (f.expect.failed) {
        expect(item, f.name).toMatchObject({ outcome: 'failed', reason: f.expect.failed, signal_id: null, task_id: null });
        continue;
      }
      expect(item.outcome, `${f.name}: ${item.reason}`).toBe('created');
      const task = await db().selectFrom('workflow_tasks').selectAll().where('task_id', '=', item.task_id!).executeTakeFirstOrThrow();
      if (f.expect.subject) expect(task.title, f.name).toBe(f.expect.subject);
      if (f.expect.sender) expect(task.source_sender, f.name).toBe(f.expect.sender);
      for (const phrase of f.expect.text ?? []) expect(task.description, f.name).toContain(phrase);
      if (f.expect.attachments) expect(JSON.parse(task.entities).attachments, f.name).toMatchObject(f.expect.attachments);
    }
  }

  it('ingests every fixture with a readable text part with that text, and fails the rest with their reason, in one mbox batch', async () => {
    const res = await t.call(org.member, { method: 'POST', url: '/api/ingest/emails', payload: mbox(fixtures.map((f) => f.raw)), headers: { 'content-type': 'application/mbox' } });
    expect(res.statusCode, res.body).toBe(201);
    const failed = fixtures.filter((f) => f.expect.failed).length;
    expect(res.json().batch).toMatchObject({ status: 'completed', read: fixtures.length, failed, new_signals: fixtures.length - failed, new_tasks: fixtures.length - failed });
    await expectIngested(res.json().items);
    // The failed items are listed with their reasons through the API as well.
    const listed = await t.call(org.viewer, { method: 'GET', url: `/api/ingest/batches/${res.json().batch.batch_id}/items?outcome=failed` });
    expect(listed.json().data.map((i: Item) => i.reason).sort()).toEqual(fixtures.flatMap((f) => (f.expect.failed ? [f.expect.failed] : [])).sort());
  });

  it('ingests each fixture sent alone as message/rfc822 the same way (a second org, so nothing is a duplicate)', async () => {
    const other = await t.createOrg('Second Northwind');
    const items: Item[] = [];
    for (const [i, f] of fixtures.entries()) {
      const res = await t.call(other.member, { method: 'POST', url: '/api/ingest/emails', payload: f.raw, headers: { 'content-type': 'message/rfc822' } });
      expect(res.statusCode, `${f.name}: ${res.body.slice(0, 300)}`).toBe(201);
      items.push({ ...res.json().items[0], seq: i + 1 });
    }
    await expectIngested(items);
  });

  it('ingests the message of the issue (Content-Type: ; name="facejj.jpg") with its text instead of failing it', async () => {
    const raw = readFileSync(join(import.meta.dirname, 'fixtures/email-real/flanker-fixtures/flanker-spam-broken-ctype.eml'));
    const res = await t.call(org.member, { method: 'POST', url: '/api/ingest/emails', payload: raw, headers: { 'content-type': 'message/rfc822' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().batch).toMatchObject({ read: 1, failed: 0, new_signals: 1 });
    const signal = await db().selectFrom('signal').selectAll().where('signal_id', '=', res.json().items[0].signal_id).executeTakeFirstOrThrow();
    expect(signal.snippet).toContain('Hello Dear, How are you?');
  });
});
