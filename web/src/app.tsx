import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { currentSession } from './api/auth.js';
import { whoAmI, type AuthSession } from './api/client.js';
import { toApiError } from './api/errors.js';
import { forgetKey, storedKey, storeKey } from './api/session.js';
import { QueryProvider } from './api/query.js';
import { SessionProvider, useConnectionState, useSession, type SignedIn } from './api/session-context.js';
import { RealtimeToasts, ToastProvider } from './components/toasts.js';
import { Link, match, navigate, RouterProvider, useRoute } from './lib/router.js';
import { useDismiss } from './lib/use-dismiss.js';
import { NotificationBell, NotificationPrefsScreen, NOTIFICATION_PREFS_PATH } from './screens/notifications.js';
import { DashboardScreen } from './screens/dashboard.js';
import { KanbanScreen } from './screens/kanban.js';
import { AdminScreen, isAdminPath } from './screens/admin/admin.js';
import { PipelineScreen } from './screens/pipeline.js';
import { PursuitScreen } from './screens/pursuit.js';
import { CandidateScreen } from './screens/candidate.js';
import { AcceptInviteScreen, ResetPasswordScreen } from './screens/account-links.js';
import { SignInScreen } from './screens/sign-in.js';
import { TaskScreen } from './screens/task.js';
import { TasksScreen } from './screens/tasks.js';

type Auth = { state: 'checking' } | { state: 'signed-out'; reason?: string } | ({ state: 'signed-in' } & SignedIn);

export function App() {
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });

  useEffect(() => {
    // A key kept from an earlier key sign-in wins; else the session cookie, if the browser has one.
    const key = storedKey();
    if (key) {
      whoAmI(key)
        .then((me) => setAuth({ state: 'signed-in', via: 'key', key, me }))
        .catch((e: { status?: number; message: string }) => {
          // A revoked or unknown key is forgotten; a network failure keeps it for the next try.
          if (e.status === 401) forgetKey();
          setAuth({ state: 'signed-out', reason: e.status === 401 ? 'Your key is no longer valid. Sign in again.' : e.message });
        });
      return;
    }
    currentSession()
      .then((session) => setAuth(session ? { state: 'signed-in', via: 'session', session } : { state: 'signed-out' }))
      .catch((e: unknown) => setAuth({ state: 'signed-out', reason: toApiError(e).message }));
  }, []);

  const signIn = useCallback((signedIn: SignedIn, remember: boolean) => {
    if (signedIn.via === 'key' && remember) storeKey(signedIn.key);
    setAuth({ state: 'signed-in', ...signedIn });
  }, []);
  const signOut = useCallback(() => {
    forgetKey();
    setAuth({ state: 'signed-out' });
  }, []);
  const ended = useCallback(() => {
    setAuth((a) => {
      if (a.state !== 'signed-in') return a;
      if (a.via === 'key') forgetKey();
      return { state: 'signed-out', reason: a.via === 'key' ? 'Your key is no longer valid. Sign in again.' : 'Your session has ended. Sign in again.' };
    });
  }, []);
  const sessionChanged = useCallback((session: AuthSession) => setAuth({ state: 'signed-in', via: 'session', session }), []);

  // A mailed link's page opens whoever is signed in (or nobody); it ends signed in as its person.
  const linkSignedIn = useCallback((session: AuthSession) => {
    forgetKey();
    navigate('/', { replace: true });
    setAuth({ state: 'signed-in', via: 'session', session });
  }, []);

  return (
    <RouterProvider>
      <ToastProvider>
        <AccountLinkOr onSignedIn={linkSignedIn}>
          {auth.state === 'checking' && <div className="splash" aria-busy="true">Loading FlowLedger…</div>}
          {auth.state === 'signed-out' && <SignInScreen onSignedIn={signIn} notice={auth.reason} />}
          {auth.state === 'signed-in' && (
            <SessionProvider auth={auth} onSignOut={signOut} onEnded={ended}>
              <RealtimeToasts />
              {/* Keyed by org: switching org remounts every screen, so each loads the new org's data. */}
              <Shell key={auth.via === 'session' ? auth.session.org.org_id : 'key'} onSessionChange={sessionChanged} />
            </SessionProvider>
          )}
        </AccountLinkOr>
      </ToastProvider>
    </RouterProvider>
  );
}

/** The invitation and reset links' pages (`/accept-invite`, `/reset-password`), else the children. */
function AccountLinkOr({ onSignedIn, children }: { onSignedIn: (session: AuthSession) => void; children: ReactNode }) {
  const { path } = useRoute();
  if (path === '/accept-invite') return <AcceptInviteScreen onSignedIn={onSignedIn} />;
  if (path === '/reset-password') return <ResetPasswordScreen onSignedIn={onSignedIn} />;
  return <>{children}</>;
}

