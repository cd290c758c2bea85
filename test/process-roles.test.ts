import { SecretKeyRing } from '../src/shared/secret-box.js';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.repository.js';
import { createOrg } from '../src/auth/orgs.repository.js';
import { createDeps } from '../src/app/deps.js';
import { buildServer } from '../src/app/server.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/shared/logger.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';
import { insertTask } from './helpers/factories.js';
import { startCliProcess, type CliProcess } from './helpers/processes.js';
import { createTestApp } from './helpers/test-app.js';
import { waitFor } from './helpers/wait-for.js';
import { openSocket } from './helpers/ws-client.js';

const START_MS = 60_000; // a tsx process on a busy machine

describeEachEngine('probes', (engine) => {
  it('/live answers 200 without the database; /ready and /health need it', async () => {
    const t = await createTestApp(engine);
    try {
      expect((await t.call(undefined, { method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready', database: 'connected', migrations: 'complete' });
      await t.deps.database.close();
      const live = await t.call(undefined, { method: 'GET', url: '/live' });
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'alive' });
      const ready = await t.call(undefined, { method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'not_ready', reason: 'database_unreachable', database: 'unreachable' });
    } finally {
      await t.app.close();
      await t.db.drop();
    }
  });

  it('/ready answers 503 "draining" once the process begins to shut down, while /live stays 200', async () => {
    const t = await createTestApp(engine);
    try {
      t.deps.process.beginDrain();
      const ready = await t.call(undefined, { method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'not_ready', reason: 'draining' });
      expect((await t.call(undefined, { method: 'GET', url: '/live' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('/ready answers 503 "migrations_pending" on a database that is not migrated', async () => {
    const tdb = await openTestDatabase(engine, { migrate: false });
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: tdb.processUrl });
    const app = await buildServer(createDeps({ config, database: tdb.database, logger: createLogger('silent'), secrets: SecretKeyRing.ephemeral() }));
    try {
      const ready = await app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'not_ready', reason: 'migrations_pending', database: 'connected', migrations: 'pending' });
    } finally {
      await app.close();
      await tdb.drop();
    }
  });

  it('documents /live and both /ready answers in the OpenAPI document', async () => {
    const t = await createTestApp(engine);
    try {
      const doc = (await t.call(undefined, { method: 'GET', url: '/api/openapi.json' })).json();
      // Their own answers (beside them, the document's shared 4XX and default error answers).
      const answers = (path: string) => Object.keys(doc.paths[path].get.responses as object).filter((s) => /^[25]\d\d$/.test(s)).sort();
      expect(answers('/live')).toEqual(['200']);
      expect(answers('/ready')).toEqual(['200', '503']);
    } finally {
      await t.close();
    }
  });
});

/** A POST whose body is sent in two parts: in flight from the first byte until `finish()`. */
function slowPost(url: string, key: string, body: string): { finish(): void; response: Promise<{ status: number; body: string }> } {
  const u = new URL(url);
  let req!: ClientRequest;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        agent: false,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res: IncomingMessage) => {
        let text = '';
        res.on('data', (b: Buffer) => (text += b.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { finish: () => req.end(body.slice(half)), response };
}

describeEachEngine('process roles', (engine) => {
  let tdb: TestDatabase;
  let env: Record<string, string>;
  let orgId: number;
  let key: string;

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    const now = new Date().toISOString();
    orgId = (await createOrg(tdb.database.db, { name: 'Roles', now })).org_id;
    key = (await createApiKey(tdb.database.db, { orgId, role: 'member', name: null, now })).key;
    env = { DATABASE_URL: tdb.processUrl, HOST: '127.0.0.1', PORT: '0' };
  });
  afterAll(() => tdb.drop());

  const started = (p: CliProcess, msg: string) =>
    waitFor(() => p.logs().find((l) => l.msg === msg), { timeoutMs: START_MS, what: `"${msg}" (${p.output()})` });

  it('serve drains on SIGTERM: /ready 503 first, the in-flight request answered, WebSockets closed 1012, exit 0', async () => {
    const p = startCliProcess(['serve', '--no-workers'], { ...env, SHUTDOWN_DRAIN_DELAY: '3s', SHUTDOWN_TIMEOUT: '30s' });
    try {
      const url = (await started(p, 'FlowLedger listening')).url as string;
      const ws = openSocket(`${url.replace('http', 'ws')}/ws`, { headers: { authorization: `Bearer ${key}` } });
      await ws.next((f) => f.event === 'system:ready', 10_000);
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      const inFlight = slowPost(`${url}/api/workstream/signals`, key, JSON.stringify({ source_type: 'email', snippet: 'sent while the server drains' }));

      p.child.kill('SIGTERM');
      const draining = await waitFor(
        async () => {
          const res = await fetch(`${url}/ready`);
          return res.status === 503 ? await res.json() : undefined;
        },
        { timeoutMs: 10_000, what: '/ready 503 while draining' },
      );
      expect(draining).toEqual({ status: 'not_ready', reason: 'draining' });
      // Readiness went first: the WebSocket is still open and served during the drain delay.
      expect(ws.ws.readyState).toBe(ws.ws.OPEN);

      const closed = await ws.closed;
      expect(closed.code).toBe(1012);
      expect(ws.frames.map((f) => f.event)).toContain('system:shutdown');

      // The listener is closing now; the request that was already in flight is still answered.
      inFlight.finish();
      const res = await inFlight.response;
      expect(res.status, res.body).toBe(201);
      expect(JSON.parse(res.body)).toMatchObject({ org_id: orgId, snippet: 'sent while the server drains' });

      expect(await p.exited).toBe(0);
      expect(p.logs().map((l) => l.msg)).toContain('shutdown complete');
      const stored = await tdb.database.db.selectFrom('signal').select('snippet').where('org_id', '=', orgId).execute();
      expect(stored.map((s) => s.snippet)).toContain('sent while the server drains');
    } finally {
      p.kill();
    }
  });

  it('`flowledger sla monitor` runs the SLA monitor alone: it escalates an overdue task, and stops on SIGTERM', async () => {
    const createdAt = new Date(Date.now() - 5 * 3_600_000).toISOString();
    const taskId = await insertTask(tdb.database.db, orgId, { createdAt, priority: 'CRITICAL' });
    const p = startCliProcess(['sla', 'monitor'], { ...env, SLA_INTERVAL: '200ms' });
    try {
      expect((await started(p, 'background process started')).services).toEqual(['sla-monitor']);
      const task = await waitFor(
        async () => {
          const row = await tdb.database.db.selectFrom('workflow_tasks').select(['task_status', 'sla_status']).where('task_id', '=', taskId).executeTakeFirstOrThrow();
          return row.sla_status === 'breached' ? row : undefined;
        },
        { timeoutMs: 20_000, what: 'the monitor process to breach the task' },
      );
      expect(task.task_status).toBe('RED');
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      expect(p.logs().map((l) => l.msg)).toContain('SLA monitor stopped');
    } finally {
      p.kill();
    }
  });

  it('`flowledger worker --no-sla` runs the outbox worker without the SLA monitor', async () => {
    const p = startCliProcess(['worker', '--no-sla'], env);
    try {
      expect((await started(p, 'background process started')).services).toEqual(['outbox-worker', 'retention-pruner', 'mailbox-sync']);
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      expect(p.logs().map((l) => l.msg)).not.toContain('SLA monitor started');
    } finally {
      p.kill();
    }
  });
});
