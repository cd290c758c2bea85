/**
 * Executive dashboard: status tiles and headline figures (live from `workflow:metrics:updated`),
 * the created/completed chart, category performance and owner workload (reloaded, throttled, when
 * tasks change).
 */
import { keepPreviousData, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { ExecutiveMetrics, RouterOutputs } from '../api/client.js';
import { useRealtimeEvent, useSession } from '../api/session-context.js';
import { AnalyticsChart } from '../components/analytics-chart.js';
import { QueryError } from '../components/error-note.js';
import { count, money, percent } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { useThrottled } from '../lib/timing.js';

type Granularity = RouterOutputs['workflow']['analytics']['granularity'];

const RANGES: Record<Granularity, { label: string; buckets: number }> = {
  day: { label: 'Last 30 days', buckets: 30 },
  week: { label: 'Last 12 weeks', buckets: 12 },
  month: { label: 'Last 12 months', buckets: 12 },
};

function rangeOf(g: Granularity, now = new Date()): { from: string; to: string } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(to);
  if (g === 'day') from.setUTCDate(from.getUTCDate() - RANGES.day.buckets);
  else if (g === 'week') from.setUTCDate(from.getUTCDate() - 7 * RANGES.week.buckets);
  else from.setUTCMonth(from.getUTCMonth() - RANGES.month.buckets);
  return { from: from.toISOString(), to: to.toISOString() };
}

const METRICS_KEY = ['workflow', 'metrics'] as const;
/** The tables and the chart: reloaded together when tasks change. */
const TABLES_KEY = ['workflow', 'dashboard'] as const;

const TILES = [
  { key: 'red_tasks', label: 'Red', tone: 'red', status: 'RED' },
  { key: 'yellow_tasks', label: 'Yellow', tone: 'yellow', status: 'YELLOW' },
  { key: 'green_tasks', label: 'Green', tone: 'green', status: 'GREEN' },
  { key: 'completed_tasks', label: 'Completed', tone: 'done', status: 'COMPLETED' },
] as const;

export function DashboardScreen() {
  const { api } = useSession();
  const client = useQueryClient();
  const [granularity, setGranularity] = useState<Granularity>('day');
  const metrics = useQuery({ queryKey: METRICS_KEY, queryFn: () => api.trpc.workflow.metrics.query() });
  const categories = useQuery({ queryKey: [...TABLES_KEY, 'categories'], queryFn: () => api.trpc.workflow.categories.query() });
  const owners = useQuery({ queryKey: [...TABLES_KEY, 'owners'], queryFn: () => api.trpc.workflow.owners.query() });
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const analytics = useQuery({
    queryKey: [...TABLES_KEY, 'analytics', granularity, tz],
    queryFn: () => api.trpc.workflow.analytics.query({ granularity, ...rangeOf(granularity), tz }),
    // The chart of the last granularity stays while the next one loads.
    placeholderData: keepPreviousData,
  });

  // The executive figures arrive with the event (coalesced to ≤ 1/s per org by the server).
  useRealtimeEvent('workflow:metrics:updated', (d) => client.setQueryData(METRICS_KEY, d.executive));
  const reloadTables = useThrottled(() => void client.invalidateQueries({ queryKey: TABLES_KEY }), 2000);
  useRealtimeEvent('workflow:task:created', reloadTables);
  useRealtimeEvent('workflow:task:updated', reloadTables);
  useRealtimeEvent('workflow:status:changed', reloadTables);
  useRealtimeEvent('workflow:task:deleted', reloadTables);

  const m = metrics.data;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Executive dashboard</h1>
      </div>
      <QueryError error={metrics.error} />
      <StatusTiles m={m} />
      <HeadlineFigures m={m} />
      <AnalyticsPanel granularity={granularity} onGranularity={setGranularity} analytics={analytics} />
      <div className="two-columns">
        <CategoryPanel categories={categories} />
        <OwnersPanel owners={owners} />
      </div>
    </div>
  );
}

function StatusTiles({ m }: { m: ExecutiveMetrics | undefined }) {
  return (
    <section aria-label="Tasks by status" className="tiles">
      {TILES.map((t) => (
        <Link key={t.key} to={`/tasks?status=${t.status}`} className={`tile tile-${t.tone}`} data-metric={t.key}>
          <span className="tile-label">{t.label}</span>
          <span className="tile-value">{m ? count(m[t.key]) : '–'}</span>
        </Link>
      ))}
    </section>
  );
}

function HeadlineFigures({ m }: { m: ExecutiveMetrics | undefined }) {
  return (
    <section aria-label="Headline figures" className="figures">
      <Figure label="Revenue at risk" metric="revenue_at_risk" value={m ? money(m.revenue_at_risk) : '–'} />
      <Figure label="SLA met" metric="sla_met_percentage" value={m ? percent(m.sla_met_percentage) : '–'} />
      <Figure label="SLA violations" metric="sla_violations" value={m ? count(m.sla_violations) : '–'} />
      <Figure label="New in the last 24 h" metric="tasks_last_24h" value={m ? count(m.tasks_last_24h) : '–'} />
      <Figure label="All tasks" metric="total_tasks" value={m ? count(m.total_tasks) : '–'} />
    </section>
  );
}

