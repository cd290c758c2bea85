/**
 * FlowLedger's typed realtime client, for Node and the browser (no Node imports):
 *
 *   const client = new FlowLedgerRealtime({ url: 'ws://localhost:3001/ws', token });
 *   client.on('workflow:task:created', (data) => console.log(data.taskId, data.task?.title));
 *   client.subscribe(['workflow:*']);   // optional: narrow what the server sends
 *
 * It authenticates with a first `auth` message (browsers cannot set headers, and a token in the URL
 * ends up in logs), reconnects with exponential backoff and jitter, and re-applies the
 * subscription after every reconnect. Auth failures (4401/4403) are final: no retry loop with a
 * bad key. On Node 20, pass `WebSocket` (from the `ws` package); Node 22 and browsers have a global.
 *
 * Resume: it remembers the feed position of the last event frame (`pos`) and reconnects with it
 * (`?resume=`), so the server replays what happened meanwhile (frames marked `replayed`) before
 * going live again; frames already seen (same `id`) are dropped, so each event is handled once.
 * When the server cannot replay (the position is too old, say) it says so, and the client emits
 * `'resync'`: reload what you show (`client.on('resync', () => refetchAll())`).
 */
import type { AnyEventName, EventData, RealtimeFrame } from './event-types.js';
import { CLOSE_CODES } from './event-types.js';
import { RecentIds } from './recent-ids.js';

export type { AnyEventName, EventData, RealtimeEventMap, RealtimeEventName, RealtimeFrame } from './event-types.js';

/** The part of the WebSocket API the client uses (browser WebSocket, Node 22's, or `ws`). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface RealtimeClientOptions {
  /** `ws://host:3001/ws` or `wss://…/ws`. */
  url: string;
  /**
   * The API key, or a function returning it (read again on every reconnect). Omitted in the
   * dashboard signed in as a person: the browser sends the session cookie with the upgrade (same
   * origin only), so no auth message is sent.
   */
  token?: string | (() => string | Promise<string>);
  /** Subscribe patterns (`workflow:sla:*`); default: everything of the key's org. */
  events?: string[];
  /** WebSocket implementation; default `globalThis.WebSocket`. */
  WebSocket?: WebSocketConstructor;
  reconnect?: false | { initialDelayMs?: number; maxDelayMs?: number; factor?: number };
  /** Called when an event handler throws (default: console.error). */
  onHandlerError?: (err: unknown) => void;
  /** Connect at once (default true); otherwise call connect(). */
  autoConnect?: boolean;
  /** A feed position (a frame's `pos`, or `client.position` saved earlier) to resume from on the first connect. */
  position?: string;
}

type Handler = (data: never, frame: RealtimeFrame) => void;

const OPEN = 1;
/** Frame ids remembered to drop repeats: more than a whole replay (REPLAY_MAX on the server, 10,000). */
const SEEN_WINDOW = 25_000;



export class FlowLedgerRealtime {
  private socket: WebSocketLike | undefined;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly stateListeners = new Set<(state: ConnectionState, info?: { code?: number; reason?: string }) => void>();
  private patterns: string[] | undefined;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closedByUser = false;
  private stateNow: ConnectionState = 'closed';
  private readonly WS: WebSocketConstructor;
  private readonly backoff: { initialDelayMs: number; maxDelayMs: number; factor: number } | false;
  private pos: string | undefined;
  private readonly seen = new RecentIds(SEEN_WINDOW);

