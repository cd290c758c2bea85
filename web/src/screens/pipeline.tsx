/**
 * The sales pipeline: the Today panel (what needs attention, red/amber/green, exactly as the API
 * ranks it), open candidates and pursuits, and a quick way to add a candidate.
 */
import { keepPreviousData, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toApiError } from '../api/errors.js';
import { useRealtimePrefix, useSession } from '../api/session-context.js';
import { workstream, type Candidate, type CandidateStatus, type Page, type Pursuit, type PursuitStage, type Stats, type TodayItem } from '../api/workstream.js';
import { ErrorNote, QueryError, type ShownError } from '../components/error-note.js';
import { count, dateTime, money, shortDate } from '../lib/format.js';
import { Link, navigate } from '../lib/router.js';
import { useThrottled } from '../lib/timing.js';
import { useDirectory } from '../api/people.js';
import { CANDIDATE_STATUSES, PURSUIT_STAGES } from '../../../src/workstream/transitions.js';

/** Everything on the screen: reloaded together on any workstream event. */
const PIPELINE_KEY = ['workstream', 'pipeline'] as const;

const BADGE_LABEL = { red: 'SLA breach', amber: 'Needs attention', green: 'On track' } as const;

export function PipelineScreen() {
  const { api, canWrite, account } = useSession();
  const [candStatus, setCandStatus] = useState<CandidateStatus | ''>('');
  const [stage, setStage] = useState<PursuitStage | ''>('');
  const [mine, setMine] = useState(false);
  const client = useQueryClient();
  const today = useQuery({ queryKey: [...PIPELINE_KEY, 'today'], queryFn: () => workstream.today(api) });
  const stats = useQuery({ queryKey: [...PIPELINE_KEY, 'stats'], queryFn: () => workstream.stats(api) });
  const candidates = useQuery({
    queryKey: [...PIPELINE_KEY, 'candidates', candStatus],
    queryFn: () => workstream.candidates(api, { limit: 20, ...(candStatus ? { status: candStatus } : {}) }),
    placeholderData: keepPreviousData,
  });
  const pursuits = useQuery({
    queryKey: [...PIPELINE_KEY, 'pursuits', stage, mine],
    queryFn: () => workstream.pursuits(api, { limit: 20, ...(stage ? { stage } : {}), ...(mine ? { owner_user_id: 'me' as const } : {}) }),
    placeholderData: keepPreviousData,
  });

  const reloadAll = useThrottled(() => void client.invalidateQueries({ queryKey: PIPELINE_KEY }), 1500);
  // Workstream work events reach the browser as `workstream:<event>` (any change of the pipeline).
  useRealtimePrefix('workstream:', reloadAll);

  const [title, setTitle] = useState('');
  const [createError, setCreateError] = useState<ShownError | undefined>();
  async function createCandidate(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) return setCreateError({ message: 'Give the candidate a title.' });
    try {
      const c = await workstream.createCandidate(api, title.trim());
      setTitle('');
      setCreateError(undefined);
      navigate(`/pipeline/candidates/${c.candidate_id}`);
    } catch (err) {
      setCreateError(toApiError(err));
    }
  }

  return (
    <div className="stack">
      <PipelineHead stats={stats.data} />
      <TodayPanel today={today} />
      <div className="two-columns">
        <section className="panel" aria-labelledby="candidates-title">
          <div className="panel-head">
            <h2 id="candidates-title">Candidates</h2>
            <label>
              <span className="sr-only">Candidate status</span>
              <select value={candStatus} onChange={(e) => setCandStatus(e.target.value as CandidateStatus | '')} aria-label="Candidate status">
                <option value="">All statuses</option>
                {CANDIDATE_STATUSES.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
          </div>
          {canWrite && (
            <form className="inline-form" onSubmit={createCandidate}>
              <label className="grow">
                <span className="sr-only">New candidate title</span>
                <input placeholder="New candidate title" value={title} onChange={(e) => setTitle(e.target.value)} aria-label="New candidate title" />
              </label>
              <button type="submit">Add candidate</button>
            </form>
          )}
          {createError && <ErrorNote error={createError} />}
          <CandidatesTable candidates={candidates} />
        </section>
        <PursuitsPanel stage={stage} onStage={setStage} pursuits={pursuits} mine={account ? { on: mine, set: setMine } : null} />
      </div>
    </div>
  );
}

