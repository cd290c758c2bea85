import { useEffect, useState, type FormEvent } from 'react';
import { requestPasswordReset, signInWithPassword, ssoErrorMessage, ssoProvider, SSO_START_URL } from '../api/auth.js';
import { whoAmI } from '../api/client.js';
import { toApiError, type ApiError } from '../api/errors.js';
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

const ERROR_ID = 'sign-in-error';

/** The aria attributes that tie a field to the form's error, while there is one. */
const invalidWhen = (error: string | undefined) => (error ? { 'aria-invalid': true, 'aria-describedby': ERROR_ID } : {});

function FormError({ error }: { error: string | undefined }) {
  return error ? (
    <p id={ERROR_ID} className="form-error" role="alert">
      {error}
    </p>
  ) : null;
}

/** A sign-in form's submit: busy while `work` runs; a failure becomes the form's error in `explain`'s words. */
function useSubmit(notice?: string) {
  const [error, setError] = useState<string | undefined>(notice);
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<void>, explain: (e: ApiError) => string = (e) => e.message) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(explain(toApiError(err)));
    } finally {
      setBusy(false);
    }
  }
  return { error, setError, busy, run };
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
  const { error, setError, busy, run } = useSubmit(notice);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!email.trim() || !password) return setError('Enter your email and password.');
    // The cookie the answer sets is the credential; nothing is stored by the page.
    void run(
      async () => onSignedIn({ via: 'session', session: await signInWithPassword(email.trim(), password) }, true),
      (e2) => (e2.status === 401 ? 'Wrong email or password.' : e2.status === 429 ? 'Too many attempts, try again later.' : e2.message),
    );
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
        {...invalidWhen(error)}
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
        {...invalidWhen(error)}
      />
      <FormError error={error} />
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
  const { error, setError, busy, run } = useSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!email.trim()) return setError('Enter your email.');
    void run(async () => {
      await requestPasswordReset(email.trim());
      setSent(true);
    });
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
            {...invalidWhen(error)}
            autoFocus
          />
          <FormError error={error} />
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
  const { error, setError, busy, run } = useSubmit(notice);

  function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) return setError('Enter your API key.');
    void run(
      async () => onSignedIn({ via: 'key', key: trimmed, me: await whoAmI(trimmed) }, remember),
      (e2) => (e2.status === 401 ? 'That key is not valid (unknown or revoked).' : e2.message),
    );
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
        {...invalidWhen(error)}
        autoFocus
      />
      <label className="checkbox">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Keep me signed in on this browser
      </label>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Checking…' : 'Sign in'}
      </button>
      <button type="button" className="button-quiet" onClick={onUsePassword}>
        Sign in with email and password
      </button>
    </form>
  );
}
