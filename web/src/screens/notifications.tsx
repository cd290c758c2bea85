/**
 * The bell (unread count, live) with its panel of the latest notifications, and the settings screen
 * of what a person is told and how. Sessions only: an API key is no person, so neither shows.
 * Server state goes through TanStack Query; a `notification:created` frame sets the count it
 * carries and marks the list stale.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../api/errors.js';
import {
  KIND_LABELS,
  NOTIFICATION_KINDS,
  fetchLatest,
  fetchPrefs,
  fetchUnread,
  markRead,
  notificationKeys,
  pathOf,
  savePrefs,
  type Notification,
  type NotificationPref,
} from '../api/notifications.js';
import { useRealtimeEvent, useSession } from '../api/session-context.js';
import { ErrorNote } from '../components/error-note.js';
import { dateTime } from '../lib/format.js';
import { Link, useRoute } from '../lib/router.js';
import { useDismiss } from '../lib/use-dismiss.js';

export const NOTIFICATION_PREFS_PATH = '/settings/notifications';

export function NotificationBell() {
  const { api, account } = useSession();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);
  const { path } = useRoute();
  useEffect(close, [path, close]);

  const unread = useQuery({ queryKey: notificationKeys.unread, queryFn: () => fetchUnread(api), enabled: account !== null });
  useRealtimeEvent('notification:created', (d) => {
    client.setQueryData(notificationKeys.unread, { unread_count: d.unread_count });
    void client.invalidateQueries({ queryKey: notificationKeys.list });
  });
  if (!account) return null;
  const count = unread.data?.unread_count ?? 0;
  const label = count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`;

  return (
    <div className="bell" ref={root}>
      <button type="button" className="bell-button" aria-label={label} aria-expanded={open} aria-controls="bell-panel" onClick={() => setOpen((o) => !o)}>
        <svg className="bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {count > 0 && (
          <span className="bell-count" data-testid="bell-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && <BellPanel />}
    </div>
  );
}

function BellPanel() {
  const { api } = useSession();
  const client = useQueryClient();
  const list = useQuery({ queryKey: notificationKeys.list, queryFn: () => fetchLatest(api) });
  const read = useMutation({
    mutationFn: (body: { ids: number[] } | { all: true }) => markRead(api, body),
    onSuccess: (r) => {
      client.setQueryData(notificationKeys.unread, { unread_count: r.unread_count });
      void client.invalidateQueries({ queryKey: notificationKeys.list });
    },
  });
  const items = list.data?.data ?? [];
  const anyUnread = items.some((n) => n.read_at === null) || (list.data?.unread_count ?? 0) > 0;

  return (
    <section id="bell-panel" className="panel bell-panel" aria-label="Notifications">
      <div className="bell-head">
        <h2>Notifications</h2>
        <button type="button" className="button-quiet" disabled={!anyUnread || read.isPending} onClick={() => read.mutate({ all: true })}>
          Mark all read
        </button>
      </div>
      {list.error && <ErrorNote error={toApiError(list.error)} />}
      {read.error && <ErrorNote error={toApiError(read.error)} />}
      {list.isPending ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">Nothing yet. You are told here when work is assigned to you, an SLA needs you, a customer replies or someone mentions you.</p>
      ) : (
        <ul className="bell-list">
          {items.map((n) => (
            <NotificationItem key={n.notification_id} n={n} onRead={() => read.mutate({ ids: [n.notification_id] })} busy={read.isPending} />
          ))}
        </ul>
      )}
      <Link to={NOTIFICATION_PREFS_PATH}>Notification settings</Link>
    </section>
  );
}

function NotificationItem({ n, onRead, busy }: { n: Notification; onRead: () => void; busy: boolean }) {
  const unread = n.read_at === null;
  return (
    <li className={unread ? 'bell-item bell-unread' : 'bell-item'}>
      <div>
        <span className="bell-kind">{KIND_LABELS[n.kind]}</span>
        {unread && <span className="sr-only"> (unread)</span>}
      </div>
      <Link to={pathOf(n)} onClick={unread ? onRead : undefined}>
        {n.title}
      </Link>
      {n.detail && <div className="muted bell-detail">{n.detail}</div>}
      <div className="bell-foot">
        <time className="muted" dateTime={n.created_at}>
          {dateTime(n.created_at)}
        </time>
        {unread && (
          <button type="button" className="button-quiet" disabled={busy} onClick={onRead} aria-label={`Mark read: ${KIND_LABELS[n.kind]}, ${n.title}`}>
            Mark read
          </button>
        )}
      </div>
    </li>
  );
}

/** Per kind: shown in the app, sent by email. Saved at once, shown optimistically, rolled back on failure. */
export function NotificationPrefsScreen() {
  const { api, account } = useSession();
  const client = useQueryClient();
  const prefs = useQuery({ queryKey: notificationKeys.prefs, queryFn: () => fetchPrefs(api), enabled: account !== null });
  const save = useMutation({
    mutationFn: (p: NotificationPref) => savePrefs(api, [p]),
    onMutate: async (p) => {
      await client.cancelQueries({ queryKey: notificationKeys.prefs });
      const before = client.getQueryData<{ data: NotificationPref[] }>(notificationKeys.prefs);
      if (before) client.setQueryData(notificationKeys.prefs, { data: before.data.map((x) => (x.kind === p.kind ? p : x)) });
      return { before };
    },
    onError: (_e, _p, ctx) => {
      if (ctx?.before) client.setQueryData(notificationKeys.prefs, ctx.before);
    },
    onSuccess: (r) => client.setQueryData(notificationKeys.prefs, r),
  });

  if (!account) {
    return (
      <section className="panel">
        <h1>Notification settings</h1>
        <p>Notifications belong to a person. You are signed in with an API key: sign in with your account to choose yours.</p>
      </section>
    );
  }
  const byKind = new Map((prefs.data?.data ?? []).map((p) => [p.kind, p]));
  return (
    <section className="panel">
      <h1>Notification settings</h1>
      <p className="muted">
        What you are told about in {account.org.name}, and how. Mail that arrives within a few minutes of another is sent together as one digest.
      </p>
      {prefs.error && <ErrorNote error={toApiError(prefs.error)} />}
      {save.error && <ErrorNote error={toApiError(save.error)} />}
      {prefs.isPending ? (
        <p className="muted">Loading…</p>
      ) : (
        <table className="prefs-table">
          <caption className="sr-only">Notification settings per kind</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">In the app</th>
              <th scope="col">By email</th>
            </tr>
          </thead>
          <tbody>
            {NOTIFICATION_KINDS.map((kind) => {
              const p = byKind.get(kind) ?? { kind, in_app: true, email: true };
              return (
                <tr key={kind}>
                  <th scope="row">{KIND_LABELS[kind]}</th>
                  <td>
                    <input type="checkbox" aria-label={`${KIND_LABELS[kind]}: in the app`} checked={p.in_app} onChange={(e) => save.mutate({ ...p, in_app: e.target.checked })} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`${KIND_LABELS[kind]}: by email`} checked={p.email} onChange={(e) => save.mutate({ ...p, email: e.target.checked })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
