import { workEventFrameData } from '../../realtime/frame-data.js';
import type { OutboxDeps, OutboxHandler } from '../handler.js';

/**
 * Events that people watch live: published to the realtime hub (the WebSocket gateway maps the
 * names to its own, e.g. `task.status_changed` → `workflow:status:changed`). A retried handler may
 * publish twice; the message id (the work event id) lets clients drop the repeat.
 */
export const HUB_EVENTS = ['proposal.sent', 'pursuit.won', 'pursuit.lost', 'task.*', 'ingest.batch_completed'] as const;

export function hubPublishHandler(deps: Pick<OutboxDeps, 'hub'>): OutboxHandler {
  return async (e) => {
    deps.hub.publish(
      e.org_id,
      e.event_name,
      // The same data the commit tap builds for this event: whichever publishes first, the frame is one.
      workEventFrameData(e),
      { id: String(e.work_event_id), ts: e.happened_at },
    );
  };
}
