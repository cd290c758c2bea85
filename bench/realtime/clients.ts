/**
 * The client side of the bench, in its own process: N connections to one server; records the
 * latency of every delivery (sender's monotonic timestamp → arrival) without parsing whole frames.
 */
import { io as ioClient, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { nowUs, type ServerKind } from './shared.js';

const [kind, portArg, nArg, expectArg, key] = process.argv.slice(2) as [ServerKind, string, string, string, string | undefined];
const port = Number(portArg);
const n = Number(nArg);
const expectedPerClient = Number(expectArg);
const latencies = new Float64Array(n * expectedPerClient);
let received = 0;
let firstUs = 0;
let lastUs = 0;
let closed = 0;
const T_KEY = Buffer.from('"t":');

function record(t: number): void {
  const now = nowUs();
  if (firstUs === 0) firstUs = now;
  lastUs = now;
  if (received < latencies.length) latencies[received] = now - t;
  received++;
}

/** Reads the number after `"t":` (the sample's last field) straight from the frame's bytes. */
function onFrame(buf: Buffer): void {
  const at = buf.lastIndexOf(T_KEY);
  if (at < 0) return; // system frames, metrics
  let end = at + 4;
  while (end < buf.length && buf[end]! >= 0x30 && buf[end]! <= 0x39) end++;
  record(Number(buf.toString('latin1', at + 4, end)));
}

async function connectWs(url: string, headers?: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    ws.on('message', (data) => onFrame(data as Buffer));
    ws.on('close', () => closed++);
    ws.on('error', reject);
    if (kind === 'ws') ws.once('open', () => resolve(ws));
    // FlowLedger: connected once authenticated.
    else ws.once('message', () => resolve(ws));
  });
}

async function connectIo(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = ioClient(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    s.on('workflow:status:changed', (d: { t: number }) => record(d.t));
    s.on('disconnect', () => closed++);
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

const sockets: Array<{ close(): void }> = [];
const url = kind === 'socketio' ? `http://127.0.0.1:${port}` : kind === 'ws' ? `ws://127.0.0.1:${port}` : `ws://127.0.0.1:${port}/ws`;
for (let i = 0; i < n; i += 100) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(100, n - i) }, () =>
      kind === 'socketio' ? connectIo(url) : connectWs(url, kind === 'ws' ? undefined : { authorization: `Bearer ${key}` }),
    ),
  );
  sockets.push(...batch.map((s) => ({ close: () => ('disconnect' in s ? s.disconnect() : s.close()) })));
}
process.send!({ type: 'connected', clients: n });

process.on('message', (m: { type: string }) => {
  if (m.type !== 'collect') return;
  const count = Math.min(received, latencies.length);
  // Send a sorted sample (≤ 200k) rather than millions of numbers over IPC.
  const sorted = latencies.slice(0, count).sort();
  const step = Math.max(1, Math.floor(count / 200_000));
  const sample: number[] = [];
  for (let i = 0; i < count; i += step) sample.push(sorted[i]!);
  if (count > 0 && sample.at(-1) !== sorted[count - 1]) sample.push(sorted[count - 1]!);
  for (const s of sockets) s.close();
  process.send!({ type: 'result', received, latenciesUs: sample, firstUs, lastUs, closed }, () => process.exit(0));
});
process.on('message', (m: { type: string }) => {
  if (m.type === 'count') process.send!({ type: 'count', received });
});
