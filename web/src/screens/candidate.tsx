/** One candidate: buttons for its legal moves only, its signals and its recent activity. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toApiError, type ApiError } from '../api/errors.js';
import { useRealtimePrefix, useSession } from '../api/session-context.js';
import { workstream, type CandidateDetail, type CandidateStatus } from '../api/workstream.js';
import { ErrorNote, QueryError } from '../components/error-note.js';
import { useToast } from '../components/toasts.js';
import { dateTime } from '../lib/format.js';
import { Link, navigate } from '../lib/router.js';
import { CANDIDATE_TX } from '../../../src/workstream/transitions.js';
import { EventList } from './pursuit.js';

const MOVE_LABEL: Record<CandidateStatus, string> = {
  new: 'Back to new',
  triaged: 'Triage',
  nurture: 'Nurture',
  on_hold: 'Put on hold',
  promoted: 'Promote to pursuit',
  archived: 'Archive',
};

export function CandidateScreen({ candidateId }: { candidateId: number }) {
  const { api, canWrite } = useSession();
  const toast = useToast();
  const client = useQueryClient();
  const key = ['workstream', 'candidate', candidateId] as const;
  const c = useQuery({ queryKey: key, queryFn: () => workstream.candidate(api, candidateId) });
  const reload = () => void client.invalidateQueries({ queryKey: key });
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  useRealtimePrefix('workstream:candidate.', reload);

  if (c.error) return <QueryError error={c.error} />;
  const cand = c.data;
  if (!cand) return <div className="panel skeleton" aria-busy="true" style={{ minHeight: 240 }} />;

  async function move(to: CandidateStatus) {
    setBusy(true);
    setError(undefined);
    try {
      const moved = await workstream.moveCandidate(api, candidateId, to, cand!.version);
      if (to === 'promoted' && moved.pursuit_id !== null) {
        toast({ tone: 'success', title: 'Promoted', body: 'The pursuit is ready in stage qual.' });
        navigate(`/pipeline/pursuits/${moved.pursuit_id}`);
        return;
      }
      reload();
    } catch (err) {
      setError(toApiError(err));
      reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <CandidateHead cand={cand} />
      <CandidateMoves status={cand.status} canWrite={canWrite} busy={busy} error={error} onMove={(to) => void move(to)} />
      <div className="two-columns">
        <section className="panel" aria-labelledby="signals-title">
          <h2 id="signals-title">Signals</h2>
          {cand.signals.length === 0 && <p className="muted">No linked signals.</p>}
          <ul className="plain-list">
            {cand.signals.map((s) => (
              <li key={s.signal_id}>
                <strong>{s.source_type}</strong> {dateTime(s.ts)} — {s.snippet ?? s.problem_phrase ?? s.source_ref ?? `signal ${s.signal_id}`}
              </li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="activity-title">
          <h2 id="activity-title">Activity</h2>
          <EventList events={cand.events} />
        </section>
      </div>
    </div>
  );
}

function CandidateHead({ cand }: { cand: CandidateDetail }) {
  return (
    <div className="page-head">
      <p className="crumbs">
        <Link to="/pipeline">Pipeline</Link> / candidate {cand.candidate_id}
      </p>
      <h1>{cand.title}</h1>
      <p className="muted">
        Status <strong>{cand.status}</strong> · last touched {dateTime(cand.last_touch_at)}
        {cand.pursuit_id !== null && (
          <>
            {' '}
            · <Link to={`/pipeline/pursuits/${cand.pursuit_id}`}>its pursuit</Link>
          </>
        )}
      </p>
    </div>
  );
}

/** Buttons for the candidate's legal moves only (none for a read-only key), and why the last one failed. */
function CandidateMoves(props: { status: CandidateStatus; canWrite: boolean; busy: boolean; error: ApiError | undefined; onMove: (to: CandidateStatus) => void }) {
  const { status, canWrite, busy, error, onMove } = props;
  const moves = CANDIDATE_TX[status];
  return (
    <section className="panel" aria-labelledby="moves-title">
      <h2 id="moves-title">Move</h2>
      {moves.length === 0 ? (
        <p className="muted">This candidate is {status}: no further moves.</p>
      ) : canWrite ? (
        <div className="button-row">
          {moves.map((to) => (
            <button key={to} type="button" disabled={busy} onClick={() => onMove(to)}>
              {MOVE_LABEL[to]}
            </button>
          ))}
        </div>
      ) : (
        <p className="muted">Your key can read but not move candidates.</p>
      )}
      {error && <ErrorNote error={error} />}
    </section>
  );
}
