/**
 * The org's IMAP mailboxes and their health (admin keys only, as the API): state, connection, last
 * sync, last error, messages ingested and each folder's first-sync progress. Reloaded on the
 * `mailbox.*` events and finished ingest batches (a first sync commits page by page), and polled
 * every 5 s while visible, since connecting → syncing → watching are not events.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { mailboxes, MAILBOX_PAGE, type FolderStatus, type Mailbox, type MailboxState } from '../api/mailboxes.js';
import { useRealtimeEvent, useRealtimePrefix, useSession } from '../api/session-context.js';
import { QueryError } from '../components/error-note.js';
import { ago, count, dateTime } from '../lib/format.js';
import { useThrottled } from '../lib/timing.js';
import { useNow } from '../lib/use-now.js';

const POLL_MS = 5000;
const MAILBOXES_KEY = ['mailboxes'] as const;

/** Each state in words, with a symbol so it never rests on colour alone. */
const STATE: Record<MailboxState, { label: string; symbol: string; hint: string }> = {
  watching: { label: 'Watching', symbol: '●', hint: 'Connected; new mail arrives as it is delivered.' },
  syncing: { label: 'Syncing', symbol: '↻', hint: 'Connected; reading the mail above the checkpoint.' },
  connecting: { label: 'Connecting', symbol: '…', hint: 'Opening the connection (again, after an error, with backoff).' },
  idle: { label: 'Idle', symbol: '○', hint: 'Waiting for a worker to pick it up.' },
  error: { label: 'Error', symbol: '!', hint: 'The last attempt failed; it is retried with backoff.' },
  disabled: { label: 'Disabled', symbol: '–', hint: 'Not watched until it is enabled again.' },
};

export function MailboxesScreen() {
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Mailboxes</h1>
        <p className="muted">The IMAP mailboxes FlowLedger watches: mail delivered to them becomes signals and tasks on its own.</p>
      </div>
      <MailboxList />
    </div>
  );
}

function MailboxList() {
  const { api } = useSession();
  const client = useQueryClient();
  // Polled while the page is visible (and at once when it is shown again): connecting → syncing →
  // watching are not events.
  const list = useQuery({ queryKey: MAILBOXES_KEY, queryFn: () => mailboxes.list(api), refetchInterval: POLL_MS, refetchOnWindowFocus: true });
  const reload = useThrottled(() => void client.invalidateQueries({ queryKey: MAILBOXES_KEY }), 1000);
  useRealtimePrefix('workstream:mailbox.', reload);
  useRealtimeEvent('workflow:batch:completed', reload);
  // "12 s ago" keeps moving between answers (and while an answer fails).
  const now = useNow(POLL_MS);

  const page = list.data;
  return (
    <>
      <QueryError error={list.error} />
      {!page && !list.error && (
        <p className="muted" aria-busy="true">
          Loading mailboxes…
        </p>
      )}
      {page?.data.length === 0 && <EmptyState />}
      {page && page.data.length > 0 && (
        <ul className="mailbox-list" aria-label="Mailboxes">
          {page.data.map((m) => (
            <MailboxCard key={m.mailbox_id} m={m} now={now} />
          ))}
        </ul>
      )}
      {page && page.pagination.total > page.data.length && (
        <p className="muted">
          Showing the first {count(MAILBOX_PAGE)} of {count(page.pagination.total)} mailboxes; <code>GET /api/mailboxes?page=2</code> lists the rest.
        </p>
      )}
    </>
  );
}

function EmptyState() {
  return (
    <section className="panel" aria-labelledby="no-mailboxes-title">
      <h2 id="no-mailboxes-title">No mailboxes yet</h2>
      <p>Add one on the server with the command line (the password is read from an environment variable, never typed on the command line):</p>
      <pre className="code-block">
        <code>flowledger mailboxes add --org ID --name Sales --host imap.example.com --user sales@example.com --password-env MAILBOX_PASSWORD</code>
      </pre>
      <p>
        or with an admin key through the API: <code>POST /api/mailboxes</code> with <code>{'{"name", "host", "username", "secret"}'}</code>. It shows here at
        once, and mail starts flowing when a worker connects.
      </p>
    </section>
  );
}

function StateBadge({ state }: { state: MailboxState }) {
  const s = STATE[state];
  return (
    <span className={`mb-state mb-state-${state}`} title={s.hint} data-state={state}>
      <span aria-hidden="true" className="mb-state-symbol">
        {s.symbol}
      </span>
      {s.label}
    </span>
  );
}

function MailboxCard({ m, now }: { m: Mailbox; now: number }) {
  return (
    <li className="panel mailbox" data-mailbox-id={m.mailbox_id}>
      <div className="panel-head">
        <h2>{m.name}</h2>
        <StateBadge state={m.state} />
      </div>
      <p className="muted mailbox-where">
        {m.username} at {m.host}:{m.port} · {m.tls_mode === 'tls' ? 'TLS' : m.tls_mode === 'starttls' ? 'STARTTLS' : 'no TLS'}
        {m.auth_kind === 'xoauth2' ? ' · OAuth2' : ''}
      </p>
      <dl className="mailbox-facts">
        <div>
          <dt>Connected</dt>
          <dd data-field="connected">{m.connected ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Last sync</dt>
          <dd data-field="last-sync">
            {m.last_sync_at ? (
              <time dateTime={m.last_sync_at} title={dateTime(m.last_sync_at)}>
                {ago(m.last_sync_at, now)}
              </time>
            ) : (
              'Never'
            )}
          </dd>
        </div>
        <div>
          <dt>Messages ingested</dt>
          <dd data-field="messages">{count(m.messages_ingested)}</dd>
        </div>
      </dl>
      {m.last_error && (
        <div className="mailbox-error" data-field="last-error">
          <strong>Last error</strong>
          <p>{m.last_error}</p>
        </div>
      )}
      <FolderTable m={m} />
    </li>
  );
}

function FolderTable({ m }: { m: Mailbox }) {
  const byFolder = new Map(m.folder_status.map((f) => [f.folder, f]));
  return (
    <div className="table-wrap">
      <table className="folders-table">
        <caption className="sr-only">Folders of {m.name}</caption>
        <thead>
          <tr>
            <th scope="col">Folder</th>
            <th scope="col">Sync</th>
            <th scope="col" className="num">
              Synced
            </th>
          </tr>
        </thead>
        <tbody>
          {m.folders.map((folder) => {
            const f = byFolder.get(folder);
            return (
              <tr key={folder} data-folder={folder}>
                <th scope="row">{folder}</th>
                <td>
                  <FolderProgress folder={folder} status={f} m={m} />
                </td>
                <td className="num">{f ? count(f.synced) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function FolderProgress({ folder, status, m }: { folder: string; status: FolderStatus | undefined; m: Mailbox }) {
  if (status && status.pending > 0) {
    const total = status.synced + status.pending;
    // Rounded down: 100 % only when nothing is pending.
    const pct = Math.floor((status.synced / total) * 100);
    return (
      <div className="folder-progress">
        <progress max={total} value={status.synced} aria-label={`${folder}: ${pct} % synced`} />
        <span className="small">
          {count(status.synced)} of {count(total)} ({pct} %) · {count(status.pending)} to go
        </span>
      </div>
    );
  }
  if (status) {
    return (
      <span className="folder-done">
        <span aria-hidden="true">✓ </span>Up to date
      </span>
    );
  }
  // No checkpoint yet: the folder's first listing has not happened.
  return <span className="muted">{m.state === 'syncing' ? 'Starting…' : 'Not synced yet'}</span>;
}
