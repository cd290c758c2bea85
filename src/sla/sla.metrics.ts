import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { WORKSTREAM_METRICS } from './rules.repository.js';
import { FIRST_RESPONSE_METRIC, TASK_SLA_METRIC } from './breaches.repository.js';

export type SlaPassOutcome = 'ok' | 'skipped' | 'failed';

export interface SlaMetrics {
  passes: Counter<'outcome'>;
  passDuration: Histogram;
  lastSuccess: Gauge;
  breachesOpened: Counter<'metric'>;
  breachesResolved: Counter<'metric'>;
}

const byRegistry = new WeakMap<Registry, SlaMetrics>();

/**
 * The SLA monitor's metrics, registered once per registry. Alert rules are written against these
 * names (a stalled monitor: `time() - flowledger_sla_last_success_timestamp_seconds`), so every
 * label value is exported as 0 from the start: an alert on `increase(…{outcome="failed"}[…])` has
 * a series to look at before the first failure.
 */
export function slaMetrics(registry: Registry): SlaMetrics {
  let m = byRegistry.get(registry);
  if (m) return m;
  m = {
    passes: new Counter({ name: 'flowledger_sla_passes_total', help: 'SLA passes by outcome: ok, skipped (another pass was running), failed', labelNames: ['outcome'], registers: [registry] }),
    passDuration: new Histogram({
      name: 'flowledger_sla_pass_duration_seconds',
      help: 'Duration of SLA passes that ran (ok or failed)',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    lastSuccess: new Gauge({
      name: 'flowledger_sla_last_success_timestamp_seconds',
      help: 'Unix time of the last successful SLA pass in this process (0 before the first)',
      registers: [registry],
    }),
    breachesOpened: new Counter({ name: 'flowledger_sla_breaches_opened_total', help: 'SLA breaches opened, by SLA metric', labelNames: ['metric'], registers: [registry] }),
    breachesResolved: new Counter({ name: 'flowledger_sla_breaches_resolved_total', help: 'SLA breaches resolved, by SLA metric', labelNames: ['metric'], registers: [registry] }),
  };
  for (const outcome of ['ok', 'skipped', 'failed'] as const) m.passes.inc({ outcome }, 0);
  for (const metric of [TASK_SLA_METRIC, FIRST_RESPONSE_METRIC, ...WORKSTREAM_METRICS]) {
    m.breachesOpened.inc({ metric }, 0);
    m.breachesResolved.inc({ metric }, 0);
  }
  m.lastSuccess.set(0);
  byRegistry.set(registry, m);
  return m;
}
