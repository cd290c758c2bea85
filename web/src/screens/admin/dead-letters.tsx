/**
 * Admin → Dead letters: the outbox queue's figures, then the events it gave up on (newest first,
 * paged): inspect one (payload, attempts, last error), retry it (due now with a fresh attempt
 * budget) or discard it for good. Both leave the list at once and come back if the API refuses
 * (409: no longer dead-lettered, e.g. retried elsewhere). Being dead-lettered is not an event, so
 * the figures are polled; a discard by another admin (`audit.dead_letter.*`) reloads the list.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { admin, ADMIN_PAGE, adminKeys, type DeadLetter } from '../../api/admin.js';
import { useInvalidateOn } from '../../api/query.js';
import { useSession } from '../../api/session-context.js';
import type { Page } from '../../api/workstream.js';
import { count, dateTime, span } from '../../lib/format.js';
import { ActionError, AdminTable, ConfirmButton, LoadState, Pager, useOptimisticMutation } from './admin-kit.js';

const STATS_POLL_MS = 10_000;

export function DeadLettersScreen() {
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Dead letters</h1>
        <p className="muted">
          Work the outbox gave up on after its retries (a webhook receiver that kept failing, a mail with no recipient). Retry one once the cause is fixed, or
          discard it.
        </p>
      </div>
      <QueueFigures />
      <DeadLetterList />
    </div>
  );
}

function QueueFigures() {
  const { api } = useSession();
  const stats = useQuery({ queryKey: adminKeys.outboxStats, queryFn: () => admin.outboxStats(api), refetchInterval: STATS_POLL_MS });
  const s = stats.data;
  const figures: Array<[string, string]> = s
    ? [
        ['Pending', count(s.pending)],
        ['In flight', count(s.in_flight)],
        ['Failed, waiting to retry', count(s.failed_waiting)],
        ['Dead-lettered', count(s.dead_lettered)],
        ['Oldest pending', s.oldest_pending_age_s === null ? '—' : span(s.oldest_pending_age_s * 1000)],
      ]
    : [];
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">Outbox queue</h2>
      <LoadState error={stats.error} loading={stats.isPending} what="the queue" />
      {s && (
        <dl className="figures">
          {figures.map(([label, value]) => (
            <div key={label} className="figure" data-figure={label}>
              <dt className="figure-label">{label}</dt>
              <dd className="figure-value">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function DeadLetterList() {
  const { api } = useSession();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const key = [...adminKeys.deadLetters, page];
  const list = useQuery({ queryKey: key, queryFn: () => admin.deadLetters(api, page), placeholderData: keepPreviousData });
  useInvalidateOn('workstream:audit.dead_letter.', adminKeys.deadLetters, adminKeys.outboxStats);
  const without = (old: Page<DeadLetter>, id: number): Page<DeadLetter> => ({
    data: old.data.filter((d) => d.work_event_id !== id),
    pagination: { ...old.pagination, total: Math.max(0, old.pagination.total - 1) },
  });
  const retry = useOptimisticMutation(key, (id: number) => admin.retryDeadLetter(api, id), without, [adminKeys.deadLetters, adminKeys.outboxStats]);
  const discard = useOptimisticMutation(key, (id: number) => admin.discardDeadLetter(api, id), without, [adminKeys.deadLetters, adminKeys.outboxStats]);
  const act = (m: typeof retry | typeof discard, id: number, said: string) => {
    setDone(null);
    m.mutate(id, { onSuccess: () => setDone(said) });
  };

  const p = list.data;
  return (
    <section className="panel" aria-labelledby="dead-title">
      <h2 id="dead-title">Dead-lettered events</h2>
      <ActionError error={retry.error ?? discard.error} />
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
      <LoadState error={list.error} loading={list.isPending} what="dead letters" />
      {p?.data.length === 0 && <p className="muted">No dead letters: everything the outbox was given has been delivered or is still being retried.</p>}
      {p && p.data.length > 0 && (
        <AdminTable labelledBy="dead-title" columns={['Event', 'Item', '#Attempts', 'Last error', 'Dead-lettered']} actions>
          {p.data.map((d) => (
            <tbody key={d.work_event_id} data-event-id={d.work_event_id}>
              <tr>
                <th scope="row">
                  {d.event_name} <span className="muted">#{d.work_event_id}</span>
                </th>
                <td>
                  {d.item_type} {d.item_id}
                </td>
                <td className="num">{count(d.attempts)}</td>
                <td className="small">{firstLine(d.last_error)}</td>
                <td>
                  <time dateTime={d.dead_letter_at}>{dateTime(d.dead_letter_at)}</time>
                </td>
                <td>
                  <span className="button-row">
                    <button
                      type="button"
                      className="button-quiet"
                      aria-expanded={open === d.work_event_id}
                      aria-controls={`dead-${d.work_event_id}`}
                      aria-label={`Inspect event ${d.work_event_id}`}
                      onClick={() => setOpen(open === d.work_event_id ? null : d.work_event_id)}
                    >
                      Inspect
                    </button>
                    <button type="button" aria-label={`Retry event ${d.work_event_id}`} onClick={() => act(retry, d.work_event_id, `Event ${d.work_event_id} is queued again.`)}>
                      Retry
                    </button>
                    <ConfirmButton
                      label="Discard"
                      of={`event ${d.work_event_id}`}
                      confirmLabel="Discard for good"
                      onConfirm={() => act(discard, d.work_event_id, `Event ${d.work_event_id} is discarded.`)}
                    />
                  </span>
                </td>
              </tr>
              {open === d.work_event_id && (
                <tr id={`dead-${d.work_event_id}`}>
                  <td colSpan={6}>
                    <Inspect d={d} />
                  </td>
                </tr>
              )}
            </tbody>
          ))}
        </AdminTable>
      )}
      {p && <Pager page={p.pagination.page} limit={ADMIN_PAGE} total={p.pagination.total} noun="dead letters" onPage={setPage} />}
    </section>
  );
}

const firstLine = (s: string | null) => (s ? (s.split('\n')[0] ?? '').slice(0, 140) : '—');

function Inspect({ d }: { d: DeadLetter }) {
  return (
    <div className="stack" data-testid="inspect">
      <dl className="mailbox-facts">
        <div>
          <dt>Created</dt>
          <dd>{dateTime(d.created_at)}</dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>{count(d.attempts)}</dd>
        </div>
        <div>
          <dt>Dead-lettered</dt>
          <dd>{dateTime(d.dead_letter_at)}</dd>
        </div>
      </dl>
      <div>
        <strong>Last error</strong>
        <pre className="code-block" data-field="last-error">
          {d.last_error ?? '—'}
        </pre>
      </div>
      <div>
        <strong>Payload</strong>
        <pre className="code-block" data-field="payload">
          {JSON.stringify(d.payload, null, 2)}
        </pre>
      </div>
    </div>
  );
}
