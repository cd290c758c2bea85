/** One task: its fields and entities, the email it came from, one timeline of its status history, thread and comments, and edits. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { TaskUpdates, TaskWithHistory } from '../api/client.js';
import { isStaleWrite, toApiError, type ApiError } from '../api/errors.js';
import { useRealtimeEvent, useSession } from '../api/session-context.js';
import { signals } from '../api/workstream.js';
import { useComments, type Comment } from '../api/comments.js';
import { CommentComposer, CommentEntry } from '../components/comments.js';
import { Countdown } from '../components/countdown.js';
import { ErrorNote, QueryError } from '../components/error-note.js';
import { useToast } from '../components/toasts.js';
import { entityRows } from '../lib/entities.js';
import { dateTime, money } from '../lib/format.js';
import { Link, navigate } from '../lib/router.js';
import { STATUS_LABEL } from '../lib/tasks.js';
import { PriorityOptions, StatusOptions } from '../components/task-options.js';
import { useDirectory } from '../api/people.js';

/** datetime-local wants local "YYYY-MM-DDTHH:mm". */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

interface Draft {
  title: string;
  task_status: TaskWithHistory['task_status'];
  priority: TaskWithHistory['priority'];
  workflow_category: string;
  current_owner: string;
  /** The owning user's id as text; '' = nobody. */
  owner_user_id: string;
  dollar_value: string;
  sla_deadline: string;
  description: string;
}

function draftOf(t: TaskWithHistory): Draft {
  return {
    title: t.title,
    task_status: t.task_status,
    priority: t.priority,
    workflow_category: t.workflow_category,
    current_owner: t.current_owner ?? '',
    owner_user_id: t.owner_user_id === null ? '' : String(t.owner_user_id),
    dollar_value: String(t.dollar_value),
    sla_deadline: toLocalInput(t.sla_deadline),
    description: t.description ?? '',
  };
}

/** Only what changed goes to the API (and so into the history and events). */
function changes(t: TaskWithHistory, d: Draft): TaskUpdates | string {
  const u: Record<string, unknown> = {};
  if (d.title.trim() !== t.title) u.title = d.title.trim();
  if (d.task_status !== t.task_status) u.task_status = d.task_status;
  if (d.priority !== t.priority) u.priority = d.priority;
  if (d.workflow_category.trim() !== t.workflow_category) u.workflow_category = d.workflow_category.trim();
  if (d.current_owner.trim() !== (t.current_owner ?? '')) u.current_owner = d.current_owner.trim() || null;
  if (d.owner_user_id !== (t.owner_user_id === null ? '' : String(t.owner_user_id))) u.owner_user_id = d.owner_user_id ? Number(d.owner_user_id) : null;
  if (d.description !== (t.description ?? '')) u.description = d.description || null;
  if (d.dollar_value.trim() !== String(t.dollar_value)) {
    const v = Number(d.dollar_value);
    // Not a number at all is caught here; the API itself refuses out-of-range values (and says why).
    if (d.dollar_value.trim() === '' || !Number.isFinite(v)) return 'Value must be a number.';
    u.dollar_value = v;
  }
  if (d.sla_deadline !== toLocalInput(t.sla_deadline)) {
    if (!d.sla_deadline) return 'A deadline cannot be removed, only moved.';
    u.sla_deadline = new Date(d.sla_deadline).toISOString();
  }
  return u as TaskUpdates;
}

export function TaskScreen({ taskId }: { taskId: string }) {
  const { canWrite } = useSession();
  const { task, source, draft, setDraft, base, saveError, saving, save, remove, reset } = useTaskEditor(taskId);

  if (task.error) return <QueryError error={task.error} />;
  const t = task.data;
  if (!t || !draft || !base) return <div className="panel skeleton" aria-busy="true" style={{ minHeight: 320 }} />;

  return (
    <div className="stack">
      <TaskHead t={t} />
      <div className="two-columns">
        <section className="panel" aria-labelledby="edit-title">
          <h2 id="edit-title">{canWrite ? 'Edit' : 'Details'}</h2>
          <form className="form-grid" onSubmit={save}>
            <fieldset disabled={!canWrite || saving}>
              <TaskFields t={t} draft={draft} setDraft={setDraft} currency={t.currency} />
            </fieldset>
            {saveError && (
              <div className="span-2">
                <ErrorNote error={typeof saveError === 'string' ? { message: saveError } : saveError} />
              </div>
            )}
            {canWrite && <EditActions saving={saving} onReset={() => reset(t)} onDelete={() => void remove()} />}
          </form>
        </section>
        <div className="stack">
          <TimelinePanel t={t} />
          <EntitiesPanel t={t} />
          <SourcePanel t={t} snippet={source.data?.snippet} />
        </div>
      </div>
    </div>
  );
}

