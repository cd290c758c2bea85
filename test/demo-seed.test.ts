/**
 * `flowledger seed --demo` fills the organisation the user already has, and leaves a month that
 * looks like a business that keeps up: few open tasks past due, a share near their deadline, SLA
 * met 70–90 %, with the SLA monitor's state current the moment it finishes. Checked through the
 * HTTP API, as the dashboard sees it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDefaultOrg } from '../src/auth/bootstrap.js';
import { runCli } from '../src/cli/main.js';
import { systemClock } from '../src/shared/clock.js';
import { describeEachEngine } from './helpers/engines.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { trpcData, trpcQuery } from './helpers/workflow.js';

interface ListedTask {
  task_id: string;
  task_status: string;
  sla_status: string;
  sla_deadline: string | null;
}

function capture() {
  const lines: string[] = [];
  return { lines, out: { log: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
}

async function runDemo(env: Record<string, string>, args: string[] = []) {
  const c = capture();
  expect(await runCli(['seed', '--demo', '--json', ...args], env, c.out)).toBe(0);
  return JSON.parse(c.lines.at(-1)!);
}

describeEachEngine('seed --demo in the organisation the first start created', (engine) => {
  let t: TestApp;
  let env: Record<string, string>;
  let key: string;
  let orgId: number;
  let demo: any;

  beforeAll(async () => {
    t = await createTestApp(engine);
    env = { DATABASE_URL: t.db.processUrl, LOG_LEVEL: 'silent' };
    // What the first `flowledger serve` does on an empty database: org "Default" and a key, printed once.
    const first = await ensureDefaultOrg(t.deps.database, systemClock);
    key = first!.key.key;
    orgId = first!.org.org_id;
    demo = await runDemo(env);
  }, 240_000);
  afterAll(() => t?.close());

  it('fills that organisation, creating no other org and no other key', async () => {
    expect(demo).toMatchObject({ org_id: orgId, org_name: 'Default', created_org: false, key: null, messages: 600 });
    expect(demo.new_tasks).toBeGreaterThan(400);
    const me = await t.call(key, { method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({ org_id: orgId, role: 'admin' });
    const orgs = await t.deps.database.db.selectFrom('org').select('org_id').execute();
    expect(orgs.map((o) => o.org_id)).toEqual([orgId]);
    const keys = await t.deps.database.db.selectFrom('api_key').select('org_id').execute();
    expect(keys).toHaveLength(1);
  });

  it('shows people as owners: members of the org own its tasks (a team shares Support) and its pursuits', async () => {
    const people = (await t.call(key, { method: 'GET', url: '/api/users/directory' })).json().data;
    expect(people.map((p: { name: string }) => p.name)).toEqual(['Lena Fischer', 'Priya Nair', 'Sam Ortiz', 'Tom Becker']);
    const owners = trpcData(await trpcQuery(t, key, 'owners')) as Array<{ owner_user_id: number | null }>;
    expect(owners.filter((o) => o.owner_user_id !== null).length).toBeGreaterThanOrEqual(3);
    const teams = (await t.call(key, { method: 'GET', url: '/api/teams' })).json().data;
    expect(teams).toMatchObject([{ name: 'Support Desk', members: [{ name: 'Lena Fischer' }, { name: 'Tom Becker' }] }]);
    const pursuits = (await t.call(key, { method: 'GET', url: '/api/workstream/pursuits?limit=200' })).json().data as Array<{ owner_user_id: string | null }>;
    expect(pursuits.length).toBeGreaterThan(0);
    expect(pursuits.every((p) => people.some((x: { user_id: number }) => String(x.user_id) === p.owner_user_id))).toBe(true);
  });

  it('shows a month whose SLA outcomes look like a functioning business', async () => {
    const m = trpcData(await trpcQuery(t, key, 'metrics'));
    const open = m.red_tasks + m.yellow_tasks + m.green_tasks;
    expect(m.total_tasks).toBe(demo.new_tasks);
    expect(m.completed_tasks).toBe(demo.completed_tasks);
    expect(open).toBeGreaterThanOrEqual(10);
    expect(m.red_tasks / open, JSON.stringify(m)).toBeLessThanOrEqual(0.15);
    expect(m.yellow_tasks / open, JSON.stringify(m)).toBeGreaterThanOrEqual(0.1);
    expect(m.yellow_tasks / open, JSON.stringify(m)).toBeLessThanOrEqual(0.3);
    expect(m.sla_met_percentage).toBeGreaterThanOrEqual(70);
    expect(m.sla_met_percentage).toBeLessThanOrEqual(90);
    // Violations are the misses behind that percentage, not most of the month.
    expect(m.sla_violations).toBeLessThan(0.3 * m.total_tasks);
    expect(m.sla_violations).toBeGreaterThan(0);
  });

  it('leaves the SLA monitor state current: every open task carries the status its deadline calls for', async () => {
    const open: ListedTask[] = [];
    for (const status of ['RED', 'YELLOW', 'GREEN']) {
      const page = trpcData<{ data: ListedTask[]; pagination: { total: number } }>(
        await trpcQuery(t, key, 'list', { filter: { status }, sort: { field: 'sla_deadline' }, pagination: { limit: 200 } }),
      );
      expect(page.pagination.total).toBe(page.data.length);
      open.push(...page.data);
    }
    const m = trpcData(await trpcQuery(t, key, 'metrics'));
    expect(open).toHaveLength(m.red_tasks + m.yellow_tasks + m.green_tasks);
    // The SLA pass ran as of the demo's now: a deadline passed by then is RED already, without
    // waiting for SLA_INTERVAL, and nothing is RED before its deadline.
    const at = Date.parse(demo.at);
    for (const task of open) {
      const passed = Date.parse(task.sla_deadline!) <= at;
      if (passed) expect(task, 'past its deadline').toMatchObject({ task_status: 'RED', sla_status: 'breached' });
      if (task.task_status === 'RED') expect(passed, `${task.task_id} is RED before its deadline`).toBe(true);
      if (task.task_status === 'YELLOW') expect(task.sla_status).toBe('warning');
      if (task.task_status === 'GREEN') expect(task.sla_status).toBe('ok');
    }
    const realtime = trpcData(await trpcQuery(t, key, 'realtime'));
    expect(realtime.breaches_open).toBe(m.red_tasks);
    expect(demo.open_tasks).toEqual({ red: m.red_tasks, yellow: m.yellow_tasks, green: m.green_tasks });
  });

  it('refuses to fill it twice, saying what to do instead', async () => {
    await expect(runCli(['seed', '--demo'], env, capture().out)).rejects.toThrow(/already holds data .*--org ID/);
    await expect(runCli(['seed', '--demo', '--org', '999999'], env, capture().out)).rejects.toThrow(/Organisation 999999 does not exist/);
    await expect(runCli(['seed', '--demo', '--org', 'one'], env, capture().out)).rejects.toThrow(/--org.*'one'.*positive integer/);
  });
});

describeEachEngine('seed --demo on an empty database, and with --org', (engine) => {
  let t: TestApp;
  let env: Record<string, string>;
  let defaultOrg: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    env = { DATABASE_URL: t.db.processUrl, LOG_LEVEL: 'silent' };
  });
  afterAll(() => t?.close());

  it('creates organisation "Default" with its key, as the first start would, which then creates none', async () => {
    const demo = await runDemo(env, ['--messages', '120', '--seed', '7']);
    expect(demo).toMatchObject({ org_name: 'Default', created_org: true, messages: 120 });
    defaultOrg = demo.org_id;
    const me = await t.call(demo.key, { method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({ org_id: demo.org_id, role: 'admin' });
    expect(await ensureDefaultOrg(t.deps.database, systemClock)).toBeUndefined();
    const batches = await t.call(demo.key, { method: 'GET', url: '/api/ingest/batches' });
    expect(batches.json().pagination.total).toBe(demo.batches);
    expect(batches.json().data.every((b: { source: string }) => b.source === 'demo')).toBe(true);
    const stages = await t.deps.database.db.selectFrom('pursuit').select('pursuit_stage').where('org_id', '=', demo.org_id).execute();
    expect(new Set(stages.map((s) => s.pursuit_stage)).size).toBeGreaterThan(1);
  }, 120_000);

  it('fills the organisation --org names, and only it, and says which key signs in to it', async () => {
    const other = await t.createOrg('Second');
    const c = capture();
    expect(await runCli(['seed', '--demo', '--messages', '120', '--seed', '7', '--org', String(other.orgId)], env, c.out)).toBe(0);
    const text = c.lines.join('\n');
    expect(text).toContain(`Organisation ${other.orgId} "Second" now holds the demo.`);
    expect(text).toContain(`Sign in with organisation ${other.orgId}'s admin key`);
    expect(text).toContain(`npx flowledger keys create --org ${other.orgId} --role admin`);
    expect(text).not.toMatch(/fl_[A-Za-z0-9_-]{20,}/);
    const mine = trpcData(await trpcQuery(t, other.viewer, 'metrics'));
    expect(mine.total_tasks).toBeGreaterThan(50);
    const orgs = await t.deps.database.db.selectFrom('workflow_tasks').select('org_id').distinct().execute();
    expect(orgs.map((r) => r.org_id).sort((a, b) => a - b)).toEqual([defaultOrg, other.orgId].sort((a, b) => a - b));
  }, 120_000);
});
