/**
 * One WebSocket client of the gateway: authentication (bearer header, `?token=`, the dashboard's
 * session cookie when the upgrade comes from its own origin, or a first `{"type":"auth","token"}`
 * message within WS_AUTH_TIMEOUT), then its control messages
 * (`subscribe`, `ping`). The gateway owns the fan-out; this owns one socket's protocol.
 */
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { authenticate, authenticateSession, bearerToken, ownOrigin } from '../auth/auth.plugin.js';
import { sessionTokenOf } from '../auth/session-cookie.js';
import type { AuthContext } from '../shared/auth-context.js';
import { AppError, isUnavailable } from '../shared/errors.js';
import { compilePatterns } from './event-names.js';
import { CLOSE_CODES } from './event-types.js';
import { parseClientMessage, parsePatterns, type PreparedFrame } from './ws-frames.js';
import type { GatewayDeps } from './gateway-deps.js';

export const OPEN = 1;

/** What the client authenticated with: an API key, or the dashboard's session cookie. */
export interface Credential {
  kind: 'key' | 'session';
  token: string;
}

/**
 * The session cookie is taken only from an upgrade whose Origin is the dashboard's own: browsers
 * send cookies with cross-site WebSocket handshakes (SameSite does not cover them), and the Origin
 * header, which pages cannot forge, is what tells another site's page apart.
 */
function sessionCredential(host: ConnectionHost, request: FastifyRequest): Credential | undefined {
  const token = sessionTokenOf(request.headers.cookie);
  if (token === undefined) return undefined;
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return undefined;
  let given: string;
  try {
    given = new URL(origin).origin;
  } catch {
    return undefined;
  }
  return given === ownOrigin(host.deps, request) ? { kind: 'session', token } : undefined;
}

/** An authenticated client, as the gateway's fan-out sees it. */
export interface Conn {
  socket: WebSocket;
  auth: AuthContext;
  /** Kept to re-check it: a key revoked or a session ended while connected closes the socket (4403). */
  credential: Credential;
  patterns: string[];
  filter: ((wsEvent: string) => boolean) | null;
  alive: boolean;
  /** Set once it asked to resume (one resume per connection). */
  resumed?: boolean;
  /** While resuming: the live frames held until the replay is out. */
  buffer?: { frames: PreparedFrame[]; bytes: number };
}

export interface ConnectionHost {
  deps: GatewayDeps;
  /** A system frame (`system:ready`, `system:error`, …) as JSON text. */
  frame(event: string, data: unknown): string;
  added(conn: Conn): void;
  removed(conn: Conn): void;
  /** Replays what a connection registered with a buffer missed since `position`, then lets the buffer go. */
  resume(conn: Conn, position: string): Promise<void>;
}

export function acceptConnection(host: ConnectionHost, socket: WebSocket, request: FastifyRequest): void {
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
  const resumeFrom = typeof query.resume === 'string' && query.resume !== '' ? query.resume : undefined;
  const connection = new Connection(host, socket, request.ip, initialPatterns, resumeFrom);
  // A key (header or ?token=) wins, as over HTTP; else the cookie from our own origin; else the first message.
  const credential: Credential | undefined = given !== undefined ? { kind: 'key', token: given } : sessionCredential(host, request);
  if (credential !== undefined) void connection.authWith(credential);
}

class Connection {
  private conn: Conn | undefined;
  private authing = false;
  private readonly queued: unknown[] = [];
  private readonly authTimer: NodeJS.Timeout;

  constructor(
    private readonly host: ConnectionHost,
    private readonly socket: WebSocket,
    private readonly address: string,
    private readonly initialPatterns: string[],
    /** `?resume=` or the auth message's `resume`: the feed position to replay from. */
    private resumeFrom: string | undefined,
  ) {
    this.authTimer = setTimeout(() => this.fail(CLOSE_CODES.unauthorized, 'authentication timed out'), host.deps.config.wsAuthTimeoutMs);
    socket.on('message', (raw) => this.onMessage(raw));
    socket.on('pong', () => {
      if (this.conn) this.conn.alive = true;
    });
    socket.on('close', () => this.onClose());
  }

  private fail(code: number, reason: string): void {
    if (this.socket.readyState === OPEN) this.socket.close(code, reason.slice(0, 120));
  }

  private send(event: string, data: unknown): void {
    this.socket.send(this.host.frame(event, data));
  }

