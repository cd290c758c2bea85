/** The wire side of the WebSocket gateway: prepared frames, corked writes, client messages. */
import type { WebSocket } from 'ws';
import { isValidPattern, MAX_PATTERNS } from './event-names.js';

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

/** A prepared frame: its JSON (payload) and WebSocket bytes, built once for every client. */
export interface PreparedFrame {
  id: string;
  wsEvent: string;
  payload: Buffer;
  bytes: Buffer;
}

export function prepareFrame(id: string, wsEvent: string, frame: Record<string, unknown>): PreparedFrame {
  const payload = Buffer.from(JSON.stringify(frame));
  return { id, wsEvent, payload, bytes: textFrame(payload) };
}

/**
 * Writes prepared frames straight to the client's TCP socket, corked into one write. Safe because
 * the server has no per-message deflate, so ws's sender never holds frames back: everything it
 * sends (system frames, pings) is written at once, and order on the wire is kept. Falls back to
 * send() if ws ever stops exposing its socket.
 */
export function writeFrames(ws: WebSocket, frames: ReadonlyArray<{ payload: Buffer; bytes: Buffer }>): number {
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
export function parseClientMessage(raw: unknown): { type: string; [k: string]: unknown } | undefined {
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

export function parsePatterns(v: unknown): string[] | string {
  if (!Array.isArray(v) || v.length === 0) return '"events" must be a non-empty array of event names or patterns';
  if (v.length > MAX_PATTERNS) return `"events" takes at most ${MAX_PATTERNS} patterns`;
  const bad = v.filter((p) => !isValidPattern(p));
  if (bad.length > 0) return `Invalid event pattern(s): ${bad.map((b) => JSON.stringify(b)).join(', ')} (letters, digits, . _ - : and *)`;
  return v as string[];
}
