/**
 * One server process of the bench: FlowLedger's gateway (publish to the hub, or commit a work event
 * and let the commit tap deliver it), a bare `ws` server looping send() (the floor), or a Socket.IO 4
 * room broadcast. Talks to the runner over IPC.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server as SocketIoServer } from 'socket.io';
import { WebSocketServer } from 'ws';
import { createApiKey } from '../../src/auth/api-keys.repository.js';
import { createOrg } from '../../src/auth/orgs.repository.js';
import { loadConfig } from '../../src/config/config.js';
import { createDatabase } from '../../src/db/create-db.js';
import { createDeps } from '../../src/app/deps.js';
import { buildServer } from '../../src/app/server.js';
import { appendEvent } from '../../src/outbox/work-events.repository.js';
import { transact } from '../../src/db/transact.js';
import { realtimeServices } from '../../src/app/realtime-services.js';
import { createLogger } from '../../src/shared/logger.js';
import { SecretKeyRing } from '../../src/shared/secret-box.js';
import { paced, samplePayload, type RunCommand, type ServerKind } from './shared.js';

const kind = process.argv[2] as ServerKind;
const send = (m: unknown) => process.send!(m);

type Runner = (cmd: RunCommand) => Promise<{ published: number; dropped?: number }>;

async function flowledger(commit: boolean): Promise<{ port: number; key: string; run: Runner }> {
  const dir = mkdtempSync(join(tmpdir(), 'flowledger-bench-'));
  const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'bench.db')}`;
  const database = createDatabase(url);
  await database.migrate();
  const now = new Date().toISOString();
  const org = await createOrg(database.db, { name: `Bench ${Date.now()}`, now });
  const { key } = await createApiKey(database.db, { orgId: org.org_id, role: 'viewer', name: null, now });
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url });
  const deps = createDeps({ config, database, logger: createLogger('silent'), secrets: SecretKeyRing.ephemeral() });
  const app = await buildServer(deps);
  const services = realtimeServices(deps).services;
  for (const s of services) await s.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  process.once('disconnect', () => {
    void (async () => {
      for (const s of services) await s.stop();
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  });
  const dropped = async () => {
    const text = await deps.metrics.registry.getSingleMetricAsString('flowledger_ws_clients_dropped_total');
    return [...text.matchAll(/ (\d+)$/gm)].reduce((a, m) => a + Number(m[1]), 0);
  };
  const run: Runner = async ({ intervalMs, durationMs }) => {
    const published = await paced(intervalMs, durationMs, async (i, due) => {
      if (!commit) {
        deps.hub.publish(org.org_id, 'task.status_changed', samplePayload(i, due), { id: `bench-${i}` });
        return;
      }
      // The measured path: a transaction commits a change's work event; the tap reads and pushes it.
      const t = due;
      await transact(deps, (trx) =>
        appendEvent(trx, { orgId: org.org_id, eventName: 'task.status_changed', itemType: 'task', itemId: 'TASK-bench', payload: samplePayload(i, t), happenedAt: new Date().toISOString() }),
      );
    });
    await deps.hub.drain();
    return { published, dropped: await dropped() };
  };
  return { port, key, run };
}

async function bareWs(): Promise<{ port: number; run: Runner }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  const run: Runner = async ({ intervalMs, durationMs }) => ({
    published: await paced(intervalMs, durationMs, (i, due) => {
      const msg = JSON.stringify({ event: 'workflow:status:changed', data: samplePayload(i, due), ts: new Date().toISOString(), id: `bench-${i}` });
      for (const c of wss.clients) c.send(msg);
    }),
  });
  return { port: (wss.address() as { port: number }).port, run };
}

async function socketIo(): Promise<{ port: number; run: Runner }> {
  const http = createServer();
  const io = new SocketIoServer(http, { transports: ['websocket'], serveClient: false });
  io.on('connection', (s) => void s.join('org-1'));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const run: Runner = async ({ intervalMs, durationMs }) => ({
    published: await paced(intervalMs, durationMs, (i, due) => {
      io.to('org-1').emit('workflow:status:changed', samplePayload(i, due));
    }),
  });
  return { port: (http.address() as { port: number }).port, run };
}

const server = kind === 'ws' ? await bareWs() : kind === 'socketio' ? await socketIo() : await flowledger(kind === 'flowledger-commit');
process.on('message', (m: RunCommand) => {
  if (m.type !== 'run') return;
  void server.run(m).then((r) => send({ type: 'done', ...r }));
});
if (kind === 'ws' || kind === 'socketio') process.once('disconnect', () => process.exit(0));
send({ type: 'ready', port: server.port, key: 'key' in server ? server.key : undefined });
