/**
 * The long-running parts of realtime for one API process: the commit tap (committed work events →
 * hub, across processes) and the metrics coalescer. API processes run them even with --no-workers,
 * since their WebSocket clients need the events.
 */
import type { AppDeps } from '../http/deps.js';
import type { Service } from '../shared/lifecycle.js';
import { CommitTap, type CommitTapOptions } from './commit-tap.js';
import { executiveMetrics } from '../workflow/metrics.service.js';
import { MetricsCoalescer, type LoadExecutiveMetrics } from './metrics-coalescer.js';

export function realtimeServices(
  deps: AppDeps,
  opts: { loadExecutiveMetrics?: LoadExecutiveMetrics; tap?: CommitTapOptions; metricsIntervalMs?: number } = {},
): { tap: CommitTap; coalescer: MetricsCoalescer; services: Service[] } {
  const tap = new CommitTap(deps, { pollIntervalMs: deps.config.realtimePollMs, ...opts.tap });
  const coalescer = new MetricsCoalescer(
    deps.hub,
    opts.loadExecutiveMetrics ?? ((orgId) => executiveMetrics(deps, { orgId })),
    deps.logger,
    opts.metricsIntervalMs,
  );
  // Coalescer first, so it sees the first events the tap publishes.
  return { tap, coalescer, services: [coalescer, tap] };
}
