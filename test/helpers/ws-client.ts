/** A WebSocket test client over real sockets: records frames, awaits frames and the close. */
import WebSocket from 'ws';
import { scaled } from './time-scale.js';

export interface Frame {
  event: string;
  data: Record<string, unknown>;
  ts: string;
  id: string;
}

export interface TestSocket {
  ws: WebSocket;
  frames: Frame[];
  /** Arrival time (Date.now()) of each frame, same index as frames. */
  arrivals: number[];
  /** Event frames only (no system:*). */
  events(): Frame[];
  send(msg: unknown): void;
  /** Resolves with the first frame (already received or later) matching, or rejects after timeoutMs (scaled). */
  next(match: (f: Frame) => boolean, timeoutMs?: number): Promise<Frame>;
  /** Resolves once `n` frames match. */
  collect(match: (f: Frame) => boolean, n: number, timeoutMs?: number): Promise<Frame[]>;
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

export function openSocket(url: string, opts: { headers?: Record<string, string>; autoPong?: boolean } = {}): TestSocket {
  const ws = new WebSocket(url, { headers: opts.headers, autoPong: opts.autoPong ?? true });
  const frames: Frame[] = [];
  const arrivals: number[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (raw) => {
    frames.push(JSON.parse(String(raw)) as Frame);
    arrivals.push(Date.now());
    for (const w of [...waiters]) w();
  });
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const w of [...waiters]) w();
    }),
  );
  const collect = (match: (f: Frame) => boolean, n: number, timeoutMs = 5_000) =>
    new Promise<Frame[]>((resolve, reject) => {
      const check = () => {
        const got = frames.filter(match);
        if (got.length >= n) {
          done();
          resolve(got);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${n} frame(s); got: ${JSON.stringify(frames.map((f) => f.event))}`));
      }, scaled(timeoutMs));
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return {
    ws,
    frames,
    arrivals,
    events: () => frames.filter((f) => !f.event.startsWith('system:')),
    send: (msg) => ws.send(JSON.stringify(msg)),
    next: async (match, timeoutMs) => (await collect(match, 1, timeoutMs))[0]!,
    collect,
    closed,
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close();
      await closed;
    },
  };
}

/** Opens a socket authenticated with a bearer header and waits for `system:ready`. */
export async function openReady(url: string, key: string): Promise<TestSocket> {
  const s = openSocket(url, { headers: { authorization: `Bearer ${key}` } });
  await s.next((f) => f.event === 'system:ready');
  return s;
}
