/**
 * Admin → Users: the org's members (role, deactivate or reactivate, remove from the org) and the
 * pending invitations (invite by email with a role, revoke). Role and status changes show at once
 * and are put back when the API refuses them (the last active admin: 409, shown in its words).
 * Deactivating someone shows the open work they still own and offers to reassign it. Reloaded on
 * the `audit.user.*` and `audit.invitation.*` events, so another admin's changes appear too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { admin, adminKeys, readOpenWork, type Invitation, type Member, type OpenWork, type Role } from '../../api/admin.js';
import { useInvalidateOn } from '../../api/query.js';
import { useDirectory } from '../../api/people.js';
import { useSession } from '../../api/session-context.js';
import { dateTime, shortDate } from '../../lib/format.js';
import { ActionError, AdminTable, ConfirmButton, LoadState, RoleSelect, useOptimisticMutation } from './admin-kit.js';

export function UsersScreen() {
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Users and invitations</h1>
        <p className="muted">Who belongs to this organisation, with which role; and who has been invited but has not joined yet.</p>
      </div>
      <Members />
      <Invitations />
    </div>
  );
}

type Members = { data: Member[] };
type Change = { userId: number; change: { role?: Role; status?: Member['status'] } };

function Members() {
  const { api, account } = useSession();
  const list = useQuery({ queryKey: adminKeys.users, queryFn: () => admin.members(api) });
  useInvalidateOn('workstream:audit.user.', adminKeys.users);
  const [deactivated, setDeactivated] = useState<{ member: Member; openWork?: OpenWork | null } | null>(null);

  const change = useOptimisticMutation<Members, Change, Member & { open_work?: unknown }>(
    adminKeys.users,
    ({ userId, change: c }) => admin.changeMember(api, userId, c),
    (old, { userId, change: c }) => ({ data: old.data.map((m) => (m.user_id === userId ? { ...m, ...c } : m)) }),
  );
  const remove = useOptimisticMutation<Members, number, Member>(
    adminKeys.users,
    (userId) => admin.removeMember(api, userId),
    (old, userId) => ({ data: old.data.filter((m) => m.user_id !== userId) }),
  );

  const setStatus = (m: Member, status: Member['status']) => {
    setDeactivated(null);
    change.mutate(
      { userId: m.user_id, change: { status } },
      {
        onSuccess: (after) => {
          if (status !== 'deactivated') return;
          // The answer may say it; else the open-work route does (below).
          setDeactivated(after.open_work !== undefined ? { member: after, openWork: readOpenWork(after.open_work) } : { member: after });
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="members-title">
      <div className="panel-head">
        <h2 id="members-title">Members</h2>
      </div>
      <ActionError error={change.error ?? remove.error} />
      {deactivated && <Deactivated member={deactivated.member} known={deactivated.openWork} onClose={() => setDeactivated(null)} />}
      <LoadState error={list.error} loading={list.isPending} what="members" />
      {list.data && (
        <AdminTable labelledBy="members-title" columns={['Name', 'Email', 'Role', 'Status', 'Member since']} actions>
          <tbody>
            {list.data.data.map((m) => (
              <tr key={m.user_id} data-user-id={m.user_id}>
                <th scope="row">
                  {m.name}
                  {m.user_id === account?.user.user_id && <span className="muted"> (you)</span>}
                </th>
                <td>{m.email}</td>
                <td>
                  <RoleSelect label={`Role of ${m.name}`} value={m.role} onChange={(role) => change.mutate({ userId: m.user_id, change: { role } })} />
                </td>
                <td data-field="status">{m.status === 'active' ? 'Active' : `Deactivated ${shortDate(m.deactivated_at)}`}</td>
                <td>
                  <time dateTime={m.created_at} title={dateTime(m.created_at)}>
                    {shortDate(m.created_at)}
                  </time>
                </td>
                <td>
                  <span className="button-row">
                    {m.status === 'active' ? (
                      <button type="button" className="button-quiet" onClick={() => setStatus(m, 'deactivated')} aria-label={`Deactivate ${m.name}`}>
                        Deactivate
                      </button>
                    ) : (
                      <button type="button" className="button-quiet" onClick={() => setStatus(m, 'active')} aria-label={`Reactivate ${m.name}`}>
                        Reactivate
                      </button>
                    )}
                    <ConfirmButton label="Remove" of={m.name} confirmLabel="Remove from the organisation" onConfirm={() => remove.mutate(m.user_id)} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </AdminTable>
      )}
    </section>
  );
}

/** After a deactivation: the open work the person still owns (the answer's, or the open-work route's). */
function Deactivated({ member, known, onClose }: { member: Member; known: OpenWork | null | undefined; onClose: () => void }) {
  const { api } = useSession();
  // Asked afresh at each deactivation (never an answer kept from the last one): gcTime 0.
  const asked = useQuery({ queryKey: adminKeys.openWork(member.user_id), queryFn: () => admin.openWork(api, member.user_id), enabled: known === undefined, gcTime: 0, staleTime: 0 });
  const work = known !== undefined ? known : asked.data;
  return (
    <div className="panel" role="status" data-testid="deactivated">
      <p>
        <strong>{member.name}</strong> is deactivated: they can no longer sign in, and their sessions have ended.
      </p>
      {work === undefined && !asked.error && <p className="muted">Looking for the work they still own…</p>}
      {work && work.total > 0 && (
        <div data-field="open-work">
          <p>They still own open work; reassign it so nothing waits on them:</p>
          <ul className="plain-list">
            {work.groups
              .filter((g) => g.count > 0)
              .map((g) => (
                <li key={g.kind}>
                  <strong>
                    {g.count} {kindWords(g.kind, g.count)}
                  </strong>
                  {g.items.length > 0 && `: ${g.items.map((i) => i.title).join(', ')}`}
                </li>
              ))}
          </ul>
          <Reassign member={member} />
        </div>
      )}
      {work && work.total === 0 && <p className="muted">They own no open work.</p>}
      <button type="button" className="button-quiet" onClick={onClose}>
        Dismiss
      </button>
    </div>
  );
}

