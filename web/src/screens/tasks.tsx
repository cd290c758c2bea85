/**
 * The task table: every `workflow.list` filter, sortable columns and paging, all kept in the URL so
 * a filtered view can be bookmarked or shared.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { ListInput, Task } from '../api/client.js';
import { useRealtimeEvent, useSession } from '../api/session-context.js';
import { Countdown } from '../components/countdown.js';
import { QueryError } from '../components/error-note.js';
import { count, dateTime, money } from '../lib/format.js';
import { Link, navigate, useRoute } from '../lib/router.js';
import { STATUS_LABEL } from '../lib/tasks.js';
import { PriorityOptions, StatusOptions } from '../components/task-options.js';
import { useThrottled } from '../lib/timing.js';
import { NewTaskForm } from './new-task.js';

const SORTABLE = ['sla_deadline', 'created_at', 'updated_at', 'dollar_value', 'priority', 'status'] as const;
type SortField = (typeof SORTABLE)[number];
const FILTERS = ['status', 'category', 'owner', 'priority', 'from', 'to', 'search'] as const;
const LIMIT = 25;

function toInput(q: URLSearchParams): ListInput {
  const filter: Record<string, string> = {};
  for (const f of FILTERS) {
    const v = q.get(f)?.trim();
    if (!v) continue;
    // Dates in the form are local days; the API bounds created_at with instants.
    filter[f] = f === 'from' || f === 'to' ? new Date(`${v}T00:00:00`).toISOString() : v;
  }
  // `owner_user_id`: a user id, or `me` (the "Mine" toggle: the signed-in person's tasks).
  const ownerUserId = q.get('owner_user_id');
  const owner = ownerUserId === 'me' ? 'me' : Number(ownerUserId) > 0 ? Number(ownerUserId) : undefined;
  const field = q.get('sort') as SortField | null;
  return {
    filter: { ...(filter as NonNullable<ListInput['filter']>), ...(owner !== undefined ? { owner_user_id: owner } : {}) },
    pagination: { page: Math.max(1, Number(q.get('page')) || 1), limit: LIMIT },
    ...(field && SORTABLE.includes(field) ? { sort: { field, direction: q.get('direction') === 'desc' ? 'desc' : 'asc' } } : {}),
  };
}

function withParams(q: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(q);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, v);
  }
  const s = next.toString();
  return s ? `/tasks?${s}` : '/tasks';
}

const LIST_KEY = ['workflow', 'list'] as const;

export function TasksScreen() {
  const { api, me, account } = useSession();
  // Viewers read; members and admins may also create tasks by hand.
  const [creating, setCreating] = useState(false);
  const { search: q } = useRoute();
  const mine = q.get('owner_user_id') === 'me';
  const key = q.toString();
  const client = useQueryClient();
  // The page shown stays while the next filter or page loads (no flashing, no layout jump).
  const list = useQuery({ queryKey: [...LIST_KEY, key], queryFn: () => api.trpc.workflow.list.query(toInput(q)), placeholderData: keepPreviousData });
  const reload = useThrottled(() => void client.invalidateQueries({ queryKey: LIST_KEY }), 2000);
  useRealtimeEvent('workflow:task:created', reload);
  useRealtimeEvent('workflow:task:updated', reload);
  useRealtimeEvent('workflow:status:changed', reload);
  useRealtimeEvent('workflow:task:deleted', reload);
  useRealtimeEvent('workflow:task:assigned', reload);

  const [draft, setDraft] = useState(() => Object.fromEntries(FILTERS.map((f) => [f, q.get(f) ?? ''])));
  useEffect(() => setDraft(Object.fromEntries(FILTERS.map((f) => [f, q.get(f) ?? '']))), [key]);

  function apply(e: FormEvent) {
    e.preventDefault();
    navigate(withParams(q, { ...draft, page: undefined }));
  }

  return (
    <div className="stack">
      <div className="page-head panel-head">
        <h1>Tasks</h1>
        {/* A key has no person: "mine" is for people signed in. */}
        {account && (
          <button
            type="button"
            className={mine ? '' : 'button-quiet'}
            aria-pressed={mine}
            onClick={() => navigate(withParams(q, { owner_user_id: mine ? undefined : 'me', page: undefined }))}
          >
            Mine
          </button>
        )}
        {me.role !== 'viewer' && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New task
          </button>
        )}
      </div>
      {creating && <NewTaskForm onCancel={() => setCreating(false)} />}
      <TaskFilters draft={draft} setDraft={setDraft} onSubmit={apply} />
      <QueryError error={list.error} />
      <section className="panel" aria-label="Task list" aria-busy={list.isFetching}>
        <div className="table-wrap">
          <TaskTable q={q} tasks={list.data?.data} />
        </div>
        {list.data?.pagination && <Pager q={q} page={list.data.pagination} />}
      </section>
    </div>
  );
}

