/**
 * The realtime hub as the rest of the code sees it: publish an org's event, subscribe to all of
 * them. RealtimeHub (hub.ts) implements it: the outbox's notification handlers and the commit tap
 * publish; the WebSocket gateway subscribes. A repeated id is delivered once.
 */
export interface HubMessage {
  orgId: number;
  /** The work event name, dot style (`proposal.sent`, `task.status_changed`). */
  event: string;
  data: Record<string, unknown>;
  /** Stable id of the source (the work event id): clients drop a repeat after a retried handler. */
  id?: string;
  /** When it happened, ISO-8601. */
  ts: string;
}

export type HubSubscriber = (message: HubMessage) => void;

export interface EventHub {
  publish(orgId: number, eventName: string, data: Record<string, unknown>, meta?: { id?: string; ts?: string }): void;
  /** Returns the unsubscribe function. */
  subscribe(fn: HubSubscriber): () => void;
}
