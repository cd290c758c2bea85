/**
 * `workflow:metrics:updated`, coalesced: however many task events an org has, its executive
 * metrics are recomputed and pushed at most once per interval (1 s). The first change after a
 * quiet spell goes out at once (after the current tick's batch); later ones wait for the interval
 * to end, and all changes in between share that one push.
 *
 * Only orgs watched in this process (RealtimeHub.watchOrg: a client of theirs is connected here) are
 * recomputed. When an org's last client leaves, its pending push is cancelled and its state dropped
 * (once a load in flight has finished, so a later push can never overtake an earlier one); changes
 * while nobody watches are not tracked, and a client that connects loads the metrics itself.
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
  private unwatch: (() => void) | undefined;
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
    this.unwatch = this.hub.onWatchChange((orgId, watched) => {
      if (!watched) this.forget(orgId);
    });
  }

  /** Notes that an org's metrics may have changed; ignored for an org nobody here watches. */
  touch(orgId: number): void {
    if (!this.hub.isWatched(orgId)) return;
    let s = this.orgs.get(orgId);
    if (!s) {
      s = { lastSentAt: -Infinity, timer: undefined, sending: false, dirty: false };
      this.orgs.set(orgId, s);
    }
    s.dirty = true;
    if (!s.timer && !s.sending) this.schedule(orgId, s);
  }

  /** The org's last watcher left: nothing pending stays behind for when it is watched again. */
  private forget(orgId: number): void {
    const s = this.orgs.get(orgId);
    if (!s) return;
    if (s.timer) clearTimeout(s.timer);
    s.timer = undefined;
    s.dirty = false;
    if (!s.sending) this.orgs.delete(orgId);
  }

  private schedule(orgId: number, s: OrgState): void {
    if (!this.unsubscribe) return;
    const delay = Math.max(0, s.lastSentAt + this.intervalMs - Date.now());
    s.timer = setTimeout(() => {
      s.timer = undefined;
      if (!this.hub.isWatched(orgId)) return void this.orgs.delete(orgId);
      s.dirty = false;
      s.sending = true;
      s.lastSentAt = Date.now();
      // A change that lands while loading marks the org dirty again: one more push follows.
      const p = this.send(orgId, s.lastSentAt).finally(() => {
        s.sending = false;
        this.inFlight.delete(p);
        if (!this.hub.isWatched(orgId)) this.orgs.delete(orgId);
        else if (s.dirty) this.schedule(orgId, s);
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
    this.unwatch?.();
    this.unwatch = undefined;
    for (const s of this.orgs.values()) if (s.timer) clearTimeout(s.timer);
    await Promise.all([...this.inFlight]);
    this.orgs.clear();
  }
}
