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
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { WebSocket } from 'ws';
import { authenticate, bearerToken, type AuthDeps } from '../auth/auth.plugin.js';
import type { Config } from '../config/config.js';
import type { AuthContext } from '../shared/auth-context.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { AppError } from '../shared/errors.js';
import { compilePatterns, isValidPattern, MAX_PATTERNS } from './event-names.js';
import { CLOSE_CODES } from './event-types.js';
import type { RealtimeHub, RealtimeMessage } from './hub.js';

export interface GatewayDeps extends AuthDeps {
  config: Pick<Config, 'wsMaxBufferedBytes' | 'wsHeartbeatMs' | 'wsAuthTimeoutMs'>;
  clock: Clock;
  logger: Logger;
  metrics: { registry: Registry };
  hub: RealtimeHub;
}

const OPEN = 1;
const MAX_INBOUND_BYTES = 64 * 1024;
/** How long clients get to finish the closing handshake on shutdown. */
const SHUTDOWN_GRACE_MS = 1_000;

interface Conn {
  socket: WebSocket;
  auth: AuthContext;
  /** Kept to re-check the key: a key revoked while connected closes the socket (4403). */
  token: string;
  patterns: string[];
  filter: ((wsEvent: string) => boolean) | null;
  alive: boolean;
}

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

/** An unmasked, final WebSocket text frame (RFC 6455 §5.2) around a UTF-8 payload. */
export function textFrame(payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const out = Buffer.allocUnsafe(head + n);
  out[0] = 0x81;
  if (n < 126) out[1] = n;
  else if (n < 65_536) {
    out[1] = 126;
    out.writeUInt16BE(n, 2);
  } else {
    out[1] = 127;
    out.writeBigUInt64BE(BigInt(n), 2);
  }
  payload.copy(out, head);
  return out;
}

/**
 * Writes prepared frames straight to the client's TCP socket, corked into one write. Safe because
 * the server has no per-message deflate, so ws's sender never holds frames back: everything it
 * sends (system frames, pings) is written at once, and order on the wire is kept. Falls back to
 * send() if ws ever stops exposing its socket.
 */
function writeFrames(ws: WebSocket, frames: ReadonlyArray<{ payload: Buffer; bytes: Buffer }>): number {
  if (frames.length === 0) return 0;
  const raw = (ws as unknown as { _socket?: import('node:net').Socket })._socket;
  if (!raw || !raw.writable) {
    for (const f of frames) ws.send(f.payload, { binary: false });
    return frames.length;
  }
  if (frames.length === 1) raw.write(frames[0]!.bytes);
  else {
    raw.cork();
    for (const f of frames) raw.write(f.bytes);
    raw.uncork();
  }
  return frames.length;
}

/** Parses `{"type": …}` client messages; anything else is a protocol error. */
function parseClientMessage(raw: unknown): { type: string; [k: string]: unknown } | undefined {
  try {
    const v = JSON.parse(String(raw)) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string') {
      return v as { type: string };
    }
  } catch {
    // fall through
  }
  return undefined;
}

function parsePatterns(v: unknown): string[] | string {
  if (!Array.isArray(v) || v.length === 0) return '"events" must be a non-empty array of event names or patterns';
  if (v.length > MAX_PATTERNS) return `"events" takes at most ${MAX_PATTERNS} patterns`;
  const bad = v.filter((p) => !isValidPattern(p));
  if (bad.length > 0) return `Invalid event pattern(s): ${bad.map((b) => JSON.stringify(b)).join(', ')} (letters, digits, . _ - : and *)`;
  return v as string[];
}

/**
 * `GET /ws` and its fan-out, as one plugin (no prefix). Not encapsulated, so the app itself owns
 * the WebSocket server (`app.websocketServer`) and its shutdown.
 */
