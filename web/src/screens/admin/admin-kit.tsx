/**
 * Pieces the admin screens share: a mutation that changes the cached list at once and puts it back
 * if the server refuses, a two-step button for what cannot be undone, and a pager.
 */
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ROLES, type Role } from '../../api/admin.js';
import { toApiError } from '../../api/errors.js';
import { ErrorNote } from '../../components/error-note.js';
import { count } from '../../lib/format.js';

/**
 * `run` on the server; meanwhile the cache under `key` shows `apply(old, vars)`. A refusal restores
 * what was there (the error stays on the mutation for the screen to show); either way the entry is
 * refetched afterwards (and `alsoStale`, what else the change makes stale), so the screen ends on
 * the server's state.
 */
export function useOptimisticMutation<T, V, R>(key: QueryKey, run: (vars: V) => Promise<R>, apply?: (old: T, vars: V) => T, alsoStale: QueryKey[] = []) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onMutate: async (vars: V) => {
      if (!apply) return { previous: undefined };
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<T>(key);
      if (previous !== undefined) client.setQueryData<T>(key, apply(previous, vars));
      return { previous };
    },
    onError: (_e, _vars, ctx) => {
      if (ctx?.previous !== undefined) client.setQueryData<T>(key, ctx.previous);
    },
    onSettled: async () => {
      await Promise.all([key, ...alsoStale].map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

/** The error of a failed action, in words, where the action was. */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  const e = toApiError(error);
  return <ErrorNote error={{ message: e.message, status: e.status, code: e.code }} />;
}

/**
 * A button for an action that cannot be undone: the first press asks, the second does it. `of`
 * names what it acts on for assistive technology ("Revoke" of "key reports": "Revoke key reports").
 */
export function ConfirmButton({ label, of, confirmLabel, onConfirm, disabled }: { label: string; of: string; confirmLabel: string; onConfirm: () => void; disabled?: boolean }) {
  const [asking, setAsking] = useState(false);
  // The first button is gone once pressed: the keyboard lands on the question's answer.
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="button-quiet" disabled={disabled} aria-label={`${label} ${of}`} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="button-row" role="group" aria-label={`${label} ${of}?`}>
      <button
        ref={confirm}
        type="button"
        className="button-danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button-quiet" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

export function Pager({ page, limit, total, noun, onPage }: { page: number; limit: number; total: number; noun: string; onPage: (p: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        Page {count(page)} of {count(pages)} · {count(total)} {noun}
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}

/** While a list loads for the first time, or why it did not. */
export function LoadState({ error, loading, what }: { error: unknown; loading: boolean; what: string }) {
  if (error) return <ActionError error={error} />;
  if (loading)
    return (
      <p className="muted" aria-busy="true">
        Loading {what}…
      </p>
    );
  return null;
}

/**
 * A list as a table: the column headings (`#` in front of one right-aligns it as a number), a last
 * column for the row's actions when `actions`, and the caller's `<tbody>` (one or more).
 */
export function AdminTable({ labelledBy, label, columns, actions, children }: { labelledBy?: string; label?: string; columns: string[]; actions?: boolean; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table aria-labelledby={labelledBy} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={c.startsWith('#') ? 'num' : undefined}>
                {c.replace(/^#/, '')}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

/** A role picker: `id` for a visible label, or `label` when it stands alone (a table cell). */
export function RoleSelect({ id, label, value, onChange }: { id?: string; label?: string; value: Role; onChange: (r: Role) => void }) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}
