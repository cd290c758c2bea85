/**
 * Admin → API keys: the org's keys (never their secrets), creating one (its secret shown this once,
 * with a copy button) and revoking one. A revoke shows at once and is put back when the API refuses
 * it (the key making the call: 400, in its words). Reloaded on the `audit.api_key.*` events.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { admin, adminKeys, type ApiKey, type NewApiKey, type Role } from '../../api/admin.js';
import { useInvalidateOn } from '../../api/query.js';
import { useSession } from '../../api/session-context.js';
import { dateTime, shortDate } from '../../lib/format.js';
import { ActionError, AdminTable, ConfirmButton, LoadState, RoleSelect, useOptimisticMutation } from './admin-kit.js';

type Keys = { data: ApiKey[] };

export function KeysScreen() {
  const { api } = useSession();
  const list = useQuery({ queryKey: adminKeys.keys, queryFn: () => admin.keys(api) });
  useInvalidateOn('workstream:audit.api_key.', adminKeys.keys);
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const revoke = useOptimisticMutation<Keys, number, ApiKey>(
    adminKeys.keys,
    (keyId) => admin.revokeKey(api, keyId),
    (old, keyId) => ({ data: old.data.map((k) => (k.key_id === keyId ? { ...k, revoked_at: new Date().toISOString() } : k)) }),
  );

  return (
    <div className="stack">
      <div className="page-head">
        <h1>API keys</h1>
        <p className="muted">Keys let programs (scripts, integrations, the command line) use the API with a role. Each key is shown only when it is created.</p>
      </div>
      <CreateKey onCreated={setCreated} />
      {created && <NewSecret created={created} onDone={() => setCreated(null)} />}
      <section className="panel" aria-labelledby="keys-title">
        <h2 id="keys-title">Keys</h2>
        <ActionError error={revoke.error} />
        <LoadState error={list.error} loading={list.isPending} what="keys" />
        {list.data && (
          <AdminTable labelledBy="keys-title" columns={['Name', 'Role', 'Starts with', 'Created', 'Last used', 'Status']} actions>
            <tbody>
              {list.data.data.map((k) => {
                const name = k.name ?? `key ${k.key_id}`;
                return (
                  <tr key={k.key_id} data-key-id={k.key_id}>
                    <th scope="row">{name}</th>
                    <td>{k.role}</td>
                    <td>
                      <code>{k.key_prefix}…</code>
                    </td>
                    <td>
                      <time dateTime={k.created_at} title={dateTime(k.created_at)}>
                        {shortDate(k.created_at)}
                      </time>
                    </td>
                    <td>{k.last_used_at ? <time dateTime={k.last_used_at}>{dateTime(k.last_used_at)}</time> : 'Never'}</td>
                    <td data-field="status">{k.revoked_at ? `Revoked ${shortDate(k.revoked_at)}` : 'Active'}</td>
                    <td>{!k.revoked_at && <ConfirmButton label="Revoke" of={name} confirmLabel="Revoke key" onConfirm={() => revoke.mutate(k.key_id)} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </AdminTable>
        )}
      </section>
    </div>
  );
}

function CreateKey({ onCreated }: { onCreated: (k: NewApiKey) => void }) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const create = useOptimisticMutation<Keys, { name: string; role: Role }, NewApiKey>(adminKeys.keys, (b) =>
    admin.createKey(api, { role: b.role, ...(b.name ? { name: b.name } : {}) }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), role },
      {
        onSuccess: (k) => {
          setName('');
          onCreated(k);
        },
      },
    );
  };
  return (
    <section className="panel" aria-labelledby="new-key-title">
      <h2 id="new-key-title">New key</h2>
      <form className="inline-form" onSubmit={submit} aria-labelledby="new-key-title">
        <div className="grow">
          <label htmlFor="key-name">Name (what uses it)</label>
          <input id="key-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
        <div>
          <label htmlFor="key-role">Role</label>
          <RoleSelect id="key-role" value={role} onChange={setRole} />
        </div>
        <button type="submit" disabled={create.isPending}>
          Create key
        </button>
      </form>
      <ActionError error={create.error} />
    </section>
  );
}

/** The new key's secret, this once: copy it now, it cannot be shown again. */
function NewSecret({ created, onDone }: { created: NewApiKey; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(created.key).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <section className="panel new-secret" aria-labelledby="secret-title">
      <h2 id="secret-title">Copy the key “{created.name ?? `key ${created.key_id}`}” now</h2>
      <p className="error-note">
        <strong>This is the only time the key is shown.</strong> FlowLedger keeps only a hash of it: if it is lost, revoke it and create another.
      </p>
      <p>
        <code data-field="secret" className="code-block">
          {created.key}
        </code>
      </p>
      <div className="button-row">
        <button type="button" onClick={copy}>
          Copy the key
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          I have stored it
        </button>
        <span role="status">{copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'The browser refused the clipboard: select the key and copy it by hand.' : ''}</span>
      </div>
    </section>
  );
}