/** The task (kept current by realtime events), the email it came from, the edit draft, and save and delete. */
function useTaskEditor(taskId: string) {
  const { api } = useSession();
  const toast = useToast();
  const client = useQueryClient();
  const key = ['workflow', 'task', taskId] as const;
  const task = useQuery({ queryKey: key, queryFn: () => api.trpc.workflow.get.query({ taskId }) });
  const { draft, setDraft, base, setBase, saveError, setSaveError, saving, setSaving } = useDraft(task.data);
  const onChange = (d: { taskId: string }) => {
    if (d.taskId === taskId) void client.invalidateQueries({ queryKey: key });
  };
  useRealtimeEvent('workflow:task:updated', onChange);
  useRealtimeEvent('workflow:status:changed', onChange);
  useRealtimeEvent('workflow:sla:violated', onChange);
  // A reply joined the thread (and may have reopened the task or set its first response).
  useRealtimeEvent('workflow:task:message', onChange);
  // Deleted elsewhere: the reload answers 404, which says it may have been deleted.
  useRealtimeEvent('workflow:task:deleted', onChange);

  const signalId = task.data?.signal_id ?? null;
  const source = useQuery({ queryKey: ['workstream', 'signal', signalId], queryFn: () => signals.get(api, signalId!), enabled: signalId !== null });

  async function save(e: FormEvent) {
    e.preventDefault();
    const t = task.data;
    if (!t || !draft || !base) return;
    const u = changes(base, draft);
    if (typeof u === 'string') return setSaveError(u);
    if (Object.keys(u).length === 0) return setSaveError('Nothing changed.');
    setSaving(true);
    setSaveError(undefined);
    try {
      // Written only over the version the edit started from: another change since is refused (412).
      await api.trpc.workflow.update.mutate({ taskId: t.task_id, updates: u, expected_version: base.version });
      await reloadIntoForm();
      toast({ tone: 'success', title: 'Task saved' });
    } catch (err) {
      const e = toApiError(err);
      setSaveError(e);
      // Someone else changed it: the form shows their version (the edit was not saved; the message says so).
      if (isStaleWrite(e)) await reloadIntoForm();
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    const t = task.data;
    if (!t || !window.confirm(`Delete task “${t.title}”? This cannot be undone.`)) return;
    try {
      // Deleting what was shown, not a version changed meanwhile by someone else.
      await api.trpc.workflow.delete.mutate({ taskId: t.task_id, expected_version: t.version });
      toast({ tone: 'success', title: 'Task deleted' });
      navigate('/tasks');
    } catch (err) {
      const e = toApiError(err);
      setSaveError(e);
      if (isStaleWrite(e)) await reloadIntoForm();
    }
  }

  /** Cancels a reload read before a change (it would show the old task), reads it afresh and restarts the form from it. */
  async function reloadIntoForm() {
    await client.invalidateQueries({ queryKey: key });
    const fresh = client.getQueryData<TaskWithHistory>(key);
    if (fresh) {
      setBase(fresh);
      setDraft(draftOf(fresh));
    }
  }

  function reset(t: TaskWithHistory) {
    setBase(t);
    setDraft(draftOf(t));
  }
  return { task, source, draft, setDraft, base, saveError, saving, save, remove, reset };
}

/** The edit form's draft, following the task while the user has not changed anything. */
function useDraft(task: TaskWithHistory | undefined) {
  const [draft, setDraft] = useState<Draft | null>(null);
  // The task as it was when editing started: only fields the user changed from it are sent, with its
  // version, so a change made meanwhile by someone else (or the SLA monitor) is never silently
  // overwritten: the save is refused (412) and the form reloads.
  const [base, setBase] = useState<TaskWithHistory | null>(null);
  const [saveError, setSaveError] = useState<ApiError | string | undefined>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!task) return;
    const untouched = !draft || !base || JSON.stringify(draft) === JSON.stringify(draftOf(base));
    if (untouched) {
      setBase(task);
      setDraft(draftOf(task));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [task]);
  return { draft, setDraft, base, setBase, saveError, setSaveError, saving, setSaving };
}

