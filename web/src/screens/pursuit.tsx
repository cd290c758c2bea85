/**
 * One pursuit: its legal stage moves only, the submit checklist (a blocked submit names the missing
 * items), proposals, comments and activity.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { isStaleWrite, missingChecklistItems, toApiError, type ApiError } from '../api/errors.js';
import { useRealtimePrefix, useSession } from '../api/session-context.js';
import { workstream, type ChecklistItem, type PursuitDetail, type PursuitStage, type WorkEvent } from '../api/workstream.js';
import { CommentsPanel } from '../components/comments.js';
import { ErrorNote, QueryError } from '../components/error-note.js';
import { dateTime, money, shortDate } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { PURSUIT_TX } from '../../../src/workstream/transitions.js';

const STAGE_LABEL: Record<PursuitStage, string> = { qual: 'Qualify', pink: 'Pink review', red: 'Red review', submit: 'Submit', won: 'Won', lost: 'Lost' };

export function PursuitScreen({ pursuitId }: { pursuitId: number }) {
  const { api, canWrite } = useSession();
  const { p, events, error, setError, busy, act } = usePursuit(pursuitId);
  const [lostReason, setLostReason] = useState('');
  const [itemName, setItemName] = useState('');
  const [itemRequired, setItemRequired] = useState(true);

  if (p.error) return <QueryError error={p.error} />;
  const pur = p.data;
  if (!pur) return <div className="panel skeleton" aria-busy="true" style={{ minHeight: 320 }} />;

  // The stage shown is the one moved from: a pursuit changed meanwhile is refused (412) and reloaded.
  const move = (to: PursuitStage) => act(() => workstream.movePursuit(api, pursuitId, to, to === 'lost' ? lostReason.trim() : undefined));
  const addItem = (e: FormEvent) => {
    e.preventDefault();
    if (!itemName.trim()) return setError({ message: 'Name the checklist item.', status: 400, code: 'bad_request' } as ApiError);
    void act(async () => {
      await workstream.addChecklistItem(api, pursuitId, itemName.trim(), itemRequired);
      setItemName('');
    });
  };
  const checklist: ChecklistActions = {
    canWrite,
    busy,
    // Shown at once; the load after the call brings who and when (or undoes it on error).
    setDone: (itemId, isDone) =>
      void act(
        () => workstream.setChecklistDone(api, pursuitId, itemId, isDone),
        (d) => d && { ...d, checklist: d.checklist.map((c) => (c.item_id === itemId ? { ...c, is_done: isDone } : c)) },
      ),
    remove: (itemId) => void act(() => workstream.removeChecklistItem(api, pursuitId, itemId)),
  };

  return (
    <div className="stack">
      <PursuitHead pur={pur} />
      <section className="panel" aria-labelledby="stage-title">
        <h2 id="stage-title">Move</h2>
        <StageMoves pur={pur} canWrite={canWrite} busy={busy} lostReason={lostReason} onLostReason={setLostReason} onMove={(to) => void move(to)} />
        {error && <MoveError error={error} />}
      </section>
      <div className="two-columns">
        <ChecklistPanel pur={pur} actions={checklist}>
          {canWrite && (
            <form className="inline-form" onSubmit={addItem}>
              <label className="grow">
                <span className="sr-only">New checklist item</span>
                <input placeholder="New checklist item" value={itemName} onChange={(e) => setItemName(e.target.value)} aria-label="New checklist item" />
              </label>
              <label className="checkbox">
                <input type="checkbox" checked={itemRequired} onChange={(e) => setItemRequired(e.target.checked)} /> required
              </label>
              <button type="submit" disabled={busy}>
                Add
              </button>
            </form>
          )}
        </ChecklistPanel>
        <ProposalsPanel pur={pur} canWrite={canWrite} busy={busy} onAdd={() => void act(() => workstream.addProposal(api, pursuitId, {}))} />
      </div>
      <CommentsPanel item={{ item_type: 'pursuit', item_id: String(pursuitId) }} />
      <section className="panel" aria-labelledby="pursuit-activity">
        <h2 id="pursuit-activity">Activity</h2>
        <EventList events={events.data?.data ?? []} />
      </section>
    </div>
  );
}

/**
 * The pursuit and its activity, reloaded on every workstream event, and `act`, which runs a change
 * (through `mutate`, optionally shown at once) and keeps its error and busy state.
 */
