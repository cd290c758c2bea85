/**
 * The signed-in session: the key's API handle, who the key is (org, role) and one realtime
 * connection shared by every screen.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FlowLedgerRealtime, type AnyEventName, type ConnectionState, type EventData } from '../../../src/realtime/client.js';
import { createApi, type Api, type Me } from './client.js';

export interface Session {
  api: Api;
  me: Me;
  realtime: FlowLedgerRealtime;
  /** The role may change data (members and admins); viewers only read. */
  canWrite: boolean;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ apiKey, me, onSignOut, children }: { apiKey: string; me: Me; onSignOut: () => void; children: ReactNode }) {
  const api = useMemo(() => createApi(apiKey), [apiKey]);
  const realtime = useMemo(() => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return new FlowLedgerRealtime({ url: `${scheme}://${location.host}/ws`, token: apiKey, autoConnect: false });
  }, [apiKey]);
  useEffect(() => {
    realtime.connect();
    return () => realtime.close();
  }, [realtime]);
  const session = useMemo<Session>(
    () => ({ api, me, realtime, canWrite: me.role !== 'viewer', signOut: onSignOut }),
    [api, me, realtime, onSignOut],
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