  async authWith(credential: Credential | { kind: 'key'; token: undefined }): Promise<void> {
    this.authing = true;
    const token = credential.token;
    try {
      const auth =
        credential.kind === 'session'
          ? await authenticateSession(this.host.deps, credential.token, this.address)
          : await authenticate(this.host.deps, token, this.address);
      clearTimeout(this.authTimer);
      if (this.socket.readyState !== OPEN) return;
      const patterns = this.initialPatterns;
      this.conn = { socket: this.socket, auth, credential: { kind: credential.kind, token: token! }, patterns, filter: compilePatterns(patterns), alive: true };
      // Resuming: registered (and holding live frames) before the replay is read, so nothing falls between.
      if (this.resumeFrom !== undefined) Object.assign(this.conn, { resumed: true, buffer: { frames: [], bytes: 0 } });
      this.host.added(this.conn);
      this.send('system:ready', { org_id: auth.orgId, role: auth.role, events: patterns });
      if (this.resumeFrom !== undefined) void this.host.resume(this.conn, this.resumeFrom);
      for (const q of this.queued.splice(0)) this.onMessage(q);
    } catch (e) {
      clearTimeout(this.authTimer);
      await this.refuse(e, credential.kind === 'key' ? token : undefined);
    } finally {
      this.authing = false;
    }
  }

  /** Closes with the code a client can act on: rate limited, revoked (4403) or unknown (4401). `token`: the key's, to tell revoked from unknown. */
  private async refuse(e: unknown, token: string | undefined): Promise<void> {
    if (e instanceof AppError && e.code === 'rate_limited') return this.fail(CLOSE_CODES.rateLimited, e.message);
    if (e instanceof AppError && e.code === 'unauthorized') {
      const res = token ? await this.host.deps.keys.resolve(token).catch(() => undefined) : undefined;
      if (res && !res.ok && res.reason === 'revoked') return this.fail(CLOSE_CODES.forbidden, e.message);
      return this.fail(CLOSE_CODES.unauthorized, e.message);
    }
    // 1013 "try again later": the database is down, the client should reconnect with backoff.
    if (isUnavailable(e)) return this.fail(CLOSE_CODES.tryAgainLater, 'database unavailable; retry later');
    this.host.deps.logger.error({ err: e }, 'realtime: authentication failed unexpectedly');
    this.fail(1011, 'internal error');
  }

  private onMessage(raw: unknown): void {
    const msg = parseClientMessage(raw);
    const conn = this.conn;
    if (!conn) {
      if (this.authing) return void this.queued.push(raw);
      if (msg?.type !== 'auth') return this.fail(CLOSE_CODES.unauthorized, 'first message must be {"type":"auth","token":"…"}');
      if (typeof msg.resume === 'string' && msg.resume !== '') this.resumeFrom ??= msg.resume;
      return void this.authWith({ kind: 'key', token: typeof msg.token === 'string' ? msg.token : undefined });
    }
    if (!msg) return this.send('system:error', { code: 'bad_request', error: 'Messages are JSON objects with a "type"' });
    switch (msg.type) {
      case 'subscribe': {
        const p = parsePatterns(msg.events);
        if (typeof p === 'string') return this.send('system:error', { code: 'bad_request', error: p });
        conn.patterns = p;
        conn.filter = compilePatterns(p);
        return this.send('system:subscribed', { events: p });
      }
      case 'ping':
        return this.send('system:pong', {});
      case 'resume': {
        if (conn.resumed) return this.send('system:error', { code: 'bad_request', error: 'Already resumed: a connection resumes once' });
        if (typeof msg.position !== 'string' || msg.position === '') return this.send('system:error', { code: 'bad_request', error: '"position" must be the "pos" of a frame' });
        Object.assign(conn, { resumed: true, buffer: { frames: [], bytes: 0 } });
        return void this.host.resume(conn, msg.position);
      }
      case 'auth':
        return this.send('system:error', { code: 'bad_request', error: 'Already authenticated' });
      default:
        return this.send('system:error', { code: 'bad_request', error: `Unknown message type ${JSON.stringify(msg.type)} (auth, subscribe, ping, resume)` });
    }
  }

  private onClose(): void {
    clearTimeout(this.authTimer);
    if (!this.conn) return;
    this.host.removed(this.conn);
    this.conn = undefined;
  }
}
