/**
 * What a frame's `data` carries for a work event, built in one place. Two paths publish the same
 * committed event to the hub — the commit tap (from the rows it reads) and the outbox's hub handler
 * (from the rows it claims) — and whichever arrives first is the one clients get (the hub drops the
 * repeat by id), so both must build the very same object or the frame would depend on a race.
 */
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