function usePursuit(pursuitId: number) {
  const { api } = useSession();
  const client = useQueryClient();
  const key = ['workstream', 'pursuit', pursuitId] as const;
  const eventsKey = ['workstream', 'pursuit-events', pursuitId] as const;
  const p = useQuery({ queryKey: key, queryFn: () => workstream.pursuit(api, pursuitId) });
  const events = useQuery({ queryKey: eventsKey, queryFn: () => workstream.events(api, { item_type: 'pursuit', item_id: pursuitId, limit: 20 }) });
  const [error, setError] = useState<ApiError | undefined>();
  // No reload while a change of this page is on its way: an answer read before it would undo what is shown.
  const reload = () => {
    if (client.isMutating({ mutationKey: key }) === 0) void client.invalidateQueries({ queryKey: key });
    void client.invalidateQueries({ queryKey: eventsKey });
  };
  useRealtimePrefix('workstream:', reload);

  const change = useMutation({
    mutationKey: key,
    mutationFn: ({ fn }: { fn: () => Promise<unknown>; before: PursuitDetail | undefined; optimistic: boolean }) => fn(),
    // A load already on its way was read before this change: its answer is dropped, not shown.
    onMutate: () => client.cancelQueries({ queryKey: key }, { revert: false }),
    // What was shown at once is put back; the error says why.
    onError: (err, { before, optimistic }) => {
      if (optimistic) client.setQueryData(key, before);
      setError(toApiError(err));
    },
    onSettled: () => {
      // The last change to settle brings the truth (who ticked an item and when, a new stage).
      if (client.isMutating({ mutationKey: key }) === 1) void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: eventsKey });
    },
  });

  /** Runs a change of the pursuit, shown at once (in the same event, so a checkbox never flickers back) through `optimistic` if given. */
  async function act(fn: () => Promise<unknown>, optimistic?: Optimistic) {
    setError(undefined);
    const before = client.getQueryData<PursuitDetail>(key);
    if (optimistic) client.setQueryData<PursuitDetail>(key, optimistic);
    await change.mutateAsync({ fn, before, optimistic: optimistic !== undefined }).catch(() => {});
  }
  return { p, events, error, setError, busy: change.isPending, act };
}

type Optimistic = (d: PursuitDetail | undefined) => PursuitDetail | undefined;

function PursuitHead({ pur }: { pur: PursuitDetail }) {
  return (
    <div className="page-head">
      <p className="crumbs">
        <Link to="/pipeline">Pipeline</Link> / pursuit {pur.pursuit_id}
      </p>
      <h1>{pur.title ?? `Pursuit ${pur.pursuit_id}`}</h1>
      <p className="muted">
        Stage <strong data-testid="pursuit-stage">{pur.pursuit_stage}</strong> · due {shortDate(pur.due_date)} · value{' '}
        {pur.value === null ? '—' : money(pur.value)} · <Link to={`/pipeline/candidates/${pur.candidate_id}`}>candidate</Link>
      </p>
    </div>
  );
}

/** Buttons for the pursuit's legal moves only (none for a read-only key); losing asks why. */
function StageMoves(props: {
  pur: PursuitDetail;
  canWrite: boolean;
  busy: boolean;
  lostReason: string;
  onLostReason: (reason: string) => void;
  onMove: (to: PursuitStage) => void;
}) {
  const { pur, canWrite, busy, lostReason, onLostReason, onMove } = props;
  const moves = PURSUIT_TX[pur.pursuit_stage];
  if (moves.length === 0) return <p className="muted">This pursuit is {pur.pursuit_stage}{pur.lost_reason ? ` (${pur.lost_reason})` : ''}: no further moves.</p>;
  if (!canWrite) return <p className="muted">Your key can read but not move pursuits.</p>;
  return (
    <div className="button-row">
      {moves.map((to) =>
        to === 'lost' ? (
          <span key={to} className="inline-form">
            <label>
              <span className="sr-only">Reason for losing</span>
              <input placeholder="Why was it lost?" value={lostReason} onChange={(e) => onLostReason(e.target.value)} aria-label="Reason for losing" />
            </label>
            <button type="button" className="button-danger" disabled={busy || !lostReason.trim()} onClick={() => onMove(to)}>
              Mark lost
            </button>
          </span>
        ) : (
          <button key={to} type="button" disabled={busy} onClick={() => onMove(to)}>
            {to === 'won' ? 'Mark won' : `Move to ${STAGE_LABEL[to]}`}
          </button>
        ),
      )}
    </div>
  );
}

