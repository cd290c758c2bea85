/**
 * `GET /ws`: the WebSocket gateway. Authenticates (bearer header, `?token=`, or a first
 * `{"type":"auth","token"}` message within WS_AUTH_TIMEOUT), then pushes the org's hub messages as
 * `{"event","data","ts","id"}` frames, narrowed by `{"type":"subscribe","events":[patterns]}`.
 *
 * - Each message is serialised once per hub message, not once per client.
 * - Heartbeats: a ping every WS_HEARTBEAT_INTERVAL; a peer that has not answered the previous one
 *   is terminated.
 * - Backpressure: a client whose unsent bytes exceed WS_MAX_BUFFERED is terminated instead of
 *   buffering without bound (and slowing everyone sharing the process).
 * - Shutdown: clients get a `system:shutdown` frame and close code 1012 (service restart), so
 *   they reconnect — to another node if there is one.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge } from 'prom-client';
import type { WebSocket } from 'ws';
import { EventFeed } from '../db/event-feed.js';
import { CLOSE_CODES } from './event-types.js';
import type { GatewayDeps } from './gateway-deps.js';
import type { RealtimeMessage } from './hub.js';
import { acceptConnection, OPEN, type Conn } from './ws-connection.js';
import { prepareFrame, writeFrames } from './ws-frames.js';
import { forConn, resume } from './ws-resume.js';


const MAX_INBOUND_BYTES = 64 * 1024;
/** How long clients get to finish the closing handshake on shutdown. */
const SHUTDOWN_GRACE_MS = 1_000;

function realtimeMetrics(deps: Pick<GatewayDeps, 'metrics'>, count: () => number) {
  const registers = [deps.metrics.registry];
  return {
    clients: new Gauge({
      name: 'flowledger_ws_clients',
      help: 'WebSocket clients connected and authenticated',
      registers,
      collect() {
        this.set(count());
      },
    }),
    sent: new Counter({ name: 'flowledger_ws_messages_sent_total', help: 'WebSocket event frames sent', registers }),
    dropped: new Counter({
      name: 'flowledger_ws_clients_dropped_total',
      help: 'WebSocket clients disconnected by the server (backpressure, heartbeat)',
      labelNames: ['reason'],
      registers,
    }),
  };
}

/** The gateway of one process: its clients by org, the fan-out, heartbeats and shutdown. */
class Gateway {
  private readonly byOrg = new Map<number, Set<Conn>>();
  /** Each client's watch of its org (RealtimeHub.watchOrg), released when it leaves. */
  private readonly watches = new Map<Conn, () => void>();
  private connected = 0;
  private seq = 0;
  private readonly m: ReturnType<typeof realtimeMetrics>;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  readonly feed: EventFeed;

  constructor(readonly deps: GatewayDeps) {
    this.feed = new EventFeed(deps.database);
    this.m = realtimeMetrics(deps, () => this.connected);
    this.unsubscribe = deps.hub.subscribeBatch((batch) => this.fanOut(batch));
    this.heartbeat = setInterval(() => this.beat(), deps.config.wsHeartbeatMs);
    this.heartbeat.unref();
  }

  frame(event: string, data: unknown): string {
    return JSON.stringify({ event, data, ts: this.deps.clock.now().toISOString(), id: `sys-${process.pid}-${this.seq++}` });
  }

  added(conn: Conn): void {
    let set = this.byOrg.get(conn.auth.orgId);
    if (!set) this.byOrg.set(conn.auth.orgId, (set = new Set()));
    set.add(conn);
    this.watches.set(conn, this.deps.hub.watchOrg(conn.auth.orgId));
    this.connected++;
  }

  removed(conn: Conn): void {
    const set = this.byOrg.get(conn.auth.orgId);
    set?.delete(conn);
    if (set && set.size === 0) this.byOrg.delete(conn.auth.orgId);
    this.watches.get(conn)?.();
    this.watches.delete(conn);
    this.connected--;
  }

  /** A connection registered with a buffer resumes from `position` (ws-resume.ts). */
  resume(conn: Conn, position: string): Promise<void> {
    return resume(this, conn, position);
  }

  private drop(c: Conn, reason: 'backpressure' | 'heartbeat'): void {
    this.m.dropped.inc({ reason });
    this.deps.logger.info({ orgId: c.auth.orgId, keyId: c.auth.keyId, userId: c.auth.userId, reason }, 'realtime: dropping WebSocket client');
    c.socket.terminate();
  }

  /**
   * Per batch of hub messages: each frame is built (JSON + WebSocket header) once, for all clients,
   * and each client gets all of its frames of the batch in one corked write. Measured with
   * bench/realtime: a send() per client per message costs a syscall and a header each, and under
   * load (when batches hold several messages) that is what fell behind.
   */
  private fanOut(batch: readonly RealtimeMessage[]): void {
    const perOrg = new Map<number, RealtimeMessage[]>();
    for (const msg of batch) {
      if (!this.byOrg.get(msg.orgId)?.size) continue;
      const list = perOrg.get(msg.orgId);
      if (list) list.push(msg);
      else perOrg.set(msg.orgId, [msg]);
    }
    let sent = 0;
    for (const [orgId, msgs] of perOrg) {
      const frames = msgs.map((msg) => prepareFrame(msg.id, msg.wsEvent, { event: msg.wsEvent, data: msg.data, ts: msg.ts, id: msg.id, pos: msg.pos }));
      const personal = msgs.some((m) => m.userId !== undefined);
      for (const c of this.byOrg.get(orgId)!) {
        if (c.socket.readyState !== OPEN) continue;
        if (c.socket.bufferedAmount + (c.buffer?.bytes ?? 0) > this.deps.config.wsMaxBufferedBytes) {
          this.drop(c, 'backpressure');
          continue;
        }
        // A personal frame goes to its person's session sockets only; API-key sockets have no person.
        let mine = personal ? frames.filter((_, i) => forConn(msgs[i]!, c)) : frames;
        if (c.filter) mine = mine.filter((f) => c.filter!(f.wsEvent));
        if (c.buffer) {
          // Resuming: held until the replay is out (ws-resume.ts).
          c.buffer.frames.push(...mine);
          for (const f of mine) c.buffer.bytes += f.bytes.length;
          continue;
        }
        sent += writeFrames(c.socket, mine);
      }
    }
    if (sent > 0) this.m.sent.inc(sent);
  }