function TaskHead({ t }: { t: TaskWithHistory }) {
  return (
    <div className="page-head">
      <p className="crumbs">
        <Link to="/tasks">Tasks</Link> / <span>{t.task_id}</span>
      </p>
      <h1>{t.title}</h1>
      <p className="task-summary">
        <span className={`status status-${t.task_status.toLowerCase()}`}>{STATUS_LABEL[t.task_status]}</span>
        <span>{t.priority}</span>
        <span>{t.workflow_category}</span>
        <span>{money(t.dollar_value, t.currency)}</span>
        {t.task_status !== 'COMPLETED' && <Countdown deadline={t.sla_deadline} />}
      </p>
    </div>
  );
}

function TaskFields({ t, draft, setDraft, currency }: { t: TaskWithHistory; draft: Draft; setDraft: (d: Draft) => void; currency: string }) {
  const directory = useDirectory();
  const people = directory.data ?? [];
  // A deactivated or departed owner is not in the directory: still shown, as what the task holds.
  const absent = t.owner_user_id !== null && !people.some((p) => p.user_id === t.owner_user_id);
  return (
    <>
      <label className="span-2">
        Title
        <input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} required maxLength={500} />
      </label>
      <label>
        Status
        <select value={draft.task_status} onChange={(e) => setDraft({ ...draft, task_status: e.target.value as Draft['task_status'] })}>
          <StatusOptions />
        </select>
      </label>
      <label>
        Priority
        <select value={draft.priority} onChange={(e) => setDraft({ ...draft, priority: e.target.value as Draft['priority'] })}>
          <PriorityOptions />
        </select>
      </label>
      <label>
        Category
        <input value={draft.workflow_category} onChange={(e) => setDraft({ ...draft, workflow_category: e.target.value })} required />
      </label>
      <label>
        Assigned to
        <select value={draft.owner_user_id} onChange={(e) => setDraft({ ...draft, owner_user_id: e.target.value })} aria-busy={directory.isPending}>
          <option value="">Nobody</option>
          {absent && <option value={String(t.owner_user_id)}>{t.owner_name ?? `User ${t.owner_user_id}`} (inactive)</option>}
          {people.map((p) => (
            <option key={p.user_id} value={String(p.user_id)}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Owner
        <input value={draft.current_owner} onChange={(e) => setDraft({ ...draft, current_owner: e.target.value })} />
      </label>
      <label>
        Value ({currency})
        <input inputMode="decimal" value={draft.dollar_value} onChange={(e) => setDraft({ ...draft, dollar_value: e.target.value })} />
      </label>
      <label>
        SLA deadline
        <input type="datetime-local" value={draft.sla_deadline} onChange={(e) => setDraft({ ...draft, sla_deadline: e.target.value })} />
      </label>
      <label className="span-2">
        Description
        <textarea rows={4} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
      </label>
    </>
  );
}

function EditActions({ saving, onReset, onDelete }: { saving: boolean; onReset: () => void; onDelete: () => void }) {
  return (
    <div className="form-actions span-2">
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save changes'}
      </button>
      <button type="button" className="button-quiet" onClick={onReset}>
        Reset
      </button>
      <button type="button" className="button-danger" onClick={onDelete}>
        Delete task
      </button>
    </div>
  );
}

type TimelineEntry =
  | { kind: 'status'; at: string; order: number; h: TaskWithHistory['history'][number] }
  | { kind: 'created'; at: string; order: number }
  | { kind: 'message'; at: string; order: number; m: TaskWithHistory['messages'][number] }
  | { kind: 'comment'; at: string; order: number; c: Comment };

/** Status history, the email thread and comments, in the order they happened (ties: that order). */
function timelineOf(t: TaskWithHistory, comments: Comment[]): TimelineEntry[] {
  // Creating a task writes its first history row (no previous status): that row is the creation.
  // Only tasks without one (none today, but rows are the truth) get a line made from created_at.
  const hasCreation = t.history.some((h) => h.from_status === null);
  const entries: TimelineEntry[] = [
    ...(hasCreation ? [] : [{ kind: 'created' as const, at: t.created_at, order: 0 }]),
    ...t.history.map((h) => ({ kind: 'status' as const, at: h.changed_at, order: 1, h })),
    ...t.messages.map((m) => ({ kind: 'message' as const, at: m.received_at, order: 2, m })),
    ...comments.map((c) => ({ kind: 'comment' as const, at: c.created_at, order: 3, c })),
  ];
  // Stable sort: within a kind, the server's order stands.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);
}

/** One timeline for the task: its status history, its email thread and its comments, with the composer. */
function TimelinePanel({ t }: { t: TaskWithHistory }) {
  const item = { item_type: 'task' as const, item_id: t.task_id };
  const comments = useComments(item);
  const entries = timelineOf(t, comments.data?.data ?? []);
  const messages = t.messages.length;
  const count = comments.data?.pagination.total;
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        Timeline{' '}
        <span className="muted">
          ({messages} {messages === 1 ? 'message' : 'messages'}
          {count !== undefined && `, ${count} ${count === 1 ? 'comment' : 'comments'}`})
        </span>
      </h2>
      <ol className="timeline" data-testid="timeline">
        {entries.map((e) => {
          switch (e.kind) {
            case 'created':
              return (
                <li key="created" data-kind="status">
                  <span className="timeline-when">{dateTime(t.created_at)}</span> Created by {t.created_by ?? 'unknown'}
                </li>
              );
            case 'status':
              return <StatusEntry key={`h${e.h.history_id}`} h={e.h} />;
            case 'message':
              return <MessageEntry key={`m${e.m.task_message_id}`} m={e.m} />;
            case 'comment':
              return <CommentEntry key={`c${e.c.comment_id}`} item={item} c={e.c} />;
          }
        })}
      </ol>
      {comments.error && <ErrorNote error={toApiError(comments.error)} />}
      {t.first_response_at && (
        <p className="muted">
          First response {dateTime(t.first_response_at)}
          {t.first_response_due_at && ` (due ${dateTime(t.first_response_due_at)}${t.first_response_status === 'breached' ? ', late' : ''})`}
        </p>
      )}
      <CommentComposer item={item} />
    </section>
  );
}

/** A message of the thread, ours marked as sent. */
function MessageEntry({ m }: { m: TaskWithHistory['messages'][number] }) {
  return (
    <li data-kind="message" data-direction={m.direction}>
      <span className="timeline-when">{dateTime(m.received_at)}</span>{' '}
      <strong>{m.direction === 'outbound' ? 'Sent' : 'Received'}</strong> {m.direction === 'outbound' ? 'by' : 'from'} {m.sender ?? 'unknown sender'}
      {m.subject && <div>{m.subject}</div>}
      {m.snippet && <div className="muted">{m.snippet}</div>}
    </li>
  );
}

function StatusEntry({ h }: { h: TaskWithHistory['history'][number] }) {
  return (
    <li data-kind="status">
      <span className="timeline-when">{dateTime(h.changed_at)}</span>{' '}
      {h.from_status === null ? (
        <>
          Created as <strong>{STATUS_LABEL[h.to_status]}</strong> by {h.changed_by}
          {h.reason && h.reason !== 'created' && <span className="muted"> — {h.reason}</span>}
        </>
      ) : (
        <>
          {STATUS_LABEL[h.from_status]} → <strong>{STATUS_LABEL[h.to_status]}</strong> by {h.changed_by}
          {h.reason && <span className="muted"> — {h.reason}</span>}
        </>
      )}
    </li>
  );
}

function EntitiesPanel({ t }: { t: TaskWithHistory }) {
  const rows = entityRows(t);
  return (
    <section className="panel" aria-labelledby="entities-title">
      <h2 id="entities-title">Entities</h2>
      {rows.length === 0 ? (
        <p className="muted">None found.</p>
      ) : (
        <dl className="entities">
          {rows.map((r) => (
            <Entity key={r.kind} name={r.label} value={r.values.join(', ')} />
          ))}
        </dl>
      )}
      {t.category_reason && <p className="muted">Why this category: {t.category_reason}</p>}
    </section>
  );
}

function SourcePanel({ t, snippet }: { t: TaskWithHistory; snippet: string | null | undefined }) {
  return (
    <section className="panel" aria-labelledby="source-title">
      <h2 id="source-title">Source</h2>
      {t.source_type === 'email' || t.source_subject ? (
        <dl className="entities">
          <Entity name="From" value={t.source_sender ?? '—'} />
          <Entity name="Subject" value={t.source_subject ?? '—'} />
          <Entity name="Received" value={dateTime(t.source_received_at)} />
          <Entity name="Message-ID" value={t.source_message_id ?? '—'} />
        </dl>
      ) : (
        <p className="muted">Created {t.source_type === 'manual' ? 'by hand' : 'through the API'}.</p>
      )}
      {snippet && <blockquote className="email-snippet">{snippet}</blockquote>}
    </section>
  );
}

function Entity({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </>
  );
}