function AnalyticsPanel(props: { granularity: Granularity; onGranularity: (g: Granularity) => void; analytics: UseQueryResult<RouterOutputs['workflow']['analytics']> }) {
  const { granularity, onGranularity, analytics } = props;
  return (
    <section className="panel" aria-labelledby="analytics-title">
      <div className="panel-head">
        <h2 id="analytics-title">Created and completed</h2>
        <div className="segmented" role="radiogroup" aria-label="Granularity">
          {(Object.keys(RANGES) as Granularity[]).map((g) => (
            <button
              key={g}
              type="button"
              role="radio"
              aria-checked={granularity === g}
              className={granularity === g ? 'selected' : undefined}
              onClick={() => onGranularity(g)}
            >
              {g === 'day' ? 'Day' : g === 'week' ? 'Week' : 'Month'}
            </button>
          ))}
        </div>
      </div>
      <p className="muted">{RANGES[granularity].label}</p>
      {analytics.error ? <QueryError error={analytics.error} /> : <AnalyticsChart result={analytics.data} />}
    </section>
  );
}

function CategoryPanel({ categories }: { categories: UseQueryResult<RouterOutputs['workflow']['categories']> }) {
  return (
    <section className="panel" aria-labelledby="categories-title">
      <h2 id="categories-title">Category performance</h2>
      <QueryError error={categories.error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" className="num">Open</th>
              <th scope="col" className="num">Done</th>
              <th scope="col" className="num">Completion</th>
              <th scope="col" className="num">SLA met</th>
              <th scope="col" className="num">Avg h</th>
              <th scope="col" className="num">Efficiency</th>
            </tr>
          </thead>
          <tbody>
            {(categories.data ?? []).map((c) => (
              <tr key={c.workflow_category}>
                <th scope="row">
                  <Link to={`/tasks?category=${encodeURIComponent(c.workflow_category)}`}>{c.workflow_category}</Link>
                </th>
                <td className="num">{count(c.open_tasks)}</td>
                <td className="num">{count(c.completed_tasks)}</td>
                <td className="num">{percent(c.completion_rate)}</td>
                <td className="num">{percent(c.sla_met_percentage)}</td>
                <td className="num">{c.avg_resolution_hrs === null ? '—' : c.avg_resolution_hrs.toFixed(1)}</td>
                <td className="num">{c.efficiency_score.toFixed(1)}</td>
              </tr>
            ))}
            {categories.data?.length === 0 && <EmptyRow cols={7} />}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OwnersPanel({ owners }: { owners: UseQueryResult<RouterOutputs['workflow']['owners']> }) {
  return (
    <section className="panel" aria-labelledby="owners-title">
      <h2 id="owners-title">Owner workload</h2>
      <QueryError error={owners.error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Owner</th>
              <th scope="col" className="num">Open</th>
              <th scope="col" className="num">Red</th>
              <th scope="col" className="num">Yellow</th>
              <th scope="col" className="num">Open value</th>
              <th scope="col" className="num">Pressure</th>
            </tr>
          </thead>
          <tbody>
            {(owners.data ?? []).map((o) => (
              <tr key={o.owner_user_id !== null ? `user:${o.owner_user_id}` : (o.current_owner ?? '(unassigned)')}>
                <th scope="row">
                  {o.owner_user_id !== null ? (
                    <Link to={`/tasks?owner_user_id=${o.owner_user_id}`}>{o.current_owner}</Link>
                  ) : o.current_owner ? (
                    <Link to={`/tasks?owner=${encodeURIComponent(o.current_owner)}`}>{o.current_owner}</Link>
                  ) : (
                    <span className="muted">Unassigned</span>
                  )}
                </th>
                <td className="num">{count(o.open_tasks)}</td>
                <td className="num">{count(o.red_tasks)}</td>
                <td className="num">{count(o.yellow_tasks)}</td>
                <td className="num">{money(o.open_dollar_value)}</td>
                <td className="num">{count(o.pressure_score)}</td>
              </tr>
            ))}
            {owners.data?.length === 0 && <EmptyRow cols={6} />}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Figure({ label, value, metric }: { label: string; value: string; metric: string }) {
  return (
    <div className="figure" data-metric={metric}>
      <span className="figure-label">{label}</span>
      <span className="figure-value">{value}</span>
    </div>
  );
}

function EmptyRow({ cols }: { cols: number }) {
  return (
    <tr>
      <td colSpan={cols} className="muted">
        Nothing yet.
      </td>
    </tr>
  );
}
