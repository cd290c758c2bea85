import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { appendEvent } from '../src/outbox/work-events.repository.js';
import { transact } from '../src/db/transact.js';
import { FlowLedgerRealtime, type ConnectionState, type WebSocketConstructor } from '../src/realtime/client.js';
import type { RealtimeFrame } from '../src/realtime/event-types.js';
import { realtimeServices } from '../src/app/realtime-services.js';
import type { Service } from '../src/shared/lifecycle.js';
import { describeEachEngine } from './helpers/engines.js';
import { insertTask } from './helpers/factories.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';
import { addUser, signIn } from './helpers/users.js';
import { waitFor as poll } from './helpers/wait-for.js';

/** Resolves with the first value `register` reports, or rejects after timeoutMs. */
function waitFor<T>(register: (done: (v: T) => void) => () => void, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out'));
    }, timeoutMs);
    const off = register((v) => {
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}

describe('typed realtime client bundle', () => {
  it('bundles for the browser with no Node built-ins', async () => {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [join(import.meta.dirname, '../src/realtime/client.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.every((i) => i.startsWith('src/realtime/'))).toBe(true);
    expect(out.outputFiles[0]!.text).toContain('FlowLedgerRealtime');
    expect(out.outputFiles[0]!.text).not.toMatch(/from ["']node:/);
  });
});

describeEachEngine('typed realtime client', (engine) => {
  let t: TestApp;
  let wsUrl: string;
  let services: Service[];
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine);
    services = realtimeServices(t.deps).services;
    for (const s of services) await s.start();
    wsUrl = `${(await t.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws')}/ws`;
    org = await t.createOrg();
  });
  afterAll(async () => {
    for (const s of [...services].reverse()) await s.stop();
    await t.close();
  });

  const commit = (eventName: string, orgId = org.orgId) =>
    transact(t.deps, async (trx) => {
      const now = t.clock.now().toISOString();
      const taskId = await insertTask(trx, orgId, { createdAt: now, title: `for ${eventName}` });
      const id = await appendEvent(trx, { orgId, eventName, itemType: 'task', itemId: taskId, payload: { taskId, status: 'GREEN', hoursRemaining: 3 }, happenedAt: now });
      return { taskId, id: String(id) };
    });

  it('delivers typed events to on() handlers', async () => {
    const client = new FlowLedgerRealtime({ url: wsUrl, token: org.viewer, WebSocket: WebSocket as unknown as WebSocketConstructor });
    await client.ready();
    const got = waitFor<{ taskId: string; title: string | undefined; frame: RealtimeFrame }>((done) =>
      client.on('workflow:task:created', (data, frame) => done({ taskId: data.taskId, title: data.task?.title, frame })),
    );
    const warned = waitFor<number | undefined>((done) => client.on('workflow:sla:warning', (data) => done(data.hoursRemaining)));
    const created = await commit('task.created');
    await commit('task.sla_warning');
    const r = await got;
    expect(r).toMatchObject({ taskId: created.taskId, title: 'for task.created' });
    expect(r.frame.id).toBe(created.id);
    expect(await warned).toBe(3);
    client.close();
    expect(client.state).toBe('closed');
  });

  it('reconnects with backoff after the connection drops and keeps its subscription', async () => {
    const client = new FlowLedgerRealtime({
      url: wsUrl,
      token: async () => org.member,
      events: ['workflow:sla:*'],
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
    });
    await client.ready();
    const states: ConnectionState[] = [];
    client.onState((s) => states.push(s));
    const reopened = waitFor<void>((done) => client.onState((s) => s === 'open' && done()));
    // Drop every connection from the server side, as a crashed node or a network cut would.
    for (const s of t.app.websocketServer.clients) s.terminate();
    await reopened;
    expect(states).toEqual(['reconnecting', 'open']);

    client.subscribe(['workflow:sla:*', 'workflow:status:changed']);
    const seen: string[] = [];
    client.onAny((f) => {
      if (!f.event.startsWith('system:')) seen.push(f.event);
    });
    const last = waitFor<void>((done) => client.on('workflow:status:changed', () => done()));
    // Second drop: the widened subscription survives it too.
    const again = waitFor<void>((done) => client.onState((s) => s === 'open' && done()));
    await new Promise((r) => setTimeout(r, 50));
    for (const s of t.app.websocketServer.clients) s.terminate();
    await again;
    await commit('task.created');
    await commit('task.sla_violated');
    await commit('task.status_changed');
    await last;
    expect(seen).toEqual(['workflow:sla:violated', 'workflow:status:changed']);
    client.close();
  });

  it('gives up on a bad key instead of retrying', async () => {
    const client = new FlowLedgerRealtime({ url: wsUrl, token: 'fl_bad', WebSocket: WebSocket as unknown as WebSocketConstructor, reconnect: { initialDelayMs: 10 } });
    await expect(client.ready()).rejects.toThrow(/4401/);
    expect(client.state).toBe('closed');
  });

  it('without a token sends no auth message and rides the session cookie of its upgrade (the dashboard)', async () => {
    await addUser(t, { orgId: org.orgId, email: 'rio@realtime.test', role: 'viewer', password: 'correct horse battery staple' });
    const session = await signIn(t, 'rio@realtime.test', 'correct horse battery staple');
    const origin = new URL(wsUrl.replace(/^ws/, 'http')).origin;
    // What a browser does on its own: the cookie and the page's Origin on the upgrade.
    class BrowserLikeWebSocket extends WebSocket {
      constructor(url: string) {
        super(url, { headers: { cookie: `flowledger_session=${session.token}`, origin } });
      }
    }
    const client = new FlowLedgerRealtime({ url: wsUrl, WebSocket: BrowserLikeWebSocket as unknown as WebSocketConstructor, reconnect: false });
    const frames: string[] = [];
    client.onAny((f) => frames.push(f.event));
    await client.ready();
    const created = waitFor<string>((done) => client.on('workflow:task:created', (data) => done(data.taskId)));
    const { taskId } = await commit('task.created');
    expect(await created).toBe(taskId);
    // An auth message after the cookie authenticated would have been answered with system:error.
    expect(frames).not.toContain('system:error');
    client.close();
  });

  const createTask = async (title: string): Promise<string> => {
    const res = await t.call(org.member, { method: 'POST', url: '/api/workflow/tasks', payload: { workflow_category: 'Support', title } });
    expect(res.statusCode).toBe(201);
    return (res.json() as { task_id: string }).task_id;
  };

  it('a client whose socket is killed while tasks are created resumes by itself: each missed event once, replayed, then live ones', async () => {
    // While `away`, every connection attempt goes to a closed port: the client keeps retrying, as after a lost network.
    let away = false;
    const dead = wsUrl.replace(/:\d+\/ws$/, ':1/ws');
    const urls: string[] = [];
    class Flaky {
      constructor(url: string) {
        urls.push(url);
        return new WebSocket(away ? url.replace(wsUrl, dead) : url) as unknown as Flaky;
      }
    }
    const client = new FlowLedgerRealtime({ url: wsUrl, token: org.viewer, WebSocket: Flaky as unknown as WebSocketConstructor, reconnect: { initialDelayMs: 20, maxDelayMs: 100 } });
    const created: RealtimeFrame<'workflow:task:created'>[] = [];
    client.on('workflow:task:created', (_d, f) => created.push(f));
    const resumed: number[] = [];
    client.on('system:resumed', (d) => resumed.push(d.replayed));
    await client.ready();
    const first = await createTask('before');
    await waitUntil(() => created.some((f) => f.data.taskId === first));
    const before = client.position;
    expect(before).toEqual(expect.any(String));

    away = true;
    for (const s of t.app.websocketServer.clients) s.terminate();
    await waitUntil(() => client.state === 'reconnecting');
    const missed: string[] = [];
    for (let i = 0; i < 25; i++) missed.push(await createTask(`missed ${i}`));
    away = false;
    await waitUntil(() => resumed.length === 1, 20_000);
    expect(urls.at(-1)).toContain(`resume=${encodeURIComponent(before!)}`);
    const live = await createTask('after');
    await waitUntil(() => created.some((f) => f.data.taskId === live), 20_000);

    const ids = created.map((f) => f.data.taskId);
    expect(ids.filter((id) => missed.includes(id))).toEqual(missed);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of created.filter((f) => missed.includes(f.data.taskId))) {
      expect(f.replayed).toBe(true);
      expect(f.data.task?.task_id).toBe(f.data.taskId);
    }
    expect(created.find((f) => f.data.taskId === live)!.replayed).toBeUndefined();
    expect(client.position).not.toBe(before);
    client.close();
  });

  it("emits 'resync' when the server cannot replay from the position it was given", async () => {
    const client = new FlowLedgerRealtime({ url: wsUrl, token: org.viewer, WebSocket: WebSocket as unknown as WebSocketConstructor, position: 'not-a-position' });
    const reason = await waitFor<string>((done) => client.on('resync', (d) => done(d.reason)));
    expect(reason).toBe('unreadable');
    // It now stands at a position the server gave it.
    expect(client.position).toMatch(/^[sp]\./);
    client.close();
  });
});

const waitUntil = async (check: () => boolean, timeoutMs = 10_000): Promise<void> => void (await poll(check, { timeoutMs }));
