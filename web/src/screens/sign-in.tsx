import { useState, type FormEvent } from 'react';
import { whoAmI, type Me } from '../api/client.js';
import { toApiError } from '../api/errors.js';

export function SignInScreen({ onSignedIn, notice }: { onSignedIn: (key: string, me: Me, remember: boolean) => void; notice?: string | undefined }) {
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
      onSignedIn(trimmed, await whoAmI(trimmed), remember);
    } catch (err) {
      const e2 = toApiError(err);
      setError(e2.status === 401 ? 'That key is not valid (unknown or revoked).' : e2.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="panel sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to FlowLedger</h1>
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
      </form>
    </main>
  );
}
