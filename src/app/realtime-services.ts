/**
 * The long-running parts of realtime for one API process: the commit tap (committed work events →
 * hub, across processes) and the metrics coalescer, fed by the workflow domain's executive
 * metrics. API processes run them even with --no-workers, since their WebSocket clients need them.
 */
import { CommitTap, type CommitTapOptions } from '../realtime/commit-tap.js';
import { MetricsCoalescer, type LoadExecutiveMetrics } from '../realtime/metrics-coalescer.js';
import type { Service } from '../shared/lifecycle.js';
import { executiveMetrics } from '../workflow/metrics.service.js';
import type { AppDeps } from './deps.js';

/** The executive metrics of one org, as the coalescer pushes them and a resumed client gets them. */
export const executiveMetricsLoader =
  (deps: Parameters<typeof executiveMetrics>[0]): LoadExecutiveMetrics =>
  (orgId) =>
    executiveMetrics(deps, { orgId });

export function realtimeServices(
  deps: Pick<AppDeps, 'config' | 'database' | 'clock' | 'logger' | 'commitFeed' | 'hub'>,
  opts: { loadExecutiveMetrics?: LoadExecutiveMetrics; tap?: CommitTapOptions; metricsIntervalMs?: number } = {},
): { tap: CommitTap; coalescer: MetricsCoalescer; services: Service[] } {
  const tap = new CommitTap(deps, { pollIntervalMs: deps.config.realtimePollMs, ...opts.tap });
  const coalescer = new MetricsCoalescer(
    deps.hub,
    opts.loadExecutiveMetrics ?? executiveMetricsLoader(deps),
    deps.logger,
    opts.metricsIntervalMs,
  );
  // Coalescer first, so it sees the first events the tap publishes.
  return { tap, coalescer, services: [coalescer, tap] };
}
