/**
 * The realtime hub as the rest of the code sees it: publish an org's event, subscribe to all of
 * them. This in-process implementation is what the outbox's notification handlers publish to; the
 * WebSocket gateway (and a cross-node relay) subscribe to it and do their own fan-out and naming.
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

export class InProcessEventHub implements EventHub {
  private readonly subscribers = new Set<HubSubscriber>();

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly onSubscriberError: (err: unknown) => void = () => {},
  ) {}

  publish(orgId: number, eventName: string, data: Record<string, unknown>, meta: { id?: string; ts?: string } = {}): void {
    const message: HubMessage = { orgId, event: eventName, data, ts: meta.ts ?? this.now().toISOString(), ...(meta.id ? { id: meta.id } : {}) };
    for (const fn of [...this.subscribers]) {
      // One broken subscriber must neither stop the others nor fail the publisher.
      try {
        fn(message);
      } catch (err) {
        this.onSubscriberError(err);
      }
    }
  }

  subscribe(fn: HubSubscriber): () => void {
    this.subscribers.add(fn);
    return () => {
      this.subscribers.delete(fn);
    };
  }
}
