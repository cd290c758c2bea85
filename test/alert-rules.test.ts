/**
 * The monitoring files stay true to the code: deploy/prometheus/alerts.yml passes `promtool check
 * rules` and its unit tests (alerts.test.yml), the Grafana dashboard's queries are valid PromQL, and
 * every metric either of them names is one a live `flowledger serve` (with the outbox worker and the
 * SLA monitor) really exports on /metrics.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../src/app/serve-role.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';

const ROOT = join(import.meta.dirname, '..');
const RULES = join(ROOT, 'deploy/prometheus/alerts.yml');
const RULE_TESTS = join(ROOT, 'deploy/prometheus/alerts.test.yml');
const DASHBOARD = join(ROOT, 'deploy/grafana/flowledger.json');
/** Series Prometheus itself makes up (not exported by FlowLedger). */
const PROMETHEUS_SERIES = new Set(['up']);
const PROMQL_WORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'inf', 'nan']);

function run(cmd: string, args: string[]): { code: number | null; output: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { code: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** The metric names a PromQL expression selects (functions, keywords, labels and strings left out). */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const m of bare.matchAll(/(?<![\w.$])[a-zA-Z_:][\w:]*/g)) {
    const rest = bare.slice(m.index + m[0].length);
    if (/^\s*\(/.test(rest) || PROMQL_WORDS.has(m[0].toLowerCase())) continue;
    names.add(m[0]);
  }
  return [...names];
}

/** Every `expr:` of the rules file (one line, or a `|` block). */
function ruleExprs(): string[] {
  const lines = readFileSync(RULES, 'utf8').split('\n');
  const exprs: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)expr:\s*(.*)$/.exec(lines[i]!);
    if (!m) continue;
    if (m[2] !== '|') {
      exprs.push(m[2]!);
      continue;
    }
    const block: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || lines[i + 1]!.search(/\S/) > m[1]!.length)) block.push(lines[++i]!);
    exprs.push(block.join('\n'));
  }
  return exprs;
}

interface Panel {
  title?: string;
  targets?: { expr: string }[];
}

/** The dashboard's queries with Grafana's variables replaced by what Prometheus would be sent. */
function dashboardExprs(): { panel: string; expr: string }[] {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: Panel[] };
  return dashboard.panels.flatMap((p) =>
    (p.targets ?? []).map((t) => ({
      panel: p.title ?? '?',
      expr: t.expr.replaceAll('$__rate_interval', '1m').replaceAll('$job', 'flowledger').replaceAll('$instance', '.*'),
    })),
  );
}

// Installed here (Debian's prometheus package, for promtool) when missing.
const ensured = run(join(ROOT, 'scripts/ensure-debian-tool.sh'), ['promtool', 'prometheus']);

describe('alerting rules and dashboard', () => {
  it('has promtool (installed from Debian when missing)', () => {
    expect(ensured.code, ensured.output).toBe(0);
  });

  it('passes promtool check rules', () => {
    const r = run('promtool', ['check', 'rules', RULES]);
    expect(r.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(r.code).toBe(0);
  });

  it('passes its promtool unit tests (queue backlog, SLA monitor stalled and missing, database down)', () => {
    const r = run('promtool', ['test', 'rules', RULE_TESTS]);
    expect(r.output).toContain('SUCCESS');
    expect(r.code).toBe(0);
  });

  it('has dashboard queries that are valid PromQL', () => {
    const exprs = dashboardExprs();
    expect(exprs.length).toBeGreaterThan(20);
    // promtool parses expressions only inside rule files: one recording rule per panel query.
    const dir = mkdtempSync(join(tmpdir(), 'flowledger-dashboard-'));
    try {
      const file = join(dir, 'dashboard-queries.yml');
      const rules = exprs.map((e, i) => `      - record: dashboard:query_${i}\n        expr: ${JSON.stringify(e.expr)}`).join('\n');
      writeFileSync(file, `groups:\n  - name: dashboard\n    rules:\n${rules}\n`);
      const r = run('promtool', ['check', 'rules', file]);
      expect(r.output).toContain(`SUCCESS: ${exprs.length} rules found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads metric names out of PromQL', () => {
    expect(metricNames('sum by (instance, le) (rate(a_bucket{route!~"/metrics|/ws"}[5m])) / on(x) b_total > 1.5e9 and bool c')).toEqual(['a_bucket', 'b_total', 'c']);
    expect(metricNames('time() - max(flowledger_sla_last_success_timestamp_seconds{job="$job"}) > 1800')).toEqual(['flowledger_sla_last_success_timestamp_seconds']);
  });
});

describeEachEngine('metrics named by the alerts and the dashboard', (engine) => {
  let tdb: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    // The full role: HTTP, realtime, the outbox worker and the SLA monitor in one process.
    server = await serve({ workers: true, env: { DATABASE_URL: tdb.processUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SHUTDOWN_DRAIN_DELAY: '0', SECRETS_KEY: process.env.SECRETS_KEY! }, print: () => {} });
  });
  afterAll(async () => {
    await server?.stop();
    await tdb?.drop();
  });

  it('are all exported on /metrics by a serving process', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    const families = new Map<string, string>();
    for (const m of (await res.text()).matchAll(/^# TYPE (\S+) (\S+)$/gm)) families.set(m[1]!, m[2]!);
    const exported = (name: string) => {
      if (families.has(name)) return true;
      const m = /^(.*)_(bucket|sum|count)$/.exec(name);
      return Boolean(m && ['histogram', 'summary'].includes(families.get(m[1]!) ?? ''));
    };
    const used = new Map<string, string>();
    const note = (name: string, where: string) => void (used.has(name) || used.set(name, where));
    for (const expr of ruleExprs()) for (const n of metricNames(expr)) note(n, 'alerts.yml');
    for (const { panel, expr } of dashboardExprs()) for (const n of metricNames(expr)) note(n, `dashboard panel "${panel}"`);
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter(([n]) => !PROMETHEUS_SERIES.has(n) && !exported(n)).map(([n, where]) => `${n} (${where})`);
    expect(missing).toEqual([]);
  });
});
