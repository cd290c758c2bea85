/**
 * `workflow:metrics:updated`, coalesced: however many task events an org has, its executive
 * metrics are recomputed and pushed at most once per interval (1 s). The first change after a
 * quiet spell goes out at once (after the current tick's batch); later ones wait for the interval
 * to end, and all changes in between share that one push.
 */
import type { Service } from '../shared/lifecycle.js';
import type { Logger } from '../shared/logger.js';
import { movesExecutiveMetrics } from './event-names.js';
import type { ExecutiveMetrics } from './event-types.js';
import type { RealtimeHub } from './hub.js';

export type LoadExecutiveMetrics = (orgId: number) => Promise<ExecutiveMetrics>;

interface OrgState {
  lastSentAt: number;
  timer: NodeJS.Timeout | undefined;
  sending: boolean;
  dirty: boolean;
}

export class MetricsCoalescer implements Service {
  readonly name = 'realtime-metrics-coalescer';
  private readonly orgs = new Map<number, OrgState>();
  private readonly inFlight = new Set<Promise<void>>();
  private unsubscribe: (() => void) | undefined;
  private seq = 0;

  constructor(
    private readonly hub: RealtimeHub,
    private readonly loadExecutiveMetrics: LoadExecutiveMetrics,
    private readonly logger: Logger,
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.hub.subscribe((m) => {
      if (movesExecutiveMetrics(m.event)) this.touch(m.orgId);
    });
  }

  /** Notes that an org's metrics may have changed. */
  touch(orgId: number): void {
    let s = this.orgs.get(orgId);
    if (!s) {
      s = { lastSentAt: -Infinity, timer: undefined, sending: false, dirty: false };
      this.orgs.set(orgId, s);
    }
    s.dirty = true;
    if (!s.timer && !s.sending) this.schedule(orgId, s);
  }

  private schedule(orgId: number, s: OrgState): void {
    if (!this.unsubscribe) return;
    const delay = Math.max(0, s.lastSentAt + this.intervalMs - Date.now());
    s.timer = setTimeout(() => {
      s.timer = undefined;
      s.dirty = false;
      s.sending = true;
      s.lastSentAt = Date.now();
      // A change that lands while loading marks the org dirty again: one more push follows.
      const p = this.send(orgId, s.lastSentAt).finally(() => {
        s.sending = false;
        this.inFlight.delete(p);
        if (s.dirty) this.schedule(orgId, s);
      });
      this.inFlight.add(p);
    }, delay);
  }

  /** `startedAt`: when this push began (the pacing clock); it is in the frame id, unique with the sequence. */
  private async send(orgId: number, startedAt: number): Promise<void> {
    try {
      const executive = await this.loadExecutiveMetrics(orgId);
      this.hub.publish(orgId, 'metrics.updated', { executive }, { id: `metrics-${orgId}-${startedAt}-${this.seq++}` });
    } catch (err) {
      this.logger.warn({ err, orgId }, 'realtime: loading executive metrics failed');
    }
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const s of this.orgs.values()) if (s.timer) clearTimeout(s.timer);
    await Promise.all([...this.inFlight]);
    this.orgs.clear();
  }
}