type FilterDraft = Record<string, string>;

function TaskFilters({ draft, setDraft, onSubmit }: { draft: FilterDraft; setDraft: (d: FilterDraft) => void; onSubmit: (e: FormEvent) => void }) {
  return (
    <form className="panel filters" onSubmit={onSubmit} aria-label="Filter tasks">
      <label>
        Status
        <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
          <option value="">Any</option>
          <StatusOptions />
        </select>
      </label>
      <label>
        Priority
        <select value={draft.priority} onChange={(e) => setDraft({ ...draft, priority: e.target.value })}>
          <option value="">Any</option>
          <PriorityOptions />
        </select>
      </label>
      <label>
        Category
        <input value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })} />
      </label>
      <label>
        Owner
        <input value={draft.owner} onChange={(e) => setDraft({ ...draft, owner: e.target.value })} />
      </label>
      <label>
        Created from
        <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
      </label>
      <label>
        Created before
        <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      </label>
      <label className="grow">
        Search title and entities
        <input type="search" value={draft.search} onChange={(e) => setDraft({ ...draft, search: e.target.value })} />
      </label>
      <div className="filter-actions">
        <button type="submit">Apply</button>
        <button type="button" className="button-quiet" onClick={() => navigate('/tasks')}>
          Clear
        </button>
      </div>
    </form>
  );
}

function TaskTable({ q, tasks }: { q: URLSearchParams; tasks: Task[] | undefined }) {
  return (
    <table className="tasks-table">
      <thead>
        <tr>
          <th scope="col">Task</th>
          <SortHeader q={q} field="status" label="Status" />
          <SortHeader q={q} field="priority" label="Priority" />
          <th scope="col">Category</th>
          <th scope="col">Owner</th>
          <SortHeader q={q} field="dollar_value" label="Value" className="num" />
          <SortHeader q={q} field="sla_deadline" label="SLA" />
          <SortHeader q={q} field="created_at" label="Created" />
        </tr>
      </thead>
      <tbody>
        {(tasks ?? []).map((t: Task) => (
          <tr key={t.task_id} data-task-id={t.task_id}>
            <th scope="row">
              <Link to={`/tasks/${encodeURIComponent(t.task_id)}`}>{t.title}</Link>
            </th>
            <td>
              <span className={`status status-${t.task_status.toLowerCase()}`}>{STATUS_LABEL[t.task_status]}</span>
            </td>
            <td>{t.priority}</td>
            <td>{t.workflow_category}</td>
            <td>{t.owner_name ?? t.current_owner ?? <span className="muted">Unassigned</span>}</td>
            <td className="num">{money(t.dollar_value, t.currency)}</td>
            <td>{t.task_status === 'COMPLETED' ? <span className="muted">done</span> : <Countdown deadline={t.sla_deadline} />}</td>
            <td>{dateTime(t.created_at)}</td>
          </tr>
        ))}
        {tasks?.length === 0 && (
          <tr>
            <td colSpan={8} className="muted">
              No task matches these filters.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function SortHeader({ q, field, label, className }: { q: URLSearchParams; field: SortField; label: string; className?: string }) {
  const sort = q.get('sort');
  const direction = q.get('direction') === 'desc' ? 'desc' : 'asc';
  const active = sort === field;
  const nextDir = active && direction === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" className={className} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => navigate(withParams(q, { sort: field, direction: nextDir, page: undefined }))}>
        {label} {active ? (direction === 'asc' ? '▲' : '▼') : ''}
      </button>
    </th>
  );
}

function Pager({ q, page }: { q: URLSearchParams; page: { page: number; limit: number; total: number } }) {
  const pages = Math.max(1, Math.ceil(page.total / page.limit));
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={page.page <= 1} onClick={() => navigate(withParams(q, { page: String(page.page - 1) }))}>
        Previous
      </button>
      <span>
        Page {count(page.page)} of {count(pages)} · {count(page.total)} tasks
      </span>
      <button type="button" disabled={page.page >= pages} onClick={() => navigate(withParams(q, { page: String(page.page + 1) }))}>
        Next
      </button>
    </nav>
  );
}