  constructor(private readonly opts: RealtimeClientOptions) {
    const WS = opts.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!WS) throw new Error('No WebSocket implementation: pass the `WebSocket` option (e.g. from the "ws" package on Node 20)');
    this.WS = WS;
    this.patterns = opts.events;
    this.pos = opts.position;
    this.backoff = opts.reconnect === false ? false : { initialDelayMs: 250, maxDelayMs: 30_000, factor: 2, ...opts.reconnect };
    if (opts.autoConnect !== false) this.connect();
  }

  get state(): ConnectionState {
    return this.stateNow;
  }

  /** The feed position of the last event received: what the next connection resumes from. */
  get position(): string | undefined {
    return this.pos;
  }

  /** Listens for one event (typed per event name), or `'resync'`; returns the function that stops listening. */
  on(event: 'resync', handler: (data: { reason: string }, frame: RealtimeFrame<'system:resync'>) => void): () => void;
  on<E extends AnyEventName>(event: E, handler: (data: EventData<E>, frame: RealtimeFrame<E>) => void): () => void;
  on(event: string, handler: (data: never, frame: never) => void): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler as unknown as Handler);
    return () => set.delete(handler as unknown as Handler);
  }

  /** Every frame, whatever its name. */
  onAny(handler: (frame: RealtimeFrame) => void): () => void {
    return this.on('*' as AnyEventName, (_d, f) => handler(f as RealtimeFrame));
  }

  /** Connection state changes (reconnects included). */
  onState(listener: (state: ConnectionState, info?: { code?: number; reason?: string }) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Narrows what the server sends; kept and re-applied after every reconnect. */
  subscribe(patterns: string[]): void {
    this.patterns = patterns;
    if (this.stateNow === 'open') this.sendJson({ type: 'subscribe', events: patterns });
  }

  /** Resolves once connected and authenticated. */
  ready(): Promise<void> {
    if (this.stateNow === 'open') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const off = this.onState((s, info) => {
        if (s === 'open') {
          off();
          resolve();
        } else if (s === 'closed') {
          off();
          reject(new Error(`connection closed (${info?.code ?? '?'} ${info?.reason ?? ''})`.trim()));
        }
      });
    });
  }

  connect(): void {
    this.closedByUser = false;
    if (this.socket) return;
    void this.open();
  }

  /** Closes for good (no reconnect). */
  close(): void {
    this.closedByUser = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const s = this.socket;
    this.socket = undefined;
    if (s && s.readyState <= OPEN) s.close(1000, 'client closed');
    this.setState('closed');
  }

  private async open(): Promise<void> {
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let token: string | undefined;
    try {
      token = typeof this.opts.token === 'function' ? await this.opts.token() : this.opts.token;
    } catch {
      return this.scheduleReconnect();
    }
    if (this.closedByUser) return;
    const query: string[] = [];
    if (this.patterns?.length) query.push(`events=${encodeURIComponent(this.patterns.join(','))}`);
    // In the URL rather than the auth message: cookie sessions send no auth message.
    if (this.pos !== undefined) query.push(`resume=${encodeURIComponent(this.pos)}`);
    const url = query.length ? `${this.opts.url}${this.opts.url.includes('?') ? '&' : '?'}${query.join('&')}` : this.opts.url;
    const socket = new this.WS(url);
    this.socket = socket;
    socket.onopen = () => {
      if (token !== undefined) socket.send(JSON.stringify({ type: 'auth', token }));
    };
    socket.onmessage = (ev) => this.onFrame(ev.data);
    socket.onerror = () => {
      // A close event follows; reconnecting is decided there.
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      if (this.closedByUser) return;
      // A bad or revoked key will not get better by retrying.
      if (ev.code === CLOSE_CODES.unauthorized || ev.code === CLOSE_CODES.forbidden || this.backoff === false) {
        return this.setState('closed', { code: ev.code, reason: ev.reason });
      }
      // The server restarting asks for a prompt reconnect; anything else backs off.
      if (ev.code === CLOSE_CODES.restart) this.attempt = 0;
      this.scheduleReconnect({ code: ev.code, reason: ev.reason });
    };
  }

  private scheduleReconnect(info?: { code?: number; reason?: string }): void {
    if (this.closedByUser || this.backoff === false) return;
    const b = this.backoff;
    const base = Math.min(b.maxDelayMs, b.initialDelayMs * b.factor ** this.attempt);
    const delay = base / 2 + Math.random() * (base / 2);
    this.attempt++;
    this.setState('reconnecting', info);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.open();
    }, delay);
  }

  private onFrame(raw: unknown): void {
    let frame: RealtimeFrame;
    try {
      frame = JSON.parse(typeof raw === 'string' ? raw : String(raw)) as RealtimeFrame;
    } catch {
      return;
    }
    if (frame.event === 'system:ready') {
      this.attempt = 0;
      // The URL carried the patterns at connect; a subscribe() since then is re-applied here.
      const serverPatterns = (frame.data as { events?: string[] }).events ?? ['*'];
      if (this.patterns && this.patterns.join(',') !== serverPatterns.join(',')) this.sendJson({ type: 'subscribe', events: this.patterns });
      this.setState('open');
    }
    if (frame.pos !== undefined) {
      // A repeat (replayed after it came live, or replayed twice) is dropped, but still moves the position on.
      const fresh = this.seen.remember(frame.id);
      this.pos = frame.pos;
      if (!fresh) return;
    }
    if (frame.event === 'system:resumed' || frame.event === 'system:resync') {
      const data = frame.data as { position?: string };
      if (typeof data.position === 'string') this.pos = data.position;
    }
    this.emit(frame.event, frame);
    this.emit('*', frame);
    if (frame.event === 'system:resync') this.emit('resync', frame);
  }

  private emit(name: string, frame: RealtimeFrame): void {
    const set = this.handlers.get(name);
    if (!set) return;
    for (const h of [...set]) {
      try {
        h(frame.data as never, frame);
      } catch (err) {
        // A throwing handler must not break the connection or the other handlers.
        (this.opts.onHandlerError ?? ((e: unknown) => console.error('FlowLedgerRealtime handler failed', e)))(err);
      }
    }
  }

  private sendJson(msg: unknown): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(msg));
  }

  private setState(s: ConnectionState, info?: { code?: number; reason?: string }): void {
    if (this.stateNow === s) return;
    this.stateNow = s;
    for (const l of [...this.stateListeners]) l(s, info);
  }
}
