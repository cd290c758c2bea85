/** bench:mixed's operations and their weights (80 % reads, 20 % writes). */
import type { MixOperation, MixRequest } from '../lib/http-load.js';

export interface Seeded {
  orgs: Array<{ orgId: number; key: string; prefix: string }>;
  seconds: number;
}

const trpc = (proc: string, input?: unknown) => `/api/workflow.${proc}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

/** The dashboard's lists: the default (newest first), by status, category, owner, a search; first pages and a deeper one. */
const LISTS = [
  { pagination: { page: 1, limit: 50 } },
  { filter: { status: 'RED' }, pagination: { page: 1, limit: 50 }, sort: { field: 'sla_deadline', direction: 'asc' } },
  { filter: { status: 'RED', category: 'Quote Processing' }, pagination: { page: 1, limit: 50 }, sort: { field: 'sla_deadline', direction: 'asc' } },
  { filter: { category: 'Invoicing' }, pagination: { page: 3, limit: 50 }, sort: { field: 'dollar_value', direction: 'desc' } },
  { filter: { owner: 'Owner 7' }, pagination: { page: 1, limit: 25 }, sort: { field: 'priority', direction: 'desc' } },
  { filter: { status: 'YELLOW', priority: 'HIGH' }, pagination: { page: 2, limit: 50 } },
];
const STATUSES = ['RED', 'YELLOW', 'GREEN', 'COMPLETED'];
const PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'NORMAL'];

/** The mix: each operation's requests span every org (a request names its org by its key). */
/** `tasks`: per org (a task id is picked at random among them). */
export function operations(seeded: Seeded, tasks: number): MixOperation[] {
  const per = (build: (org: Seeded['orgs'][number], auth: Record<string, string>) => MixRequest[]) =>
    seeded.orgs.flatMap((org) => build(org, { authorization: `Bearer ${org.key}` }));
  const get = (path: string, headers: Record<string, string>, random?: number): MixRequest => ({ method: 'GET', path, headers, random });
  return [
    { name: 'workflow.list', group: 'read', weight: 25, requests: per((_, h) => LISTS.map((input) => get(trpc('list', input), h))) },
    { name: 'workflow.get (a task)', group: 'read', weight: 20, requests: per((o, h) => [get(trpc('get', { taskId: `${o.prefix}{r}` }).replace(encodeURIComponent('{r}'), '{r}'), h, tasks)]) },
    { name: 'workflow.metrics', group: 'read', weight: 15, requests: per((_, h) => [get(trpc('metrics'), h)]) },
    { name: 'GET /api/workstream/today', group: 'read', weight: 10, requests: per((_, h) => [get('/api/workstream/today', h)]) },
    { name: 'GET /api/workstream/signals', group: 'read', weight: 10, requests: per((_, h) => [1, 2, 5].map((page) => get(`/api/workstream/signals?page=${page}&limit=50`, h))) },
    {
      name: 'PUT /api/workflow/update/:id (owner, priority)',
      group: 'write',
      weight: 8,
      requests: per((o, h) =>
        PRIORITIES.map((priority) => ({ method: 'PUT', path: `/api/workflow/update/${o.prefix}{r}`, headers: h, random: tasks, body: JSON.stringify({ updates: { current_owner: 'Mixed {n}', priority } }) })),
      ),
    },
    {
      name: 'PUT /api/workflow/update/:id (status)',
      group: 'write',
      weight: 6,
      requests: per((o, h) =>
        STATUSES.map((task_status) => ({ method: 'PUT', path: `/api/workflow/update/${o.prefix}{r}`, headers: h, random: tasks, body: JSON.stringify({ updates: { task_status }, reason: 'bench {n}' }) })),
      ),
    },
    {
      name: 'POST /api/workstream/signals',
      group: 'write',
      weight: 6,
      requests: per((_, h) => [
        { method: 'POST', path: '/api/workstream/signals', headers: h, body: JSON.stringify({ source_type: 'email', source_ref: 'mixed-{n}', snippet: 'Asked for a quote {n}', urgency_score: 60, dedupe_key: 'mixed-{n}' }) },
      ]),
    },
  ];
}

