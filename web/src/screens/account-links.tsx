/**
 * The pages the mailed links open: `/accept-invite#token=…` (join an org, creating the account when
 * the email is new) and `/reset-password#token=…` (a new password). Both end signed in with the
 * cookie the answer sets (docs/contract.md, "Accounts and sign-in"). The server answers both paths
 * with index.html; the token stays in the fragment, so it is never sent but to the two API routes.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { acceptInvitation, confirmPasswordReset, lookUpInvitation, tokenFromHash, type InvitationPreview } from '../api/auth.js';
import type { AuthSession } from '../api/client.js';
import { toApiError } from '../api/errors.js';

/** One message for an unknown, used, revoked or expired link: the server tells them apart to no one. */
const DEAD_INVITE = 'This invitation link is not valid: it was already used, revoked or has expired. Ask an admin for a new one.';
const DEAD_RESET = 'This reset link is not valid: it was already used, replaced by a newer one or has expired.';

/** Leaves the link's path for the dashboard's start, without the token in the address bar. */
function toSignIn() {
  location.assign('/');
}

function Card({ title, children, onSubmit }: { title: string; children: ReactNode; onSubmit?: (e: FormEvent) => void }) {
  const body = (
    <>
      <h1 id="account-link-title">{title}</h1>
      {children}
    </>
  );
  return (
    <main className="sign-in">
      {onSubmit ? (
        <form className="panel sign-in-card" onSubmit={onSubmit} aria-labelledby="account-link-title">
          {body}
        </form>
      ) : (
        <section className="panel sign-in-card" aria-labelledby="account-link-title">
          {body}
        </section>
      )}
    </main>
  );
}

function DeadLink({ title, message }: { title: string; message: string }) {
  return (
    <Card title={title}>
      <p role="alert">{message}</p>
      <a className="button" href="/">
        Go to sign-in
      </a>
    </Card>
  );
}

function ErrorLine({ error }: { error: string | undefined }) {
  return error ? (
    <p id="account-link-error" className="form-error" role="alert">
      {error}
    </p>
  ) : null;
}

export function AcceptInviteScreen({ onSignedIn }: { onSignedIn: (session: AuthSession) => void }) {
  const [token] = useState(tokenFromHash);
  const [invite, setInvite] = useState<InvitationPreview | 'dead' | 'loading'>(token ? 'loading' : 'dead');
  const [loadError, setLoadError] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return;
    let live = true;
    lookUpInvitation(token)
      .then((i) => live && setInvite(i))
      .catch((e: unknown) => {
        if (!live) return;
        const err = toApiError(e);
        if (err.status === 404 || err.status === 400) setInvite('dead');
        else setLoadError(err.message);
      });
    return () => {
      live = false;
    };
  }, [token]);

  if (loadError) return <DeadLink title="Invitation" message={loadError} />;
  if (invite === 'dead' || !token) return <DeadLink title="Invitation" message={DEAD_INVITE} />;
  if (invite === 'loading') return <div className="splash" aria-busy="true">Loading the invitation…</div>;
  const inv = invite;
  const asksEmail = inv.email === '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if ((!inv.has_account && !name.trim()) || !password || (asksEmail && !email.trim())) {
      setError(inv.has_account ? 'Enter your password.' : asksEmail ? 'Enter your name, email and a password.' : 'Enter your name and a password.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      // An existing account keeps its name (the server ignores this one); the field is required.
      const session = await acceptInvitation({ token: token!, name: inv.has_account ? inv.email : name.trim(), password, ...(asksEmail ? { email: email.trim() } : {}) });
      onSignedIn(session);
    } catch (err) {
      const e2 = toApiError(err);
      if (e2.status === 404) setInvite('dead');
      else setError(e2.status === 401 ? 'Wrong password for your existing account.' : e2.status === 409 ? 'You are already a member of this organisation. Sign in instead.' : e2.message);
    } finally {
      setBusy(false);
    }
  }

  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': 'account-link-error' } : {};
  return (
    <Card title={`Join ${inv.org.name}`} onSubmit={submit}>
      <p className="muted">
        {asksEmail ? (
          <>
            You are setting up the first account of <strong>{inv.org.name}</strong>, as <strong>{inv.role}</strong>.
          </>
        ) : (
          <>
            <strong>{inv.email}</strong> is invited to <strong>{inv.org.name}</strong> as <strong>{inv.role}</strong>.
          </>
        )}
        {inv.has_account && ' You already have an account: confirm it with your password.'}
      </p>
      {!inv.has_account && (
        <>
          <label htmlFor="invite-name">Your name</label>
          <input id="invite-name" name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} {...invalid} autoFocus />
        </>
      )}
      {asksEmail && (
        <>
          <label htmlFor="invite-email">Email</label>
          <input id="invite-email" name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} {...invalid} />
        </>
      )}
      <label htmlFor="invite-password">{inv.has_account ? 'Your password' : 'Choose a password'}</label>
      <input
        id="invite-password"
        name="password"
        type="password"
        autoComplete={inv.has_account ? 'current-password' : 'new-password'}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        {...invalid}
        autoFocus={inv.has_account}
      />
      {!inv.has_account && <p className="muted">At least 10 characters; not a common password nor your email.</p>}
      <ErrorLine error={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Joining…' : `Join ${inv.org.name}`}
      </button>
    </Card>
  );
}

export function ResetPasswordScreen({ onSignedIn }: { onSignedIn: (session: AuthSession) => void }) {
  const [token] = useState(tokenFromHash);
  const [dead, setDead] = useState(!token);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  if (dead || !token) return <DeadLink title="Reset your password" message={DEAD_RESET} />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!password) return setError('Enter a new password.');
    if (password !== repeat) return setError('The two passwords differ.');
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await confirmPasswordReset(token!, password));
    } catch (err) {
      const e2 = toApiError(err);
      if (e2.status === 404) setDead(true);
      else setError(e2.message);
    } finally {
      setBusy(false);
    }
  }

  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': 'account-link-error' } : {};
  return (
    <Card title="Reset your password" onSubmit={submit}>
      <p className="muted">Choose a new password: at least 10 characters, not a common one nor your email. Your other sessions end.</p>
      <label htmlFor="new-password">New password</label>
      <input id="new-password" name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} {...invalid} autoFocus />
      <label htmlFor="repeat-password">Repeat the new password</label>
      <input id="repeat-password" name="repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} {...invalid} />
      <ErrorLine error={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Set password and sign in'}
      </button>
      <button type="button" className="button-quiet" onClick={toSignIn}>
        Back to sign-in
      </button>
    </Card>
  );
}
