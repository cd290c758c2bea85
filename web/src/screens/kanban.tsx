/**
 * Workflow Kanban: one column per status. Dragging a card (or its Move menu, from the keyboard too)
 * changes its status through `workflow.update`; every open browser moves the card when the
 * realtime event arrives, and drops it when the task is deleted. Each open card counts down to its SLA deadline.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type Dispatch, type DragEvent, type SetStateAction } from 'react';
import type { Task } from '../api/client.js';
import { isStaleWrite, toApiError } from '../api/errors.js';
import { useRealtimeEvent, useSession } from '../api/session-context.js';
import { Countdown } from '../components/countdown.js';
import { QueryError } from '../components/error-note.js';
import { useErrorToast } from '../components/toasts.js';
import { count, money } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { byDeadline, byUpdatedDesc, STATUS_LABEL, STATUSES, type Status } from '../lib/tasks.js';
import { useThrottled } from '../lib/timing.js';
import { MenuButton } from '../components/move-menu.js';

const PER_COLUMN = 50;
type Board = Record<Status, { tasks: Task[]; total: number }>;

const sortOf = (s: Status) => (s === 'COMPLETED' ? byUpdatedDesc : byDeadline);

/**
 * Puts a task (new or changed) into its column, or removes it when it is gone. Column totals move
 * only when the board knows the task moved (it was shown, or it is new); other changes to tasks
 * beyond the shown cards wait for the periodic resync.
 */
function place(board: Board, taskId: string, task: Task | null, isNew = false): Board {
  const next = { ...board };
  let removedFrom: Status | undefined;
  for (const s of STATUSES) {
    const idx = next[s].tasks.findIndex((t) => t.task_id === taskId);
    if (idx >= 0) {
      next[s] = { tasks: next[s].tasks.filter((_, i) => i !== idx), total: next[s].total - 1 };
      removedFrom = s;
    }
  }
  if (task) {
    const s = task.task_status;
    const tasks = [...next[s].tasks, task].sort(sortOf(s)).slice(0, PER_COLUMN);
    next[s] = { tasks, total: next[s].total + (removedFrom !== undefined || isNew ? 1 : 0) };
  } else if (removedFrom === undefined) {
    return board;
  }
  return next;
}

export function KanbanScreen() {
  const { canWrite } = useSession();
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<Status | null>(null);
  const { board, move } = useBoard();

  const onDrop = (status: Status) => (e: DragEvent) => {
    e.preventDefault();
    setOver(null);
    const id = e.dataTransfer.getData('text/x-task-id') || dragging;
    const task = id ? STATUSES.flatMap((s) => board.data?.[s].tasks ?? []).find((t) => t.task_id === id) : undefined;
    setDragging(null);
    if (task) void move(task, status);
  };

  return (
    <div className="stack">
      <div className="page-head">
        <h1>Kanban</h1>
        <p className="muted">{canWrite ? 'Drag a card to another column, or use its Move menu (on hover or keyboard focus), to change its status.' : 'Read-only: your key is a viewer key.'}</p>
      </div>
      <QueryError error={board.error} />
      <div className="board">
        {STATUSES.map((status) => (
          <Column
            key={status}
            status={status}
            col={board.data?.[status]}
            drag={{ canWrite, dragging, setDragging, over, setOver, move }}
            onDrop={canWrite ? onDrop(status) : undefined}
          />
        ))}
      </div>
    </div>
  );
}

const BOARD_KEY = ['workflow', 'board'] as const;

/**
 * The board's tasks, kept current by realtime events (and a throttled resync), and `move`, which
 * changes a task's status optimistically (rolled back when the server refuses).
 */
