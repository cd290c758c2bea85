/**
 * Webhook endpoints (admins): register one (its signing secret shown once), change its URL and
 * event filter, pause or resume it, rotate its secret, delete it; and per endpoint the delivery log,
 * paged, with a redrive for a delivery that did not get through. Pause/resume and delete show at
 * once and roll back when the API refuses; another admin's changes arrive as audit events.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/errors.js';
import { optimisticChange } from '../../api/optimistic.js';
import { useInvalidateOn } from '../../api/query.js';
import { useSession } from '../../api/session-context.js';
import { DELIVERY_PAGE, webhookKeys, webhooks, WEBHOOK_PAGE, type Delivery, type Webhook, type WebhookInput } from '../../api/webhooks.js';
import type { Page } from '../../api/workstream.js';
import { FormFooter } from '../../components/form-footer.js';
import { ErrorNote } from '../../components/error-note.js';
import { errorFor, FieldError, fieldErrorsOf, invalidProps } from '../../components/field-error.js';
import { TableHead } from '../../components/table-head.js';
import { count, dateTime } from '../../lib/format.js';

/** While a log is open it is refetched this often: attempts are not realtime events. */
const LOG_POLL_MS = 3000;

interface ShownSecret {
  url: string;
  secret: string;
  why: 'created' | 'rotated';
  /** After a rotation: until when the replaced secret still signs beside the new one. */
  previousUntil?: string | null;
}

const parseEvents = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export function WebhooksScreen() {
  // Another admin's change (or this one's, from another tab) is an audit event.
  useInvalidateOn('workstream:audit.webhook.', webhookKeys.list());
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Webhooks</h1>
        <p className="muted">Endpoints that receive this organisation’s events as signed HTTP POSTs, and what each delivery attempt got back.</p>
      </div>
      {secret && <SecretNotice shown={secret} onDone={() => setSecret(null)} />}
      <CreateEndpoint onSecret={setSecret} />
      <EndpointList onSecret={setSecret} />
    </div>
  );
}

function SecretNotice({ shown, onDone }: { shown: ShownSecret; onDone: () => void }) {
  return (
    <section className="panel secret-notice" role="status" aria-labelledby="secret-title">
      <h2 id="secret-title">{shown.why === 'created' ? 'Endpoint added' : 'Secret rotated'}: copy its signing secret now</h2>
      <p>
        The secret of <span className="wrap-anywhere">{shown.url}</span> is shown only this once. Receivers verify each request’s <code>webhook-signature</code> with
        it (any Standard Webhooks library).
        {shown.previousUntil && <> The replaced secret keeps signing beside it until {dateTime(shown.previousUntil)}: switch receivers before then.</>}
      </p>
      <p>
        <code className="secret-value" data-field="secret">
          {shown.secret}
        </code>
      </p>
      <button type="button" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}

/** URL and events inputs, shared by the create and edit forms. */
function EndpointFields({ idPrefix, url, events, setUrl, setEvents, error, focus }: {
  idPrefix: string;
  /** Focus the URL when the fields appear on request (editing). */
  focus?: boolean;
  url: string;
  events: string;
  setUrl: (v: string) => void;
  setEvents: (v: string) => void;
  error: ApiError | null;
}) {
  const errors = fieldErrorsOf(error);
  const urlError = errorFor(errors, 'url');
  const eventsError = errorFor(errors, 'events');
  return (
    <>
      <label className="grow" htmlFor={`${idPrefix}-url`}>
        URL
        <input id={`${idPrefix}-url`} type="text" inputMode="url" autoFocus={focus} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.example.com/flowledger" {...invalidProps(`${idPrefix}-url`, urlError)} />
        <FieldError id={`${idPrefix}-url`} message={urlError} />
      </label>
      <label className="grow" htmlFor={`${idPrefix}-events`}>
        Events (blank for every event)
        <input
          id={`${idPrefix}-events`}
          value={events}
          onChange={(e) => setEvents(e.target.value)}
          placeholder="pursuit.won, task.*"
          aria-describedby={eventsError ? `${idPrefix}-events-error` : `${idPrefix}-events-hint`}
          aria-invalid={eventsError ? true : undefined}
        />
        <span className="small muted" id={`${idPrefix}-events-hint`}>
          Names such as pursuit.won or patterns such as task.*, separated by commas.
        </span>
        <FieldError id={`${idPrefix}-events`} message={eventsError} />
      </label>
    </>
  );
}

function CreateEndpoint({ onSecret }: { onSecret: (s: ShownSecret) => void }) {
  const { api } = useSession();
  const client = useQueryClient();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('');
  const create = useMutation({
    mutationFn: (body: WebhookInput) => webhooks.create(api, body),
    onSuccess: (w) => {
      setUrl('');
      setEvents('');
      onSecret({ url: w.url, secret: w.secret, why: 'created' });
      void client.invalidateQueries({ queryKey: webhookKeys.list() });
    },
  });
  const error = create.error ? toApiError(create.error) : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ url: url.trim(), events: parseEvents(events) });
  }
  return (
    <section className="panel" aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">Add an endpoint</h2>
      <form className="inline-form" onSubmit={submit} noValidate aria-label="Add an endpoint">
        <EndpointFields idPrefix="new-webhook" url={url} events={events} setUrl={setUrl} setEvents={setEvents} error={error} />
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add endpoint'}
        </button>
      </form>
      {error && <ErrorNote error={error} />}
    </section>
  );
}

