import { useEffect, useState, type FormEvent } from 'react';
import { requestPasswordReset, signInWithPassword, ssoErrorMessage, ssoProvider, SSO_START_URL } from '../api/auth.js';
import { whoAmI } from '../api/client.js';
import { toApiError } from '../api/errors.js';
import type { SignedIn } from '../api/session-context.js';

/** The `error` single sign-on sent the browser back with (in the query or after `#`), if any. */
function ssoErrorFromUrl(): string | undefined {
  const fromHash = location.hash.includes('?') ? new URLSearchParams(location.hash.slice(location.hash.indexOf('?'))).get('error') : null;
  const code = new URLSearchParams(location.search).get('error') ?? fromHash;
  return code ? ssoErrorMessage(code) : undefined;
}

/**
 * People sign in with email and password (or the install's single sign-on); pasting an API key stays
 * possible behind "Use an API key" (admins, scripts' owners).
 */
export function SignInScreen({ onSignedIn, notice }: { onSignedIn: (auth: SignedIn, remember: boolean) => void; notice?: string | undefined }) {
  const [mode, setMode] = useState<'password' | 'key' | 'forgot'>('password');
  const [sso, setSso] = useState<{ name: string } | null>(null);
  const [urlError] = useState(ssoErrorFromUrl);

  useEffect(() => {
    let live = true;
    void ssoProvider().then((p) => live && setSso(p));
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="sign-in">
      {mode === 'password' ? (
        <PasswordForm onSignedIn={onSignedIn} notice={notice ?? urlError} sso={sso} onUseKey={() => setMode('key')} onForgot={() => setMode('forgot')} />
      ) : mode === 'forgot' ? (
        <ForgotForm onBack={() => setMode('password')} />
      ) : (
        <KeyForm onSignedIn={onSignedIn} notice={notice} onUsePassword={() => setMode('password')} />
      )}
    </main>
  );
}

function PasswordForm({
  onSignedIn,
  notice,
  sso,
  onUseKey,
  onForgot,
}: {
  onSignedIn: (auth: SignedIn, remember: boolean) => void;
  notice: string | undefined;
  sso: { name: string } | null;
  onUseKey: () => void;
  onForgot: () => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(notice);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your email and password.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      // The cookie the answer sets is the credential; nothing is stored by the page.
      onSignedIn({ via: 'session', session: await signInWithPassword(email.trim(), password) }, true);
    } catch (err) {
      const e2 = toApiError(err);
      setError(e2.status === 401 ? 'Wrong email or password.' : e2.status === 429 ? 'Too many attempts, try again later.' : e2.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to FlowLedger</h1>
      <label htmlFor="email">Email</label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'sign-in-error' : undefined}
        autoFocus
      />
      <label htmlFor="password">Password</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'sign-in-error' : undefined}
      />
      {error && (
        <p id="sign-in-error" className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <button type="button" className="button-quiet" onClick={onForgot}>
        Forgot password?
      </button>
      {sso && (
        <a className="button button-quiet" href={SSO_START_URL}>
          Sign in with {sso.name}
        </a>
      )}
      <button type="button" className="button-quiet" onClick={onUseKey}>
        Use an API key
      </button>
    </form>
  );
}

/** Asks for a reset link. The answer is the same whether an account exists (no one learns who has one). */
function ForgotForm({ onBack }: { onBack: () => void }) {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!email.trim()) {
      setError('Enter your email.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await requestPasswordReset(email.trim());
      setSent(true);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Reset your password</h1>
      {sent ? (
        <p role="status">If an account exists for {email.trim()}, we sent a link to reset its password. It is valid for a short while.</p>
      ) : (
        <>
          <p className="muted">Enter the email of your account: we mail you a link to choose a new password.</p>
          <label htmlFor="reset-email">Email</label>
          <input
            id="reset-email"
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'sign-in-error' : undefined}
            autoFocus
          />
          {error && (
            <p id="sign-in-error" className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send the link'}
          </button>
        </>
      )}
      <button type="button" className="button-quiet" onClick={onBack}>
        Back to sign-in
      </button>
    </form>
  );
}

function KeyForm({ onSignedIn, notice, onUsePassword }: { onSignedIn: (auth: SignedIn, remember: boolean) => void; notice: string | undefined; onUsePassword: () => void }) {
  const [key, setKey] = useState('');
  const [remember, setRemember] = useState(true);
  const [error, setError] = useState<string | undefined>(notice);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) {
      setError('Enter your API key.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn({ via: 'key', key: trimmed, me: await whoAmI(trimmed) }, remember);
    } catch (err) {
      const e2 = toApiError(err);
      setError(e2.status === 401 ? 'That key is not valid (unknown or revoked).' : e2.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in with a key</h1>
      <p className="muted">Use an API key of your organisation. Ask an admin for one, or run <code>flowledger keys create</code>.</p>
      <label htmlFor="api-key">API key</label>
      <input
        id="api-key"
        name="api-key"
        type="password"
        autoComplete="current-password"
        value={key}
        onChange={(e) => setKey(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'sign-in-error' : undefined}
        autoFocus
      />
      <label className="checkbox">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Keep me signed in on this browser
      </label>
      {error && (
        <p id="sign-in-error" className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Checking…' : 'Sign in'}
      </button>
      <button type="button" className="button-quiet" onClick={onUsePassword}>
        Sign in with email and password
      </button>
    </form>
  );
}
