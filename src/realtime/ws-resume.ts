/**
 * Resume (#21): a client that reconnects with the last feed position it saw (`pos`) gets what it
 * missed, then continues live, without a gap:
 *
 * 1. the connection is registered for live frames first, and they are held in its buffer;
 * 2. the org's events since the position are read from the event feed up to a snapshot taken after
 *    that, in feed order, and sent marked `replayed: true`, each task event with the task as it is
 *    now (personal events only to their person's session sockets; never `mail.*`);
 * 3. `system:resumed` `{replayed, position}`, then the current `workflow:metrics:updated`;
 * 4. the held live frames, less those already replayed (same id); then live.
 * An event committed before the snapshot is in the replay; one committed after it reaches the tap
 * after the registration, so it is in the buffer. A position that is unreadable, foreign, older than
 * what retention kept, or with more than REPLAY_MAX events to replay gets one `system:resync`
 * `{reason, position}` instead (the client reloads), then the live frames.
 */
import type { EventFeed, FeedEvent } from '../db/event-feed.js';
import { toWsEventName } from './event-names.js';
import type { GatewayDeps } from './gateway-deps.js';
import { feedMessage } from './frame-data.js';
import { attachTasks } from './task-view.js';
import { OPEN, type Conn } from './ws-connection.js';
import { prepareFrame, writeFrames, type PreparedFrame } from './ws-frames.js';

/** Beyond this many events to replay, the client reloads instead (the typed client's de-duplication window is larger). */
export const REPLAY_MAX = 10_000;

/** A personal message goes only to its person's session sockets; API-key sockets have no person. */
export function forConn(msg: { userId?: number }, c: Conn): boolean {
  return msg.userId === undefined || (c.auth.via === 'session' && c.auth.userId === msg.userId);
}

interface ResumeHost {
  deps: GatewayDeps;
  feed: EventFeed;
  frame(event: string, data: unknown): string;
}

/** Runs steps 2-4 for a connection registered with a buffer (step 1). Never throws. */
export async function resume(host: ResumeHost, conn: Conn, position: string): Promise<void> {
  const { deps } = host;
  const send = (event: string, data: unknown) => {
    if (conn.socket.readyState === OPEN) conn.socket.send(host.frame(event, data));
  };
  let replayedIds = new Set<string>();
  try {
    const replay = await host.feed.replay(position, conn.auth.orgId, REPLAY_MAX);
    if (!replay.ok) {
      const now = await host.feed.current().catch(() => undefined);
      send('system:resync', { reason: replay.reason, ...(now ? { position: now } : {}) });
    } else {
      const frames = await replayFrames(deps, conn, replay.events, replay.positions);
      replayedIds = new Set(frames.map((f) => f.id));
      if (conn.socket.readyState === OPEN) writeFrames(conn.socket, frames);
      send('system:resumed', { replayed: frames.length, position: replay.position });
      if (!conn.filter || conn.filter('workflow:metrics:updated')) {
        const executive = await deps.loadExecutiveMetrics(conn.auth.orgId).catch((err: unknown) => {
          deps.logger.warn({ err, orgId: conn.auth.orgId }, 'realtime: loading executive metrics for a resume failed');
          return undefined;
        });
        if (executive) send('workflow:metrics:updated', { executive });
      }
    }
  } catch (err) {
    deps.logger.warn({ err, orgId: conn.auth.orgId }, 'realtime: resume failed; telling the client to reload');
    send('system:resync', { reason: 'unavailable' });
  }
  // Synchronously from here: the held frames go out in order and the connection is live again.
  const held = conn.buffer?.frames ?? [];
  conn.buffer = undefined;
  if (conn.socket.readyState === OPEN) writeFrames(conn.socket, held.filter((f) => !replayedIds.has(f.id)));
}

async function replayFrames(deps: GatewayDeps, conn: Conn, events: FeedEvent[], positions: string[]): Promise<PreparedFrame[]> {
  const msgs: Array<{ orgId: number; event: string; data: Record<string, unknown>; e: FeedEvent; pos: string }> = [];
  events.forEach((e, i) => {
    const m = feedMessage(e);
    if (!m || !forConn(m, conn)) return;
    if (conn.filter && !conn.filter(toWsEventName(e.event_name))) return;
    msgs.push({ orgId: e.org_id, event: e.event_name, data: m.data, e, pos: positions[i]! });
  });
  await attachTasks(deps.database.db, msgs);
  return msgs.map((m) =>
    prepareFrame(String(m.e.work_event_id), toWsEventName(m.event), {
      event: toWsEventName(m.event),
      data: m.data,
      ts: m.e.happened_at,
      id: String(m.e.work_event_id),
      pos: m.pos,
      replayed: true,
    }),
  );
}