function PipelineHead({ stats }: { stats: Stats | undefined }) {
  return (
    <div className="page-head">
      <h1>Pipeline</h1>
      {/* Always rendered (one line) so the figures arriving do not push the page down. */}
      <p className="muted">
        {stats ? (
          <>
            {count(stats.signals.total)} signals ({count(stats.signals.recent)} this week) · {count(stats.candidates.total)} candidates ·{' '}
            {count(stats.pursuits.total)} pursuits
          </>
        ) : (
          '\u00a0'
        )}
      </p>
    </div>
  );
}

function TodayPanel({ today }: { today: UseQueryResult<TodayItem[]> }) {
  return (
    <section className="panel" aria-labelledby="today-title">
      <h2 id="today-title">Today</h2>
      <QueryError error={today.error} />
      <ul className="today-list">
        {(today.data ?? []).map((i) => (
          // The badge alone carries the colour (with its words, for who cannot tell the colours apart); the row stays plain and readable.
          <li key={`${i.item_type}-${i.item_id}`} className="today-item" data-item={`${i.item_type}-${i.item_id}`} data-badge={i.badge}>
            <span className={`badge badge-${i.badge}`}>{BADGE_LABEL[i.badge]}</span>
            <Link to={`/pipeline/${i.item_type === 'candidate' ? 'candidates' : 'pursuits'}/${i.item_id}`}>{i.title ?? `${i.item_type} ${i.item_id}`}</Link>
            <span className="muted">
              {i.item_type} · {i.status}
              {i.due_date ? ` · due ${shortDate(i.due_date)}` : ''}
              {i.sla_metric ? ` · breach: ${i.sla_metric}` : ''}
            </span>
          </li>
        ))}
        {today.data?.length === 0 && <li className="muted">Nothing open. A quiet day.</li>}
      </ul>
    </section>
  );
}

function CandidatesTable({ candidates }: { candidates: UseQueryResult<Page<Candidate>> }) {
  return (
    <>
      <QueryError error={candidates.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Last touch</th>
          </tr>
        </thead>
        <tbody>
          {(candidates.data?.data ?? []).map((c) => (
            <tr key={c.candidate_id}>
              <th scope="row">
                <Link to={`/pipeline/candidates/${c.candidate_id}`}>{c.title}</Link>
              </th>
              <td>{c.status}</td>
              <td>{dateTime(c.last_touch_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function PursuitsPanel(props: {
  stage: PursuitStage | '';
  onStage: (stage: PursuitStage | '') => void;
  pursuits: UseQueryResult<Page<Pursuit>>;
  /** "My pursuits", for a person signed in (a key has no person). */
  mine: { on: boolean; set: (on: boolean) => void } | null;
}) {
  const { stage, onStage, pursuits, mine } = props;
  const directory = useDirectory();
  const nameOf = (owner: string | null) => (owner === null ? undefined : directory.data?.find((p) => String(p.user_id) === owner)?.name);
  return (
    <section className="panel" aria-labelledby="pursuits-title">
      <div className="panel-head">
        <h2 id="pursuits-title">Pursuits</h2>
        <select value={stage} onChange={(e) => onStage(e.target.value as PursuitStage | '')} aria-label="Pursuit stage">
          <option value="">All stages</option>
          {PURSUIT_STAGES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        {mine && (
          <label className="checkbox">
            <input type="checkbox" checked={mine.on} onChange={(e) => mine.set(e.target.checked)} />
            Mine
          </label>
        )}
      </div>
      <QueryError error={pursuits.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Pursuit</th>
            <th scope="col">Stage</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">Value</th>
          </tr>
        </thead>
        <tbody>
          {(pursuits.data?.data ?? []).map((p) => (
            <tr key={p.pursuit_id}>
              <th scope="row">
                <Link to={`/pipeline/pursuits/${p.pursuit_id}`}>{p.title ?? `Pursuit ${p.pursuit_id}`}</Link>
              </th>
              <td>{p.pursuit_stage}</td>
              <td>{nameOf(p.owner_user_id) ?? <span className="muted">{p.owner_user_id === null ? 'Unassigned' : 'Former member'}</span>}</td>
              <td>{shortDate(p.due_date)}</td>
              <td className="num">{p.value === null ? '—' : money(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
