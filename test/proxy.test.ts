/**
 * Behind a proxy (PostgreSQL): deploy/haproxy/haproxy.cfg in front of two `flowledger serve` nodes
 * on one schema (api1 with workers, api2 --no-workers), as scripts/haproxy-pair.ts starts them.
 * Requests reach both nodes, X-Forwarded-For is believed only from the proxy, a WebSocket gets
 * live frames through the tunnel, and a node stopped with SIGTERM costs no request: HAProxy retries
 * on the other node and its /ready check marks the stopped one down.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.repository.js';
import { createOrg } from '../src/auth/orgs.repository.js';
import { ensureHaproxy, startHaproxyPair, type ApiNode, type HaproxyPair } from '../scripts/haproxy-pair.js';
import { openTestDatabase, testEngines, type TestDatabase } from './helpers/engines.js';
import { waitFor } from './helpers/wait-for.js';
import { openSocket, type TestSocket } from './helpers/ws-client.js';
import { scaled } from './helpers/time-scale.js';

const pgEngine = testEngines().find((e) => e.name === 'postgres');
// Installed here (Debian's package) when missing; skipped, saying why, only when that is impossible.
const haproxy = pgEngine ? ensureHaproxy() : { ok: false as const, reason: 'PostgreSQL only: set TEST_DATABASE_URL' };
if (!haproxy.ok) console.warn(`test/proxy.test.ts skipped: ${haproxy.reason}`);

/** A GET from a chosen loopback address, so HAProxy sees distinct clients. */
function get(url: string, opts: { headers?: Record<string, string>; localAddress?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: opts.headers, localAddress: opts.localAddress, agent: false }, (res) => {
      let body = '';
      res.on('data', (b: Buffer) => (body += b.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once('error', reject);
    req.end();
  });
}

/** How many `GET /api/me` answers a node itself has sent (its own /metrics, bypassing HAProxy). */
async function meServed(node: ApiNode): Promise<number> {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  let n = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('flowledger_http_requests_total{') && line.includes('route="/api/me"') && line.includes('status="200"')) {
      n += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return n;
}

describe.runIf(haproxy.ok)('HAProxy in front of two API nodes [postgres]', () => {
  let tdb: TestDatabase;
  let pair: HaproxyPair;
  let viewer: string;
  let member: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    tdb = await openTestDatabase(pgEngine!);
    const now = new Date().toISOString();
    const org = await createOrg(tdb.database.db, { name: 'Proxied', now });
    viewer = (await createApiKey(tdb.database.db, { orgId: org.org_id, role: 'viewer', now })).key;
    member = (await createApiKey(tdb.database.db, { orgId: org.org_id, role: 'member', now })).key;
    pair = await startHaproxyPair({
      databaseUrl: tdb.processUrl,
      // The nodes trust X-Forwarded-For from HAProxy's address only; 3 failed keys per client block it.
      nodeEnv: { TRUST_PROXY: '127.0.0.1', AUTH_FAILURE_LIMIT: '3', AUTH_FAILURE_WINDOW: '10m' },
      checkInterval: '500ms',
      // Two processes loading from source on a busy machine: the start is scaled like every other wait.
      readyTimeoutMs: scaled(30_000),
    });
    // Both servers pass their first /ready checks before anything is asked through the proxy.
    await waitFor(async () => [...(await pair.serverStates()).values()].every((s) => s.status === 'UP'), { timeoutMs: 20_000, what: 'both nodes UP' });
  }, scaled(120_000));

  afterAll(async () => {
    for (const s of sockets) await s.close();
    await pair?.stop();
    await tdb?.drop();
  }, scaled(60_000));

  it('checks each node with GET /ready and round-robins requests over both', async () => {
    const states = await pair.serverStates();
    for (const server of ['flowledger_api/api1', 'flowledger_api/api2']) {
      // L7OK with code 200: the HTTP check on /ready answered, not merely a TCP connect.
      expect(states.get(server)).toMatchObject({ status: 'UP', check: 'L7OK', code: '200' });
    }
    const before = [await meServed(pair.nodes.api1), await meServed(pair.nodes.api2)];
    for (let i = 0; i < 10; i++) {
      const res = await get(`${pair.url}/api/me`, { headers: { authorization: `Bearer ${viewer}` } });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ role: 'viewer' });
    }
    const after = [await meServed(pair.nodes.api1), await meServed(pair.nodes.api2)];
    expect(after[0]! - before[0]! + after[1]! - before[1]!).toBe(10);
    expect(after[0]! - before[0]!).toBeGreaterThanOrEqual(4);
    expect(after[1]! - before[1]!).toBeGreaterThanOrEqual(4);
  });

  /** Creates a task through the proxy and waits for its frame on `socket`. */
  async function taskFrameArrives(socket: TestSocket, title: string): Promise<void> {
    const res = await fetch(`${pair.url}/api/workflow/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${member}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workflow_category: 'Support', title, dollar_value: 250 }),
    });
    expect(res.status).toBe(201);
    const task = (await res.json()) as { task_id: string };
    const frame = await socket.next((f) => f.event === 'workflow:task:created' && f.data.taskId === task.task_id, 15_000);
    expect(frame.data.task).toMatchObject({ task_id: task.task_id, title });
  }

  async function openThroughProxy(): Promise<TestSocket> {
    const socket = openSocket(`${pair.url.replace(/^http/, 'ws')}/ws?token=${viewer}`);
    sockets.push(socket);
    await socket.next((f) => f.event === 'system:ready', 15_000);
    return socket;
  }

  it('carries a WebSocket through the proxy with live frames, whichever node took the write', async () => {
    const socket = await openThroughProxy();
    // Two writes: round-robin puts them on different nodes, and both frames arrive on the one socket.
    await taskFrameArrives(socket, 'Through the proxy 1');
    await taskFrameArrives(socket, 'Through the proxy 2');
  });

  it('answers every request while a node stops (SIGTERM); HAProxy marks it down and sends everything to the other', async () => {
    const { api1, api2 } = pair.nodes;
    const statuses: number[] = [];
    let running = true;
    const load = (async () => {
      while (running) {
        statuses.push((await get(`${pair.url}/api/me`, { headers: { authorization: `Bearer ${viewer}` } })).status);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    try {
      await waitFor(() => statuses.length >= 5, { timeoutMs: 10_000, what: 'requests before the stop' });
      api2.process.kill('SIGTERM');
      expect(await api2.exited).toBe(0);
      await waitFor(async () => (await pair.serverStates()).get('flowledger_api/api2')?.status.startsWith('DOWN'), {
        timeoutMs: 20_000,
        intervalMs: 100,
        what: 'HAProxy to mark api2 down',
      });
      const atDown = statuses.length;
      await waitFor(() => statuses.length >= atDown + 5, { timeoutMs: 10_000, what: 'requests after the stop' });
    } finally {
      running = false;
      await load;
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect((await pair.serverStates()).get('flowledger_ws/api2')?.status).toMatch(/^DOWN/);

    const before = await meServed(api1);
    for (let i = 0; i < 5; i++) expect((await get(`${pair.url}/api/me`, { headers: { authorization: `Bearer ${viewer}` } })).status).toBe(200);
    expect((await meServed(api1)) - before).toBe(5);

    // A new WebSocket lands on the node left, and frames still flow.
    await taskFrameArrives(await openThroughProxy(), 'After the stop');
  }, scaled(60_000));

  // Last: on a node that does not believe X-Forwarded-For, this blocks the proxy's own address.
  it('passes the client address in X-Forwarded-For, and a spoofed one does not escape the failed-key limit', async () => {
    // 127.0.0.2 fails keys while claiming to be someone else; the nodes (TRUST_PROXY=127.0.0.1)
    // take the address HAProxy saw, so a node blocks 127.0.0.2 after 3 failures (one node is left).
    const spoofing = { localAddress: '127.0.0.2', headers: { authorization: 'Bearer fl_wrong', 'x-forwarded-for': '198.51.100.9' } };
    const statuses: number[] = [];
    while (statuses.slice(-2).join() !== '429,429' && statuses.length < 20) statuses.push((await get(`${pair.url}/api/me`, spoofing)).status);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    const otherSpoof = await get(`${pair.url}/api/me`, { ...spoofing, headers: { ...spoofing.headers, 'x-forwarded-for': '203.0.113.50' } });
    expect(otherSpoof.status).toBe(429);
    // Another client behind the same proxy is not blocked: the limit is per real client, not per proxy.
    const other = await get(`${pair.url}/api/me`, { localAddress: '127.0.0.3', headers: { authorization: 'Bearer fl_wrong' } });
    expect(other.status).toBe(401);
    const good = await get(`${pair.url}/api/me`, { localAddress: '127.0.0.3', headers: { authorization: `Bearer ${viewer}` } });
    expect(good.status).toBe(200);
  });
});