function EndpointList({ onSecret }: { onSecret: (s: ShownSecret) => void }) {
  const { api } = useSession();
  const client = useQueryClient();
  const list = useQuery({ queryKey: webhookKeys.list(), queryFn: () => webhooks.list(api) });
  // Here, not in the card: the card is gone while the delete runs, and a refusal is shown here.
  const remove = useMutation({
    mutationFn: (id: number) => webhooks.remove(api, id),
    ...optimisticChange<ListPage, number>(client, webhookKeys.list(), (old, id) => ({
      data: old.data.filter((x) => x.webhook_id !== id),
      pagination: { ...old.pagination, total: old.pagination.total - 1 },
    })),
  });
  const page = list.data;
  return (
    <>
      {list.error && <ErrorNote error={toApiError(list.error)} />}
      {remove.error ? <ErrorNote error={toApiError(remove.error)} /> : null}
      {list.isPending && (
        <p className="muted" aria-busy="true">
          Loading endpoints…
        </p>
      )}
      {page?.data.length === 0 && <p className="panel muted">No endpoints yet: add one above, and events start going out to it at once.</p>}
      {page && page.data.length > 0 && (
        <ul className="webhook-list" aria-label="Webhook endpoints">
          {page.data.map((w) => (
            <EndpointCard key={w.webhook_id} w={w} onSecret={onSecret} onDelete={(id) => remove.mutate(id)} />
          ))}
        </ul>
      )}
      {page && page.pagination.total > page.data.length && (
        <p className="muted">
          Showing the first {count(WEBHOOK_PAGE)} of {count(page.pagination.total)} endpoints.
        </p>
      )}
    </>
  );
}

type ListPage = Page<Webhook>;

