/**
 * What a frame's `data` carries for a work event, built in one place. Two paths publish the same
 * committed event to the hub — the commit tap (from the rows it reads) and the outbox's hub handler
 * (from the rows it claims) — and whichever arrives first is the one clients get (the hub drops the
 * repeat by id), so both must build the very same object or the frame would depend on a race.
 */
import type { FeedEvent } from '../db/event-feed.js';
import { isMailJob, isPersonalEvent, parseWorkEventPayload } from '../outbox/work-events.repository.js';
import { isTaskEvent } from './event-names.js';

export interface FrameSource {
  work_event_id: number;
  event_name: string;
  item_type: string;
  item_id: string;
  /** The parsed payload_json (parseWorkEventPayload). */
  payload: Record<string, unknown>;
  actor: string | null;
}

/** The payload plus where it came from: item_type, item_id, actor, work_event_id (and taskId for task events). */
export function workEventFrameData(e: FrameSource): Record<string, unknown> {
  const data: Record<string, unknown> = {
    ...e.payload,
    item_type: e.item_type,
    item_id: e.item_id,
    actor: e.actor,
    work_event_id: e.work_event_id,
  };
  if (isTaskEvent(e.event_name) && typeof data.taskId !== 'string') data.taskId = e.item_id;
  return data;
}

/**
 * What a committed work event becomes in the hub, live (the commit tap) or replayed (a resuming
 * client): its data, and the one person it is addressed to; undefined when it is no frame at all.
 */
export function feedMessage(r: FeedEvent): { data: Record<string, unknown>; userId?: number } | undefined {
  // `mail.*` carries a sealed one-time link to one person's mailbox: not a frame for the org.
  if (isMailJob(r.event_name)) return undefined;
  const payload = parseWorkEventPayload(r.payload_json);
  if (!isPersonalEvent(r.event_name)) return { data: workEventFrameData({ ...r, payload }) };
  // Addressed to one person: their own data, without the row's bookkeeping; no user, no frame.
  const userId = Number(payload.user_id);
  return Number.isSafeInteger(userId) && userId > 0 ? { data: payload, userId } : undefined;
}
