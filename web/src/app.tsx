import { useCallback, useEffect, useState } from 'react';
import { whoAmI, type Me } from './api/client.js';
import { forgetKey, storedKey, storeKey } from './api/session.js';
import { SessionProvider, useConnectionState, useSession } from './api/session-context.js';
import { RealtimeToasts, ToastProvider } from './components/toasts.js';
import { Link, match, RouterProvider, useRoute } from './lib/router.js';
import { DashboardScreen } from './screens/dashboard.js';
import { KanbanScreen } from './screens/kanban.js';
import { MailboxesScreen } from './screens/mailboxes.js';
import { PipelineScreen } from './screens/pipeline.js';
import { PursuitScreen } from './screens/pursuit.js';
import { CandidateScreen } from './screens/candidate.js';
import { SignInScreen } from './screens/sign-in.js';
import { TaskScreen } from './screens/task.js';
import { TasksScreen } from './screens/tasks.js';

type Auth = { state: 'checking' } | { state: 'signed-out'; reason?: string } | { state: 'signed-in'; key: string; me: Me };

export function App() {
  const [auth, setAuth] = useState<Auth>(() => (storedKey() ? { state: 'checking' } : { state: 'signed-out' }));

  useEffect(() => {
    const key = storedKey();
    if (!key) return;
    whoAmI(key)
      .then((me) => setAuth({ state: 'signed-in', key, me }))
      .catch((e: { status?: number; message: string }) => {
        // A revoked or unknown key is forgotten; a network failure keeps it for the next try.
        if (e.status === 401) forgetKey();
        setAuth({ state: 'signed-out', reason: e.status === 401 ? 'Your key is no longer valid. Sign in again.' : e.message });
      });
  }, []);

  const signIn = useCallback((key: string, me: Me, remember: boolean) => {
    if (remember) storeKey(key);
    setAuth({ state: 'signed-in', key, me });
  }, []);
  const signOut = useCallback(() => {
    forgetKey();
    setAuth({ state: 'signed-out' });
  }, []);

  return (
    <RouterProvider>
      <ToastProvider>
        {auth.state === 'checking' && <div className="splash" aria-busy="true">Loading FlowLedger…</div>}
        {auth.state === 'signed-out' && <SignInScreen onSignedIn={signIn} notice={auth.reason} />}
        {auth.state === 'signed-in' && (
          <SessionProvider apiKey={auth.key} me={auth.me} onSignOut={signOut}>
            <RealtimeToasts />
            <Shell />
          </SessionProvider>
        )}
      </ToastProvider>
    </RouterProvider>
  );
}

const NAV: Array<{ to: string; label: string; active: (p: string) => boolean; adminOnly?: boolean }> = [
  { to: '/', label: 'Dashboard', active: (p: string) => p === '/' },
  { to: '/kanban', label: 'Kanban', active: (p: string) => p.startsWith('/kanban') },
  { to: '/tasks', label: 'Tasks', active: (p: string) => p.startsWith('/tasks') },
  { to: '/pipeline', label: 'Pipeline', active: (p: string) => p.startsWith('/pipeline') },
  // Admin keys only, as the API; another role reaching the path is told why it is not for them.
  { to: '/mailboxes', label: 'Mailboxes', active: (p: string) => p === '/mailboxes', adminOnly: true },
];

function Shell() {
  const { me, signOut } = useSession();
  const { path } = useRoute();
  const conn = useConnectionState();
  return (
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
          <span className="who" title={me.key_name ?? `key ${me.key_id}`}>
            {me.org_name} · <span className="role">{me.role}</span>
          </span>
          <button type="button" className="button-quiet" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Screen path={path} />
      </main>
    </div>
  );
}

function Screen({ path }: { path: string }) {
  if (path === '/') return <DashboardScreen />;
  if (path === '/kanban') return <KanbanScreen />;
  if (path === '/tasks') return <TasksScreen />;
  let m = match('/tasks/:id', path);
  if (m) return <TaskScreen taskId={m.id!} />;
  if (path === '/pipeline') return <PipelineScreen />;
  if (path === '/mailboxes') return <MailboxesScreen />;
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