/** Moves the person's open work to another active member, or to nobody, in one step. */
function Reassign({ member }: { member: Member }) {
  const { api } = useSession();
  const client = useQueryClient();
  const directory = useDirectory();
  const [to, setTo] = useState('');
  const move = useMutation({
    mutationFn: () => admin.reassign(api, member.user_id, to === 'nobody' ? null : Number(to)),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['workflow'] }),
  });
  const others = (directory.data ?? []).filter((p) => p.user_id !== member.user_id);
  const done = move.data;
  if (done) {
    const whom = done.to_user_id === null ? 'nobody (unassigned)' : (others.find((p) => p.user_id === done.to_user_id)?.name ?? `user ${done.to_user_id}`);
    return (
      <p role="status" data-field="reassigned">
        Moved {done.moved_tasks} {done.moved_tasks === 1 ? 'task' : 'tasks'} and {done.moved_pursuits} {done.moved_pursuits === 1 ? 'pursuit' : 'pursuits'} to {whom}.
      </p>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (to) move.mutate();
      }}
    >
      <label htmlFor={`reassign-${member.user_id}`}>Reassign their open work to</label>
      <select id={`reassign-${member.user_id}`} value={to} onChange={(e) => setTo(e.target.value)}>
        <option value="">Choose…</option>
        {others.map((p) => (
          <option key={p.user_id} value={String(p.user_id)}>
            {p.name} ({p.email})
          </option>
        ))}
        <option value="nobody">Nobody (leave it unassigned)</option>
      </select>
      <button type="submit" disabled={!to || move.isPending}>
        {move.isPending ? 'Reassigning…' : 'Reassign'}
      </button>
      <ActionError error={move.error} />
    </form>
  );
}

/** `open_tasks` → "tasks"; one → "task". */
function kindWords(kind: string, n: number): string {
  const words = kind.replace(/^open_/, '').replace(/_/g, ' ');
  return n === 1 ? words.replace(/s$/, '') : words;
}

type Invitations = { data: Invitation[] };

function Invitations() {
  const { api } = useSession();
  const list = useQuery({ queryKey: adminKeys.invitations, queryFn: () => admin.invitations(api) });
  // An accepted invitation is a new member too.
  useInvalidateOn('workstream:audit.invitation.', adminKeys.invitations, adminKeys.users);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [sent, setSent] = useState<string | null>(null);
  const invite = useOptimisticMutation<Invitations, { email: string; role: Role }, Invitation>(adminKeys.invitations, (body) => admin.invite(api, body));
  const revoke = useOptimisticMutation<Invitations, string, Invitation>(
    adminKeys.invitations,
    (id) => admin.revokeInvitation(api, id),
    (old, id) => ({ data: old.data.filter((i) => i.invitation_id !== id) }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (i) => {
          setSent(i.email);
          setEmail('');
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Invitations</h2>
      <form className="inline-form" onSubmit={submit} aria-label="Invite a person">
        <div className="grow">
          <label htmlFor="invite-email">Email</label>
          <input id="invite-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </div>
        <div>
          <label htmlFor="invite-role">Role</label>
          <RoleSelect id="invite-role" value={role} onChange={setRole} />
        </div>
        <button type="submit" disabled={invite.isPending}>
          Invite
        </button>
      </form>
      <ActionError error={invite.error ?? revoke.error} />
      {sent && (
        <p role="status" className="muted">
          Invitation mailed to {sent}. The link works once, until it expires.
        </p>
      )}
      <LoadState error={list.error} loading={list.isPending} what="invitations" />
      {list.data?.data.length === 0 && <p className="muted">No pending invitations.</p>}
      {list.data && list.data.data.length > 0 && (
        <AdminTable label="Pending invitations" columns={['Email', 'Role', 'Invited by', 'Expires']} actions>
          <tbody>
            {list.data.data.map((i) => (
              <tr key={i.invitation_id}>
                <th scope="row">{i.email}</th>
                <td>{i.role}</td>
                <td>{i.created_by}</td>
                <td>
                  <time dateTime={i.expires_at}>{dateTime(i.expires_at)}</time>
                </td>
                <td>
                  <ConfirmButton label="Revoke" of={`the invitation of ${i.email}`} confirmLabel="Revoke invitation" onConfirm={() => revoke.mutate(i.invitation_id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </AdminTable>
      )}
    </section>
  );
}