/** Why a change failed; a blocked submit names the checklist items still missing. */
function MoveError({ error }: { error: ApiError }) {
  if (isStaleWrite(error)) return <ErrorNote error={error} />;
  const missing = missingChecklistItems(error);
  return (
    <div className="error-note" role="alert">
      <strong>{error.message}</strong>
      {missing.length > 0 && (
        <>
          <span> Finish these first:</span>
          <ul className="missing-items">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface ChecklistActions {
  canWrite: boolean;
  busy: boolean;
  setDone: (itemId: number, isDone: boolean) => void;
  remove: (itemId: number) => void;
}

/** The submit checklist with its readiness; `children` is the form that adds an item. */
function ChecklistPanel({ pur, actions, children }: { pur: PursuitDetail; actions: ChecklistActions; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby="checklist-title">
      <h2 id="checklist-title">
        Submit checklist{' '}
        <span className={`readiness ${pur.readiness.is_ready ? 'ready' : 'not-ready'}`}>
          {pur.readiness.required_done}/{pur.readiness.required_total} required done{pur.readiness.is_ready ? ' · ready' : ''}
        </span>
      </h2>
      <ul className="checklist">
        {pur.checklist.map((item) => (
          <ChecklistRow key={item.item_id} item={item} actions={actions} />
        ))}
        {pur.checklist.length === 0 && <li className="muted">No checklist items.</li>}
      </ul>
      {children}
    </section>
  );
}

function ChecklistRow({ item, actions }: { item: ChecklistItem; actions: ChecklistActions }) {
  const { canWrite, busy, setDone, remove } = actions;
  return (
    <li>
      <label className="checkbox">
        <input type="checkbox" checked={item.is_done} disabled={!canWrite || busy} onChange={(e) => setDone(item.item_id, e.target.checked)} />
        {item.name}
        {item.is_required ? <span className="required"> (required)</span> : <span className="muted"> (optional)</span>}
      </label>
      {item.is_done && item.done_by && (
        <span className="muted small">
          {' '}
          done by {item.done_by}, {dateTime(item.done_at)}
        </span>
      )}
      {canWrite && (
        <button type="button" className="icon-button" aria-label={`Remove ${item.name}`} disabled={busy} onClick={() => remove(item.item_id)}>
          ×
        </button>
      )}
    </li>
  );
}

function ProposalsPanel({ pur, canWrite, busy, onAdd }: { pur: PursuitDetail; canWrite: boolean; busy: boolean; onAdd: () => void }) {
  return (
    <section className="panel" aria-labelledby="proposals-title">
      <h2 id="proposals-title">Proposals</h2>
      <ul className="plain-list">
        {pur.proposals.map((pr) => (
          <li key={pr.proposal_id}>
            <strong>v{pr.version}</strong> {pr.status} {pr.subject ? `— ${pr.subject}` : ''} <span className="muted">{dateTime(pr.created_at)}</span>
            {pr.sent_at && <span className="muted"> · sent {dateTime(pr.sent_at)}</span>}
          </li>
        ))}
        {pur.proposals.length === 0 && <li className="muted">No proposals yet.</li>}
      </ul>
      {canWrite && !['won', 'lost'].includes(pur.pursuit_stage) && (
        <button type="button" disabled={busy} onClick={onAdd}>
          New proposal version
        </button>
      )}
    </section>
  );
}

export function EventList({ events }: { events: WorkEvent[] }) {
  if (events.length === 0) return <p className="muted">No activity yet.</p>;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.work_event_id}>
          <span className="timeline-when">{dateTime(e.happened_at)}</span> <strong>{e.event_name}</strong>
          {e.actor && <span className="muted"> by {e.actor}</span>}
        </li>
      ))}
    </ol>
  );
}
