/**
 * A proposal without a recipient (#16): its mail dead-letters with advice naming the two calls
 * that fix it, and those calls work: PATCH /api/workstream/proposals/:id sets the recipient, the
 * redrive delivers (file mailer). Everything through the HTTP API, on both engines.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultHandlers } from '../src/app/outbox-handlers.js';
import { describeEachEngine } from './helpers/engines.js';
import { testWorker } from './helpers/outbox-seed.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

describeEachEngine('a proposal without a recipient', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  const mailDir = mkdtempSync(join(tmpdir(), 'flowledger-proposal-mail-'));

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { MAIL_DIR: mailDir, MAIL_FROM: 'Sales <sales@northwind.example>' } });
    org = await t.createOrg('Northwind');
    other = await t.createOrg('Globex');
  });
  afterAll(async () => {
    await t.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  async function call(key: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>, status = 200) {
    const res = await t.call(key, { method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  }

  /** A pursuit moved to submit through the API, its v1 proposal drafted by the outbox, with no contact anywhere. */
  async function submittedPursuit(worker: ReturnType<typeof testWorker>): Promise<{ pursuitId: number; proposalId: number }> {
    const cand = await call(org.member, 'POST', '/api/workstream/candidates', { title: 'Cold store fit-out' }, 201);
    await call(org.member, 'POST', `/api/workstream/candidates/${cand.candidate_id}/transition`, { to: 'triaged' });
    const promoted = await call(org.member, 'POST', `/api/workstream/candidates/${cand.candidate_id}/transition`, { to: 'promoted' });
    const pursuitId = promoted.pursuit_id as number;
    await worker.drain(); // candidate.promoted → proposal v1 (a draft without recipient_email)
    for (const to of ['pink', 'red', 'submit']) await call(org.member, 'POST', `/api/workstream/pursuits/${pursuitId}/transition`, { to });
    const { data } = await call(org.viewer, 'GET', `/api/workstream/pursuits/${pursuitId}/proposals`);
    expect(data).toMatchObject([{ version: 1, status: 'draft', recipient_email: null }]);
    return { pursuitId, proposalId: data[0].proposal_id };
  }

  it('dead-letters the mail with advice naming the PATCH and retry routes; following it delivers the mail', async () => {
    const worker = testWorker(t, defaultHandlers(t.deps));
    const { pursuitId, proposalId } = await submittedPursuit(worker);
    expect((await worker.drain()).deadLettered).toBe(1);

    const dead = await call(org.admin, 'GET', '/api/outbox/dead-letters');
    const letter = dead.data.find((d: { event_name: string; item_id: string }) => d.event_name === 'pursuit.submit' && d.item_id === String(pursuitId));
    const patchUrl = `/api/workstream/proposals/${proposalId}`;
    const retryUrl = `/api/outbox/dead-letters/${letter.work_event_id}/retry`;
    expect(letter.last_error).toContain(`PATCH ${patchUrl}`);
    expect(letter.last_error).toContain(`POST ${retryUrl}`);
    expect(readdirSync(mailDir)).toEqual([]);

    // The advice, followed to the letter.
    const patched = await call(org.member, 'PATCH', patchUrl, { recipient_email: 'buyer@client.example' });
    expect(patched).toMatchObject({ proposal_id: proposalId, status: 'draft', recipient_email: 'buyer@client.example' });
    expect((await t.call(org.admin, { method: 'POST', url: retryUrl })).statusCode).toBe(202);
    await worker.drain();

    const files = readdirSync(mailDir);
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(mailDir, files[0]!), 'utf8');
    expect(eml).toMatch(/^To: buyer@client\.example$/m);
    expect(eml).toMatch(new RegExp(`^X-FlowLedger-Proposal-Id: ${proposalId}\\r?$`, 'im'));
    expect(await call(org.viewer, 'GET', patchUrl)).toMatchObject({ status: 'sent', recipient_email: 'buyer@client.example' });
    expect((await call(org.admin, 'GET', '/api/outbox/dead-letters')).data.some((d: { work_event_id: number }) => d.work_event_id === letter.work_event_id)).toBe(false);

    // The edit is in the activity log, with who made it.
    const events = await call(org.viewer, 'GET', `/api/workstream/events?item_type=proposal&item_id=${proposalId}`);
    expect(events.data.map((e: { event_name: string }) => e.event_name)).toEqual(['proposal.sent', 'proposal.updated', 'proposal.created']);
    expect(events.data[1]).toMatchObject({ payload: { changed: ['recipient_email'], recipient_email: 'buyer@client.example', pursuit_id: pursuitId }, actor: expect.stringMatching(/^key:\d+$/) });

    // Sent is what the customer saw: no more edits (409 naming the way forward).
    const late = await t.call(org.member, { method: 'PATCH', url: patchUrl, payload: { subject: 'Changed my mind' } });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'conflict', details: { status: 'sent', pursuit_id: pursuitId } });
    expect(late.json().error).toContain(`POST /api/workstream/pursuits/${pursuitId}/proposals`);
  });

  it('edits drafts only within the org, for members, with valid fields', async () => {
    const cand = await call(org.member, 'POST', '/api/workstream/candidates', { title: 'Draft only' }, 201);
    await call(org.member, 'POST', `/api/workstream/candidates/${cand.candidate_id}/transition`, { to: 'triaged' });
    const { pursuit_id } = await call(org.member, 'POST', `/api/workstream/candidates/${cand.candidate_id}/transition`, { to: 'promoted' });
    const proposal = await call(org.member, 'POST', `/api/workstream/pursuits/${pursuit_id}/proposals`, { subject: 'Offer' }, 201);
    const url = `/api/workstream/proposals/${proposal.proposal_id}`;
    const patch = (key: string, payload: Record<string, unknown>) => t.call(key, { method: 'PATCH', url, payload });

    for (const [payload, field] of [
      [{ recipient_email: 'not an address' }, 'recipient_email'],
      [{ doc_url: 'nope' }, 'doc_url'],
      [{ colour: 'red' }, 'colour'],
    ] as const) {
      const res = await patch(org.member, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await patch(org.member, {})).statusCode).toBe(400);
    expect((await patch(org.viewer, { subject: 'x' })).statusCode).toBe(403);
    expect((await patch(other.member, { subject: 'x' })).statusCode).toBe(404);
    expect((await t.call(other.viewer, { method: 'GET', url })).statusCode).toBe(404);
    expect((await t.call(org.member, { method: 'PATCH', url: '/api/workstream/proposals/999999', payload: { subject: 'x' } })).statusCode).toBe(404);

    const changed = await call(org.member, 'PATCH', url, { subject: 'Offer v1, revised', doc_url: 'https://docs.example/offer.pdf', recipient_email: null });
    expect(changed).toMatchObject({ subject: 'Offer v1, revised', doc_url: 'https://docs.example/offer.pdf', recipient_email: null, status: 'draft', version: proposal.version });
    expect(await call(org.viewer, 'GET', url)).toEqual(changed);
  });
});
