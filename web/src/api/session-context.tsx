/**
 * The signed-in session: the API handle with its credential (a person's cookie session or a pasted
 * key), who is acting (org, role; the person and their orgs with a session) and one realtime
 * connection shared by every screen. A credential that stops working (401 on any request, or the
 * socket closed 4401/4403: signed out elsewhere, deactivated, key revoked) ends it via `onEnded`.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FlowLedgerRealtime, type AnyEventName, type ConnectionState, type EventData } from '../../../src/realtime/client.js';
import { CLOSE_CODES } from '../../../src/realtime/event-types.js';
import { createApi, type Api, type AuthSession, type Credential, type Me } from './client.js';

/** How this browser is signed in. */
export type SignedIn = { via: 'session'; session: AuthSession } | { via: 'key'; key: string; me: Me };

export interface Session {
  api: Api;
  /** The org acted in and the role there, whichever the credential. */
  me: { org_id: number; org_name: string; role: Me['role'] };
  /** The person and their orgs (signed in with a session), or the key's name (with a key). */
  account: AuthSession | null;
  keyName: string | null;
  /** Who writes, as the server records authors: `user:<id>` for a person, `key:<id>` for a key. */
  actor: string;
  realtime: FlowLedgerRealtime;
  /** The role may change data (members and admins); viewers only read. */
  canWrite: boolean;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({
  auth,
  onSignOut,
  onEnded,
  children,
}: {
  auth: SignedIn;
  onSignOut: () => void;
  /** The credential stopped working: back to the sign-in screen. */
  onEnded: () => void;
  children: ReactNode;
}) {
  const ended = useRef(onEnded);
  ended.current = onEnded;
  // The CSRF token is constant for a session's life, so an org switch keeps the same API handle.
  const credKey = auth.via === 'key' ? `key:${auth.key}` : `session:${auth.session.csrf_token}`;
  const api = useMemo(() => {
    const cred: Credential = auth.via === 'key' ? { kind: 'key', key: auth.key } : { kind: 'session', csrf: auth.session.csrf_token };
    return createApi(cred, () => ended.current());
  }, [credKey]);
  const me = useMemo(
    () => (auth.via === 'key' ? auth.me : { org_id: auth.session.org.org_id, org_name: auth.session.org.name, role: auth.session.role }),
    [auth],
  );
  // A new socket per org: the old one streams the old org's events (the server would close it 1012
  // at its next heartbeat and the client reconnect; opening afresh is at once).
  const realtime = useMemo(() => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    // With a session the browser sends the cookie with the upgrade; a key goes in the first message.
    return new FlowLedgerRealtime({ url: `${scheme}://${location.host}/ws`, ...(auth.via === 'key' ? { token: auth.key } : {}), autoConnect: false });
  }, [credKey, me.org_id]);
  useEffect(() => {
    const off = realtime.onState((state, info) => {
      if (state === 'closed' && (info?.code === CLOSE_CODES.forbidden || info?.code === CLOSE_CODES.unauthorized)) ended.current();
    });
    realtime.connect();
    return () => {
      off();
      realtime.close();
    };
  }, [realtime]);
  const account = auth.via === 'session' ? auth.session : null;
  const keyName = auth.via === 'key' ? (auth.me.key_name ?? `key ${auth.me.key_id}`) : null;
  const actor = auth.via === 'key' ? `key:${auth.me.key_id}` : `user:${auth.session.user.user_id}`;
  const session = useMemo<Session>(
    () => ({ api, me, account, keyName, actor, realtime, canWrite: me.role !== 'viewer', signOut: onSignOut }),
    [api, me, account, keyName, actor, realtime, onSignOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Listens to one realtime event while the component is mounted. */
export function useRealtimeEvent<E extends AnyEventName>(event: E, handler: (data: EventData<E>) => void): void {
  const { realtime } = useSession();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => realtime.on(event, (d) => ref.current(d)), [realtime, event]);
}

export function useConnectionState(): ConnectionState {
  const { realtime } = useSession();
  const [state, setState] = useState<ConnectionState>(realtime.state);
  useEffect(() => {
    setState(realtime.state);
    return realtime.onState((s) => setState(s));
  }, [realtime]);
  return state;
}

/** Listens to every realtime frame whose name starts with `prefix` (e.g. `workstream:`). */
export function useRealtimePrefix(prefix: string, handler: (event: string) => void): void {
  const { realtime } = useSession();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => realtime.onAny((f) => f.event.startsWith(prefix) && ref.current(f.event)), [realtime, prefix]);
}