const gateway: FastifyPluginAsync<{ deps: GatewayDeps }> = async (app, { deps }) => {
  const { config, hub } = deps;
  const byOrg = new Map<number, Set<Conn>>();
  let connected = 0;
  let seq = 0;
  const m = realtimeMetrics(deps, () => connected);

  const frame = (event: string, data: unknown) =>
    JSON.stringify({ event, data, ts: deps.clock.now().toISOString(), id: `sys-${process.pid}-${seq++}` });

  const drop = (c: Conn, reason: 'backpressure' | 'heartbeat') => {
    m.dropped.inc({ reason });
    deps.logger.info({ orgId: c.auth.orgId, keyId: c.auth.keyId, reason }, 'realtime: dropping WebSocket client');
    c.socket.terminate();
  };

  // ------------------------------------------------------------ fan-out
  // Per batch of hub messages: each frame is built (JSON + WebSocket header) once, for all clients,
  // and each client gets all of its frames of the batch in one corked write. Measured with
  // bench/realtime: a send() per client per message costs a syscall and a header each, and under
  // load (when batches hold several messages) that is what fell behind.
  const unsubscribe = hub.subscribeBatch((batch) => {
    const perOrg = new Map<number, RealtimeMessage[]>();
    for (const msg of batch) {
      if (!byOrg.get(msg.orgId)?.size) continue;
      const list = perOrg.get(msg.orgId);
      if (list) list.push(msg);
      else perOrg.set(msg.orgId, [msg]);
    }
    let sent = 0;
    for (const [orgId, msgs] of perOrg) {
      const frames = msgs.map((msg) => {
        const payload = Buffer.from(JSON.stringify({ event: msg.wsEvent, data: msg.data, ts: msg.ts, id: msg.id }));
        return { wsEvent: msg.wsEvent, payload, bytes: textFrame(payload) };
      });
      for (const c of byOrg.get(orgId)!) {
        if (c.socket.readyState !== OPEN) continue;
        if (c.socket.bufferedAmount > config.wsMaxBufferedBytes) {
          drop(c, 'backpressure');
          continue;
        }
        sent += writeFrames(c.socket, c.filter ? frames.filter((f) => c.filter!(f.wsEvent)) : frames);
      }
    }
    if (sent > 0) m.sent.inc(sent);
  });

  // ------------------------------------------------------------ heartbeats
  const heartbeat = setInterval(() => {
    const byToken = new Map<string, Conn[]>();
    for (const conns of byOrg.values()) {
      for (const c of conns) {
        if (!c.alive) {
          drop(c, 'heartbeat');
          continue;
        }
        c.alive = false;
        c.socket.ping();
        const list = byToken.get(c.token);
        if (list) list.push(c);
        else byToken.set(c.token, [c]);
      }
    }
    void recheckKeys(byToken);
  }, config.wsHeartbeatMs);

  // Keys revoked (or deleted) while their sockets are open: once per heartbeat and distinct key,
  // through the key resolver's short cache, so revocation elsewhere takes effect within TTL + period.
  const recheckKeys = async (byToken: Map<string, Conn[]>) => {
    for (const [token, conns] of byToken) {
      const res = await deps.keys.resolve(token).catch(() => undefined);
      if (!res || res.ok) continue;
      for (const c of conns) {
        if (c.socket.readyState !== OPEN) continue;
        c.socket.close(
          res.reason === 'revoked' ? CLOSE_CODES.forbidden : CLOSE_CODES.unauthorized,
          res.reason === 'revoked' ? 'API key has been revoked' : 'Unknown API key',
        );
      }
    }
  };
  heartbeat.unref();

  await app.register(websocket, {
    // No per-message deflate: frames are prepared once and written as they are (see writeFrames).
    options: { maxPayload: MAX_INBOUND_BYTES, perMessageDeflate: false },
    preClose: async function (this: FastifyInstance) {
      clearInterval(heartbeat);
      unsubscribe();
      const clients = [...this.websocketServer.clients];
      const shutdown = frame('system:shutdown', { reconnect: true });
      await Promise.all(
        clients.map(
          (s) =>
            new Promise<void>((resolve) => {
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
            }),
        ),
      );
      await new Promise<void>((resolve) => this.websocketServer.close(() => resolve()));
    },
  });

  // ------------------------------------------------------------ connections
  const onConnection = (socket: WebSocket, request: FastifyRequest) => {
    const query = request.query as Record<string, unknown>;
    const given = bearerToken(request.headers.authorization) ?? (typeof query.token === 'string' ? query.token : undefined);
    let initialPatterns: string[] = ['*'];
    if (typeof query.events === 'string' && query.events !== '') {
      const p = parsePatterns(query.events.split(','));
      if (typeof p === 'string') {
        socket.close(1008, p.slice(0, 120));
        return;
      }
      initialPatterns = p;
    }

    let conn: Conn | undefined;
    let authing = false;
    const queued: unknown[] = [];

    const fail = (code: number, reason: string) => {
      if (socket.readyState === OPEN) socket.close(code, reason.slice(0, 120));
    };

    const authTimer = setTimeout(() => fail(CLOSE_CODES.unauthorized, 'authentication timed out'), config.wsAuthTimeoutMs);

    const authWith = async (token: string | undefined) => {
      authing = true;
      try {
        const auth = await authenticate(deps, token, request.ip);
        clearTimeout(authTimer);
        if (socket.readyState !== OPEN) return;
        conn = { socket, auth, token: token!, patterns: initialPatterns, filter: compilePatterns(initialPatterns), alive: true };
        let set = byOrg.get(auth.orgId);
        if (!set) byOrg.set(auth.orgId, (set = new Set()));
        set.add(conn);
        connected++;
        socket.send(frame('system:ready', { org_id: auth.orgId, role: auth.role, events: conn.patterns }));
        for (const q of queued.splice(0)) onMessage(q);
      } catch (e) {
        clearTimeout(authTimer);
        if (e instanceof AppError && e.code === 'rate_limited') return fail(CLOSE_CODES.rateLimited, e.message);
        if (e instanceof AppError && e.code === 'unauthorized') {
          const res = token ? await deps.keys.resolve(token).catch(() => undefined) : undefined;
          if (res && !res.ok && res.reason === 'revoked') return fail(CLOSE_CODES.forbidden, e.message);
          return fail(CLOSE_CODES.unauthorized, e.message);
        }
        deps.logger.error({ err: e }, 'realtime: authentication failed unexpectedly');
        fail(1011, 'internal error');
      } finally {
        authing = false;
      }
    };

    const onMessage = (raw: unknown) => {
      const msg = parseClientMessage(raw);
      if (!conn) {
        if (authing) return void queued.push(raw);
        if (msg?.type !== 'auth') return fail(CLOSE_CODES.unauthorized, 'first message must be {"type":"auth","token":"…"}');
        return void authWith(typeof msg.token === 'string' ? msg.token : undefined);
      }
      if (!msg) return void socket.send(frame('system:error', { code: 'bad_request', error: 'Messages are JSON objects with a "type"' }));
      switch (msg.type) {
        case 'subscribe': {
          const p = parsePatterns(msg.events);
          if (typeof p === 'string') return void socket.send(frame('system:error', { code: 'bad_request', error: p }));
          conn.patterns = p;
          conn.filter = compilePatterns(p);
          return void socket.send(frame('system:subscribed', { events: p }));
        }
        case 'ping':
          return void socket.send(frame('system:pong', {}));
        case 'auth':
          return void socket.send(frame('system:error', { code: 'bad_request', error: 'Already authenticated' }));
        default:
          return void socket.send(
            frame('system:error', { code: 'bad_request', error: `Unknown message type ${JSON.stringify(msg.type)} (auth, subscribe, ping)` }),
          );
      }
    };

    socket.on('message', onMessage);
    socket.on('pong', () => {
      if (conn) conn.alive = true;
    });
    socket.on('close', () => {
      clearTimeout(authTimer);
      if (!conn) return;
      const set = byOrg.get(conn.auth.orgId);
      set?.delete(conn);
      if (set && set.size === 0) byOrg.delete(conn.auth.orgId);
      connected--;
      conn = undefined;
    });

    if (given !== undefined) void authWith(given);
  };

  app.route({
    method: 'GET',
    url: '/ws',
    config: { selfAuth: true },
    schema: { hide: true },
    handler: async (_request, reply) =>
      reply.status(426).header('upgrade', 'websocket').send({ error: 'GET /ws needs a WebSocket upgrade', code: 'bad_request' }),
    wsHandler: onConnection,
  });
};

export const realtimeGateway = fp(gateway, { name: 'flowledger-realtime' });