  /** Pings every client; one that has not answered the previous ping is terminated. */
  private beat(): void {
    const byCredential = new Map<string, Conn[]>();
    for (const conns of this.byOrg.values()) {
      for (const c of conns) {
        if (!c.alive) {
          this.drop(c, 'heartbeat');
          continue;
        }
        c.alive = false;
        c.socket.ping();
        const id = `${c.credential.kind}:${c.credential.token}`;
        const list = byCredential.get(id);
        if (list) list.push(c);
        else byCredential.set(id, [c]);
      }
    }
    void this.recheckCredentials(byCredential);
  }

  /**
   * Keys revoked (or deleted) and sessions ended (signed out, user deactivated, membership removed)
   * while their sockets are open: once per heartbeat and distinct credential. Keys go through the
   * key resolver's short cache (revocation elsewhere takes effect within TTL + period); sessions are
   * read from the database, so within one period.
   */
  private async recheckCredentials(byCredential: Map<string, Conn[]>): Promise<void> {
    for (const conns of byCredential.values()) {
      const { kind, token } = conns[0]!.credential;
      const verdict = kind === 'key' ? await this.keyVerdict(token) : await this.sessionVerdict(token);
      if (verdict === undefined) continue;
      for (const c of conns) {
        if (c.socket.readyState !== OPEN) continue;
        if ('code' in verdict) c.socket.close(verdict.code, verdict.reason);
        // A session switched to another org: this socket streams the old one, so it reconnects.
        else if (verdict.orgId !== c.auth.orgId) c.socket.close(CLOSE_CODES.restart, 'session switched org; reconnect');
      }
    }
  }

  private async keyVerdict(token: string): Promise<{ code: number; reason: string } | undefined> {
    const res = await this.deps.keys.resolve(token).catch(() => undefined);
    if (!res || res.ok) return undefined;
    return res.reason === 'revoked'
      ? { code: CLOSE_CODES.forbidden, reason: 'API key has been revoked' }
      : { code: CLOSE_CODES.unauthorized, reason: 'Unknown API key' };
  }

  private async sessionVerdict(token: string): Promise<{ code: number; reason: string } | { orgId: number } | undefined> {
    const res = await this.deps.sessions.resolve(token).catch(() => undefined);
    if (!res) return undefined;
    if (res.ok) return { orgId: res.auth.orgId };
    return res.reason === 'ended'
      ? { code: CLOSE_CODES.forbidden, reason: 'Your session has ended; sign in again' }
      : { code: CLOSE_CODES.unauthorized, reason: 'Unknown session' };
  }

  /** Shutdown: every client gets `system:shutdown` and close 1012 (reconnect), then the server closes. */
  async close(clients: Iterable<WebSocket>): Promise<void> {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    const shutdown = this.frame('system:shutdown', { reconnect: true });
    await Promise.all([...clients].map((s) => closeForRestart(s, shutdown)));
  }
}

function closeForRestart(s: WebSocket, shutdown: string): Promise<void> {
  return new Promise<void>((resolve) => {
    if (s.readyState !== OPEN) return resolve();
    const timer = setTimeout(() => {
      s.terminate();
      resolve();
    }, SHUTDOWN_GRACE_MS);
    s.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    s.send(shutdown);
    s.close(CLOSE_CODES.restart, 'server restarting; reconnect');
  });
}

/**
 * `GET /ws` and its fan-out, as one plugin (no prefix). Not encapsulated, so the app itself owns
 * the WebSocket server (`app.websocketServer`) and its shutdown.
 */
const gateway: FastifyPluginAsync<{ deps: GatewayDeps }> = async (app, { deps }) => {
  const gw = new Gateway(deps);
  await app.register(websocket, {
    // No per-message deflate: frames are prepared once and written as they are (see writeFrames).
    options: { maxPayload: MAX_INBOUND_BYTES, perMessageDeflate: false },
    preClose: async function (this: FastifyInstance) {
      await gw.close(this.websocketServer.clients);
      await new Promise<void>((resolve) => this.websocketServer.close(() => resolve()));
    },
  });
  app.route({
    method: 'GET',
    url: '/ws',
    config: { selfAuth: true },
    schema: { hide: true },
    handler: async (_request, reply) =>
      reply.status(426).header('upgrade', 'websocket').send({ error: 'GET /ws needs a WebSocket upgrade', code: 'bad_request' }),
    wsHandler: (socket, request) => acceptConnection(gw, socket, request),
  });
};

export const realtimeGateway = fp(gateway, { name: 'flowledger-realtime' });