function useBoard() {
  const { api } = useSession();
  const client = useQueryClient();
  const showError = useErrorToast();
  const board = useQuery({
    queryKey: BOARD_KEY,
    queryFn: async (): Promise<Board> => {
      const pages = await Promise.all(
        STATUSES.map((status) =>
          api.trpc.workflow.list.query({
            filter: { status },
            pagination: { page: 1, limit: PER_COLUMN },
            sort: status === 'COMPLETED' ? { field: 'updated_at', direction: 'desc' } : { field: 'sla_deadline', direction: 'asc' },
          }),
        ),
      );
      return Object.fromEntries(STATUSES.map((s, i) => [s, { tasks: pages[i]!.data, total: pages[i]!.pagination.total }])) as Board;
    },
  });
  const patch = useCallback((update: (b: Board) => Board) => client.setQueryData<Board>(BOARD_KEY, (b) => (b ? update(b) : b)), [client]);

  // Exact totals and order come back from the server now and then; the cards move at once. No
  // resync while a move is on its way: an answer read before it lands would put the card back.
  const resync = useThrottled(() => {
    if (client.isMutating({ mutationKey: BOARD_KEY }) === 0) void client.invalidateQueries({ queryKey: BOARD_KEY });
  }, 5000);
  const onTaskEvent = useCallback(
    (d: { taskId: string; task: Task | null }, isNew = false) => {
      patch((b) => place(b, d.taskId, d.task, isNew));
      resync();
    },
    [patch, resync],
  );
  useRealtimeEvent('workflow:task:created', (d) => onTaskEvent(d, true));
  useRealtimeEvent('workflow:task:updated', onTaskEvent);
  useRealtimeEvent('workflow:task:completed', onTaskEvent);
  // Its `task` is null: the card leaves the board (and its column's total drops, if it was shown).
  useRealtimeEvent('workflow:task:deleted', onTaskEvent);
  useRealtimeEvent('workflow:status:changed', onTaskEvent);
  useRealtimeEvent('workflow:sla:violated', onTaskEvent);
  useRealtimeEvent('workflow:sla:warning', onTaskEvent);

  const mutation = useMutation({
    mutationKey: BOARD_KEY,
    mutationFn: ({ task, to }: { task: Task; to: Status }) =>
      // The card as shown: moved only if nobody changed the task since (else 412, and the board reloads).
      api.trpc.workflow.update.mutate({ taskId: task.task_id, updates: { task_status: to }, reason: 'moved on the board', expected_version: task.version }),
    // A resync already on its way was read before the move: its answer is dropped, not shown.
    onMutate: () => client.cancelQueries({ queryKey: BOARD_KEY }, { revert: false }),
    onSuccess: (saved) => patch((b) => place(b, saved.task_id, saved)),
    // The card goes back where it was; the error says why.
    onError: (e, { task }) => {
      patch((b) => place(b, task.task_id, task));
      const err = toApiError(e);
      showError(err);
      // Changed by someone else: the card shown is out of date, whatever else is still moving.
      if (isStaleWrite(err)) void client.invalidateQueries({ queryKey: BOARD_KEY });
    },
    onSettled: () => {
      // The last move to settle brings the truth (exact totals and order).
      if (client.isMutating({ mutationKey: BOARD_KEY }) === 1) void client.invalidateQueries({ queryKey: BOARD_KEY });
    },
  });
  const { mutateAsync } = mutation;
  const move = useCallback(
    async (task: Task, to: Status) => {
      if (task.task_status === to) return;
      // The card moves at once, in the same event as the drop or the menu choice.
      patch((b) => place(b, task.task_id, { ...task, task_status: to }));
      await mutateAsync({ task, to }).catch(() => {});
    },
    [mutateAsync, patch],
  );
  return { board, move };
}

/** What the columns and cards share for dragging and moving: the screen's drag state and `move`. */
interface DragProps {
  canWrite: boolean;
  dragging: string | null;
  setDragging: (taskId: string | null) => void;
  over: Status | null;
  setOver: Dispatch<SetStateAction<Status | null>>;
  move: (task: Task, to: Status) => Promise<void>;
}

function Column({ status, col, drag, onDrop }: { status: Status; col: Board[Status] | undefined; drag: DragProps; onDrop: ((e: DragEvent) => void) | undefined }) {
  const { canWrite, over, setOver } = drag;
  return (
    <section
      className={`column column-${status.toLowerCase()}${over === status ? ' drop-target' : ''}`}
      aria-labelledby={`col-${status}`}
      data-status={status}
      onDragOver={
        canWrite
          ? (e) => {
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (over !== status) setOver(status);
            }
          : undefined
      }
      onDragLeave={() => setOver((o) => (o === status ? null : o))}
      onDrop={onDrop}
    >
      <h2 id={`col-${status}`} className="column-head">
        {STATUS_LABEL[status]} <span className="column-count">{col ? count(col.total) : '–'}</span>
      </h2>
      <ul className="cards">
        {col?.tasks.map((t) => <Card key={t.task_id} t={t} status={status} drag={drag} />)}
        {col && col.tasks.length === 0 && <li className="empty muted">No tasks</li>}
      </ul>
      {col && col.total > col.tasks.length && (
        <Link className="column-more" to={`/tasks?status=${status}`}>
          {count(col.total - col.tasks.length)} more in the task list
        </Link>
      )}
    </section>
  );
}

function Card({ t, status, drag }: { t: Task; status: Status; drag: DragProps }) {
  const { canWrite, dragging, setDragging, move } = drag;
  return (
    <li
      className={`card${dragging === t.task_id ? ' dragging' : ''}`}
      data-task-id={t.task_id}
      draggable={canWrite}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-task-id', t.task_id);
        e.dataTransfer.effectAllowed = 'move';
        setDragging(t.task_id);
      }}
      onDragEnd={() => setDragging(null)}
    >
      <div className="card-head">
        <Link to={`/tasks/${encodeURIComponent(t.task_id)}`} className="card-title">
          {t.title}
        </Link>
        {canWrite && (
          <MenuButton
            text="Move"
            label={`Move “${t.title}”`}
            menuLabel={`Move “${t.title}” to`}
            choices={STATUSES.filter((s) => s !== status).map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
            onChoose={(to) => void move(t, to)}
          />
        )}
      </div>
      <div className="card-meta">
        <span className={`priority priority-${t.priority.toLowerCase()}`}>{t.priority}</span>
        <span>{t.workflow_category}</span>
        {t.dollar_value > 0 && <span>{money(t.dollar_value, t.currency)}</span>}
      </div>
      <div className="card-foot">
        <span className="muted">{t.owner_name ?? t.current_owner ?? 'Unassigned'}</span>
        {status !== 'COMPLETED' && <Countdown deadline={t.sla_deadline} />}
      </div>
    </li>
  );
}