function EndpointCard({ w, onSecret, onDelete }: { w: Webhook; onSecret: (s: ShownSecret) => void; onDelete: (id: number) => void }) {
  const { api } = useSession();
  const client = useQueryClient();
  const key = webhookKeys.list();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const headingId = useId();
  const logId = useId();

  const toggle = useMutation({
    mutationFn: (is_active: boolean) => webhooks.update(api, w.webhook_id, { is_active }),
    ...optimisticChange<ListPage, boolean>(client, key, (old, is_active) => ({
      ...old,
      data: old.data.map((x) => (x.webhook_id === w.webhook_id ? { ...x, is_active } : x)),
    })),
  });
  const rotate = useMutation({
    mutationFn: () => webhooks.update(api, w.webhook_id, { rotate_secret: true }),
    onSuccess: (r) => {
      if (r.secret) onSecret({ url: r.url, secret: r.secret, why: 'rotated', previousUntil: r.previous_secret_expires_at ?? null });
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const failure = toggle.error ?? rotate.error;

  return (
    <li className="panel webhook" data-webhook-id={w.webhook_id}>
      <div className="panel-head">
        <h2 id={headingId} className="wrap-anywhere">
          {w.url}
        </h2>
        <span className={`wh-state ${w.is_active ? 'wh-active' : 'wh-paused'}`} data-field="state">
          <span aria-hidden="true">{w.is_active ? '● ' : '‖ '}</span>
          {w.is_active ? 'Active' : 'Paused'}
        </span>
      </div>
      <dl className="mailbox-facts">
        <div>
          <dt>Events</dt>
          <dd data-field="events">{w.events.length === 0 ? 'Every event' : w.events.join(', ')}</dd>
        </div>
        <div>
          <dt>Secret</dt>
          <dd>
            <code>{w.secret_prefix}…</code>
          </dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>{dateTime(w.created_at)}</dd>
        </div>
      </dl>
      {editing ? (
        <EditEndpoint w={w} onClose={() => setEditing(false)} />
      ) : (
        <div className="button-row">
          <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="button-quiet" onClick={() => toggle.mutate(!w.is_active)}>
            {w.is_active ? 'Pause' : 'Resume'}
          </button>
          <button type="button" className="button-quiet" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
            Rotate secret
          </button>
          <button type="button" className="button-quiet" aria-expanded={logOpen} aria-controls={logId} onClick={() => setLogOpen(!logOpen)}>
            {logOpen ? 'Hide deliveries' : 'Deliveries'}
          </button>
          {confirmDelete ? (
            <span className="confirm" role="group" aria-label="Confirm deletion">
              <span>Delete this endpoint and its delivery log?</span>
              <button type="button" className="button-danger" onClick={() => onDelete(w.webhook_id)}>
                Yes, delete
              </button>
              <button type="button" className="button-quiet" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" className="button-quiet" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          )}
        </div>
      )}
      {failure ? <ErrorNote error={toApiError(failure)} /> : null}
      <div id={logId}>{logOpen && <DeliveryLog w={w} />}</div>
    </li>
  );
}

function EditEndpoint({ w, onClose }: { w: Webhook; onClose: () => void }) {
  const { api } = useSession();
  const client = useQueryClient();
  const [url, setUrl] = useState(w.url);
  const [events, setEvents] = useState(w.events.join(', '));
  const save = useMutation({
    mutationFn: (body: WebhookInput) => webhooks.update(api, w.webhook_id, body),
    onSuccess: (saved) => {
      client.setQueryData<ListPage>(webhookKeys.list(), (old) => old && { ...old, data: old.data.map((x) => (x.webhook_id === saved.webhook_id ? saved : x)) });
      onClose();
    },
  });
  const error = save.error ? toApiError(save.error) : null;
  const idPrefix = `edit-webhook-${w.webhook_id}`;
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ url: url.trim(), events: parseEvents(events) });
  }
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={`Edit ${w.url}`}>
      <EndpointFields focus idPrefix={idPrefix} url={url} events={events} setUrl={setUrl} setEvents={setEvents} error={error} />
      <FormFooter submit={'Save'} pending={save.isPending} onCancel={onClose} error={error} />
    </form>
  );
}

function DeliveryLog({ w }: { w: Webhook }) {
  const { api } = useSession();
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: webhookKeys.deliveries(w.webhook_id, page),
    queryFn: () => webhooks.deliveries(api, w.webhook_id, page),
    placeholderData: keepPreviousData,
    refetchInterval: LOG_POLL_MS,
  });
  const data = log.data;
  const pages = data ? Math.max(1, Math.ceil(data.pagination.total / DELIVERY_PAGE)) : 1;
  // An event with a 2xx on this page is delivered: its failed attempts need no redrive.
  const delivered = new Set(data?.data.filter((d) => d.succeeded).map((d) => d.work_event_id));
  return (
    <section className="delivery-log" aria-label={`Deliveries to ${w.url}`}>
      <h3>Delivery log</h3>
      {log.error && <ErrorNote error={toApiError(log.error)} />}
      {data?.data.length === 0 && <p className="muted">No delivery attempts yet.</p>}
      {data && data.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Delivery attempts to {w.url}, newest first</caption>
            <TableHead columns={['Time', 'Event', { label: 'Attempt', num: true }, 'Result', { label: 'HTTP', num: true }, 'Error']} action="Action" />
            <tbody>
              {data.data.map((d) => (
                <DeliveryRow key={d.delivery_id} w={w} d={d} delivered={delivered.has(d.work_event_id)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && pages > 1 && (
        <nav className="pager" aria-label="Delivery log pages">
          <button type="button" className="button-quiet" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button type="button" className="button-quiet" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Older
          </button>
        </nav>
      )}
    </section>
  );
}

function DeliveryRow({ w, d, delivered }: { w: Webhook; d: Delivery; delivered: boolean }) {
  const { api } = useSession();
  const client = useQueryClient();
  const redrive = useMutation({
    mutationFn: () => webhooks.redrive(api, w.webhook_id, d.delivery_id),
    onSettled: () => client.invalidateQueries({ queryKey: ['webhooks', 'deliveries', w.webhook_id] }),
  });
  const error = redrive.error ? toApiError(redrive.error) : null;
  return (
    <tr data-delivery-id={d.delivery_id}>
      <td>
        <time dateTime={d.created_at}>{dateTime(d.created_at)}</time>
      </td>
      <td className="num">{d.work_event_id}</td>
      <td className="num">{d.attempt}</td>
      <td data-field="result">
        {d.succeeded ? (
          <span className="status status-green">
            <span aria-hidden="true">✓ </span>Delivered
          </span>
        ) : (
          <span className="status status-red">
            <span aria-hidden="true">! </span>Failed
          </span>
        )}
      </td>
      <td className="num">{d.status_code ?? '—'}</td>
      <td className="wrap-anywhere">{d.error ?? ''}</td>
      <td>
        {!d.succeeded && !delivered && !redrive.isSuccess && (
          <button type="button" className="button-quiet" onClick={() => redrive.mutate()} disabled={redrive.isPending} aria-label={`Redrive delivery ${d.delivery_id}`}>
            Redrive
          </button>
        )}
        {redrive.isSuccess && <span role="status">Queued again</span>}
        {error && (
          <span className="field-error" role="alert">
            {error.message}
          </span>
        )}
      </td>
    </tr>
  );
}
