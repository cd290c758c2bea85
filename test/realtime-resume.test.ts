/**
 * The resume protocol of `/ws` (#21), through the real server: which events a resumed socket gets
 * (its org's, its person's), in which frames, and when it is told to reload instead.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { realtimeServices } from '../src/app/realtime-services.js';
import { transact } from '../src/db/transact.js';
import { pruneProcessedEvents } from '../src/outbox/retention.repository.js';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import type { Service } from '../src/shared/lifecycle.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser, signIn } from './helpers/users.js';
import { openReady, openSocket, type Frame, type TestSocket } from './helpers/ws-client.js';

describeEachEngine('WebSocket resume', (engine) => {
  let t: TestApp;
  let wsUrl: string;
  let origin: string;
  let services: Service[];
  let org: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine);
    services = realtimeServices(t.deps).services;
    for (const s of services) await s.start();
    wsUrl = `${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws')}/ws`;
    origin = new URL(wsUrl.replace(/^ws/, 'http')).origin;
    org = await t.createOrg();
    other = await t.createOrg();
  });
  afterAll(async () => {
    for (const s of [...services].reverse()) await s.stop();
    await t.close();
  });

  const commit = (orgId: number, eventName: string, payload: Record<string, unknown> = {}) =>
    transact(t.deps, (trx) =>
      appendEvent(trx, { orgId, eventName, itemType: 'feed', itemId: 'x', payload, happenedAt: t.clock.now().toISOString() }),
    ).then(String);

  /** The `pos` of a fresh event of the org, as a connected client last saw it. */
  const positionNow = async (): Promise<string> => {
    const s = await openReady(wsUrl, org.viewer);
    const id = await commit(org.orgId, 'resume.mark');
    const f = await s.next((x) => x.id === id);
    await s.close();
    expect(f).toHaveProperty('pos', expect.any(String));
    return (f as Frame & { pos: string }).pos;
  };

  const resumeWith = (position: string, headers: Record<string, string>) =>
    openSocket(`${wsUrl}?resume=${encodeURIComponent(position)}`, { headers });
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  const done = (s: TestSocket) => s.next((f) => f.event === 'system:resumed' || f.event === 'system:resync');
  const replayedIds = (s: TestSocket) => s.frames.filter((f) => (f as Frame & { replayed?: boolean }).replayed).map((f) => f.id);

  it("replays only the org's own events, then system:resumed and the current metrics, then live frames", async () => {
    const pos = await positionNow();
    const mine = [await commit(org.orgId, 'resume.a'), await commit(org.orgId, 'resume.b')];
    const theirs = await commit(other.orgId, 'resume.c');
    const s = resumeWith(pos, bearer(org.viewer));
    const resumed = await done(s);
    expect(resumed.event).toBe('system:resumed');
    expect(resumed.data).toEqual({ replayed: 2, position: expect.any(String) });
    expect(replayedIds(s)).toEqual(mine);
    expect(s.frames.map((f) => f.id)).not.toContain(theirs);
    await s.next((f) => f.event === 'workflow:metrics:updated');
    const live = await commit(org.orgId, 'resume.live');
    const f = await s.next((x) => x.id === live);
    expect(f).not.toHaveProperty('replayed');
    expect(s.frames.filter((x) => x.id === live)).toHaveLength(1);
    await s.close();
  });

  it('replays a personal event only to its person’s session socket', async () => {
    const password = 'correct horse battery staple';
    const ann = await addUser(t, { orgId: org.orgId, email: 'ann@resume.test', role: 'viewer', password });
    await addUser(t, { orgId: org.orgId, email: 'bob@resume.test', role: 'viewer', password });
    const [annSession, bobSession] = [await signIn(t, 'ann@resume.test', password), await signIn(t, 'bob@resume.test', password)];
    const pos = await positionNow();
    const note = await commit(org.orgId, 'notification.created', { user_id: ann, unread_count: 1, notification: { title: 'for Ann' } });
    const shared = await commit(org.orgId, 'resume.shared');
    const session = (token: string) => ({ cookie: `flowledger_session=${token}`, origin });
    const sockets = [resumeWith(pos, session(annSession.token)), resumeWith(pos, session(bobSession.token)), resumeWith(pos, bearer(org.viewer))];
    for (const s of sockets) await done(s);
    expect(sockets.map(replayedIds)).toEqual([[note, shared], [shared], [shared]]);
    for (const s of sockets) await s.close();
  });

  it('sends one system:resync, then live frames, for a garbled, foreign or too old position', async () => {
    const pos = await positionNow();
    const foreign = pos.replace(/^([sp])\.[0-9a-f]+\./, '$1.0123456789ab.');
    const otherEngine = pos.startsWith('s.') ? pos.replace(/^s\./, 'p.') : pos.replace(/^p\./, 's.');
    for (const [given, reason] of [
      ['garbage', 'unreadable'],
      [foreign, 'foreign'],
      [otherEngine, 'foreign'],
    ] as const) {
      const s = resumeWith(given, bearer(org.viewer));
      const f = await done(s);
      expect(f.event).toBe('system:resync');
      expect(f.data).toEqual({ reason, position: expect.any(String) });
      const live = await commit(org.orgId, 'resume.after-resync');
      await s.next((x) => x.id === live);
      expect(s.frames.filter((x) => x.event === 'system:resync')).toHaveLength(1);
      await s.close();
    }
    // Retention deletes an event committed after the position: that position is now too old.
    const gone = await commit(org.orgId, 'resume.pruned');
    await t.deps.database.db.updateTable('work_event').set({ processed_at: t.clock.now().toISOString() }).where('work_event_id', '=', Number(gone)).execute();
    const far = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    expect(await pruneProcessedEvents(t.deps.database.db, { before: far, limit: 100, events: 'activity' })).toBe(1);
    const s = resumeWith(pos, bearer(org.viewer));
    expect((await done(s)).data).toEqual({ reason: 'too_old', position: expect.any(String) });
    await s.close();
  });

  it('resumes from the auth message’s "resume" or one {"type":"resume"} message; a second one is an error', async () => {
    const pos = await positionNow();
    const missed = await commit(org.orgId, 'resume.by-message');
    const viaAuth = openSocket(wsUrl);
    await new Promise((r) => viaAuth.ws.once('open', r));
    viaAuth.send({ type: 'auth', token: org.viewer, resume: pos });
    expect((await done(viaAuth)).event).toBe('system:resumed');
    expect(replayedIds(viaAuth)).toEqual([missed]);
    await viaAuth.close();

    const viaMessage = await openReady(wsUrl, org.viewer);
    viaMessage.send({ type: 'resume', position: pos });
    expect((await done(viaMessage)).event).toBe('system:resumed');
    expect(replayedIds(viaMessage)).toEqual([missed]);
    viaMessage.send({ type: 'resume', position: pos });
    expect((await viaMessage.next((f) => f.event === 'system:error')).data).toMatchObject({ code: 'bad_request', error: expect.stringMatching(/once/) });
    await viaMessage.close();
  });
});