const NAV: Array<{ to: string; label: string; active: (p: string) => boolean; adminOnly?: boolean }> = [
  { to: '/', label: 'Dashboard', active: (p: string) => p === '/' },
  { to: '/kanban', label: 'Kanban', active: (p: string) => p.startsWith('/kanban') },
  { to: '/tasks', label: 'Tasks', active: (p: string) => p.startsWith('/tasks') },
  { to: '/pipeline', label: 'Pipeline', active: (p: string) => p.startsWith('/pipeline') },
  // Admins only, as the API; another role reaching an admin path is told why it is not for them.
  { to: '/admin', label: 'Admin', active: isAdminPath, adminOnly: true },
];

function Shell({ onSessionChange }: { onSessionChange: (s: AuthSession) => void }) {
  const { me, keyName, signOut } = useSession();
  const { path } = useRoute();
  const conn = useConnectionState();
  return (
    <QueryProvider>
      <div className="shell">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="topbar">
          <span className="brand">FlowLedger</span>
          <nav aria-label="Main">
            {NAV.filter((n) => !n.adminOnly || me.role === 'admin').map((n) => (
              <Link key={n.to} to={n.to} className="nav-link" aria-current={n.active(path) ? 'page' : undefined}>
                {n.label}
              </Link>
            ))}
          </nav>
          <div className="topbar-right">
            <span className={`live live-${conn}`} role="status" aria-label={`Live updates: ${conn}`}>
              {conn === 'open' ? 'Live' : conn === 'closed' ? 'Offline' : 'Connecting…'}
            </span>
            {keyName !== null ? (
              <>
                <span className="who" title={keyName}>
                  {me.org_name} · <span className="role">{me.role}</span>
                </span>
                <button type="button" className="button-quiet" onClick={signOut}>
                  Sign out
                </button>
              </>
            ) : (
              <>
                <NotificationBell />
                <UserMenu onSessionChange={onSessionChange} />
              </>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <Screen path={path} />
        </main>
      </div>
    </QueryProvider>
  );
}

function Screen({ path }: { path: string }) {
  if (path === '/') return <DashboardScreen />;
  if (path === '/kanban') return <KanbanScreen />;
  if (path === '/tasks') return <TasksScreen />;
  let m = match('/tasks/:id', path);
  if (m) return <TaskScreen taskId={m.id!} />;
  if (path === '/pipeline') return <PipelineScreen />;
  if (isAdminPath(path)) return <AdminScreen path={path} />;
  if (path === NOTIFICATION_PREFS_PATH) return <NotificationPrefsScreen />;
  m = match('/pipeline/pursuits/:id', path);
  if (m) return <PursuitScreen pursuitId={Number(m.id)} />;
  m = match('/pipeline/candidates/:id', path);
  if (m) return <CandidateScreen candidateId={Number(m.id)} />;
  return (
    <section className="panel">
      <h1>Not found</h1>
      <p>
        There is no page at <code>{path}</code>. <Link to="/">Go to the dashboard</Link>.
      </p>
    </section>
  );
}

/** The person's menu: who, the org acted in (a switcher when they have several), signing out. */
function UserMenu({ onSessionChange }: { onSessionChange: (s: AuthSession) => void }) {
  const { api, account, me, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const root = useRef<HTMLDivElement>(null);
  useDismiss(open, root, useCallback(() => setOpen(false), []));
  // Following a link in the menu (notification settings) closes it.
  const { path } = useRoute();
  useEffect(() => setOpen(false), [path]);
  if (!account) return null;

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }
  const switchOrg = (orgId: number) =>
    act(async () => {
      const next = await api.rest<AuthSession>('POST', '/api/auth/session/org', { org_id: orgId });
      // Pages of the old org (a task, a pursuit) do not exist in the new one: start at its dashboard.
      navigate('/');
      onSessionChange(next);
    });
  const end = (path: string) =>
    act(async () => {
      await api.rest('POST', path);
      signOut();
    });

  return (
    <div className="user-menu" ref={root}>
      <button type="button" className="button-quiet who" aria-expanded={open} aria-controls="user-menu-panel" onClick={() => setOpen((o) => !o)}>
        {account.user.name} · {me.org_name} · <span className="role">{me.role}</span>
      </button>
      {open && (
        <div id="user-menu-panel" className="panel user-menu-panel">
          <p>
            <strong>{account.user.name}</strong>
            <br />
            <span className="muted">{account.user.email}</span>
          </p>
          {account.orgs.length > 1 && (
            <label>
              Organisation
              <select value={me.org_id} disabled={busy} onChange={(e) => void switchOrg(Number(e.target.value))}>
                {account.orgs.map((o) => (
                  <option key={o.org_id} value={o.org_id}>
                    {o.name} ({o.role})
                  </option>
                ))}
              </select>
            </label>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <Link to={NOTIFICATION_PREFS_PATH}>
            Notification settings
          </Link>
          <div className="button-row">
            <button type="button" disabled={busy} onClick={() => void end('/api/auth/sign-out')}>
              Sign out
            </button>
            <button type="button" className="button-quiet" disabled={busy} onClick={() => void end('/api/auth/sign-out-everywhere')}>
              Sign out everywhere
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
