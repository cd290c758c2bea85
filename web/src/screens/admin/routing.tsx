/**
 * Routing and assignment (admins): per category, the owner text new tasks get and who they are
 * assigned to (a person, or round-robin in a team); and the teams themselves (create, delete, add
 * and remove members). Reads through TanStack Query; each write refetches what it changed and shows
 * the API's refusal where it happened.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/errors.js';
import { people, peopleKeys, useDirectory, type Person, type Rule, type Team } from '../../api/people.js';
import { useSession } from '../../api/session-context.js';
import { ErrorNote } from '../../components/error-note.js';
import { useToast } from '../../components/toasts.js';

/** A refused write, in the API's words, where it happened (ErrorNote's hints speak of reads). */
function Refusal({ error }: { error: ApiError }) {
  return (
    <p className="form-error" role="alert">
      {error.message}
    </p>
  );
}

export function RoutingScreen() {
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Routing</h1>
        <p className="muted">Who a category’s new tasks go to — from the API and from mail alike. A team hands them out in turn to its active members.</p>
      </div>
      <RulesPanel />
      <TeamsPanel />
    </div>
  );
}

/** `user:<id>`, `team:<id>` or '' (nobody): one select for both kinds of assignee. */
const assigneeOf = (r: Rule | undefined) => (r?.assign_user_id != null ? `user:${r.assign_user_id}` : r?.assign_team_id != null ? `team:${r.assign_team_id}` : '');

function useRules() {
  const { api } = useSession();
  return useQuery({ queryKey: peopleKeys.rules, queryFn: () => people.rules(api) });
}

function useTeams() {
  const { api } = useSession();
  return useQuery({ queryKey: peopleKeys.teams, queryFn: () => people.teams(api) });
}

function RulesPanel() {
  const rules = useRules();
  const teams = useTeams();
  const directory = useDirectory();
  const error = rules.error ?? teams.error ?? directory.error;
  const categories = rules.data ? [...rules.data.categories, '*'] : [];
  return (
    <section className="panel" aria-labelledby="rules-title">
      <h2 id="rules-title">Rules per category</h2>
      {error && <ErrorNote error={toApiError(error)} />}
      {!rules.data && !error && (
        <p className="muted" aria-busy="true">
          Loading rules…
        </p>
      )}
      {rules.data && (
        <div className="table-wrap">
          <table aria-label="Routing rules">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Owner text</th>
                <th scope="col">Assign to</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <RuleRow key={c} category={c} rule={rules.data.data.find((r) => r.category === c)} people={directory.data ?? []} teams={teams.data ?? []} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RuleRow({ category, rule, people: members, teams }: { category: string; rule: Rule | undefined; people: Person[]; teams: Team[] }) {
  const { api } = useSession();
  const client = useQueryClient();
  const toast = useToast();
  const [owner, setOwner] = useState(rule?.owner ?? '');
  const [assignee, setAssignee] = useState(assigneeOf(rule));
  const [error, setError] = useState<ApiError | null>(null);
  const label = category === '*' ? 'Every other category' : category;
  const save = useMutation({
    mutationFn: () => {
      const [kind, id] = assignee.split(':');
      return people.putRule(api, category, {
        ...(owner.trim() ? { owner: owner.trim() } : {}),
        owner_email: rule?.owner_email ?? null,
        assign_user_id: kind === 'user' ? Number(id) : null,
        assign_team_id: kind === 'team' ? Number(id) : null,
      });
    },
    onSuccess: (saved) => {
      setError(null);
      setOwner(saved.owner);
      toast({ tone: 'success', title: `Rule for ${label} saved` });
    },
    onError: (e) => setError(toApiError(e)),
    onSettled: () => client.invalidateQueries({ queryKey: peopleKeys.rules }),
  });
  const remove = useMutation({
    mutationFn: () => people.deleteRule(api, category),
    onSuccess: () => {
      setError(null);
      setOwner('');
      setAssignee('');
    },
    onError: (e) => setError(toApiError(e)),
    onSettled: () => client.invalidateQueries({ queryKey: peopleKeys.rules }),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  const formId = `rule-${category === '*' ? 'fallback' : category.replace(/\W+/g, '-')}`;
  return (
    <tr data-category={category}>
      <th scope="row">{label}</th>
      <td>
        <input form={formId} aria-label={`Owner text for ${label}`} value={owner} onChange={(e) => setOwner(e.target.value)} placeholder="their name" maxLength={200} />
      </td>
      <td>
        <select form={formId} aria-label={`Assign ${label} to`} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">Nobody</option>
          <optgroup label="People">
            {members.map((p) => (
              <option key={p.user_id} value={`user:${p.user_id}`}>
                {p.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Teams (in turn)">
            {teams.map((t) => (
              <option key={t.team_id} value={`team:${t.team_id}`}>
                {t.name}
              </option>
            ))}
          </optgroup>
        </select>
        {error && <Refusal error={error} />}
      </td>
      <td>
        <form id={formId} onSubmit={submit} className="button-row">
          <button type="submit" disabled={save.isPending} aria-label={`Save rule for ${label}`}>
            Save
          </button>
          {rule && (
            <button type="button" className="button-quiet" disabled={remove.isPending} onClick={() => remove.mutate()} aria-label={`Remove rule for ${label}`}>
              Remove
            </button>
          )}
        </form>
      </td>
    </tr>
  );
}

function TeamsPanel() {
  const { api } = useSession();
  const client = useQueryClient();
  const teams = useTeams();
  const directory = useDirectory();
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const create = useMutation({
    mutationFn: () => people.createTeam(api, name.trim()),
    onSuccess: () => {
      setName('');
      setError(null);
    },
    onError: (e) => setError(toApiError(e)),
    onSettled: () => client.invalidateQueries({ queryKey: peopleKeys.teams }),
  });
  return (
    <section className="panel" aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      <form
        className="inline-form"
        aria-label="New team"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label className="grow">
          Team name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        <button type="submit" disabled={create.isPending}>
          Create team
        </button>
      </form>
      {error && <Refusal error={error} />}
      {teams.error && <ErrorNote error={toApiError(teams.error)} />}
      {teams.data?.length === 0 && <p className="muted">No teams yet.</p>}
      <ul className="stack team-list" aria-label="Teams">
        {(teams.data ?? []).map((t) => (
          <TeamCard key={t.team_id} team={t} people={directory.data ?? []} />
        ))}
      </ul>
    </section>
  );
}

function TeamCard({ team, people: members }: { team: Team; people: Person[] }) {
  const { api } = useSession();
  const client = useQueryClient();
  const [pick, setPick] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const done = {
    onSuccess: () => setError(null),
    onError: (e: unknown) => setError(toApiError(e)),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: peopleKeys.teams }), client.invalidateQueries({ queryKey: peopleKeys.rules })]),
  };
  const add = useMutation({ mutationFn: (userId: number) => people.addMember(api, team.team_id, userId), ...done, onSuccess: () => (setError(null), setPick('')) });
  const removeMember = useMutation({ mutationFn: (userId: number) => people.removeMember(api, team.team_id, userId), ...done });
  const removeTeam = useMutation({ mutationFn: () => people.deleteTeam(api, team.team_id), ...done });
  const candidates = members.filter((p) => !team.members.some((m) => m.user_id === p.user_id));
  const titleId = `team-${team.team_id}-title`;
  return (
    <li className="panel" aria-labelledby={titleId} data-team-id={team.team_id}>
      <div className="panel-head">
        <h3 id={titleId}>{team.name}</h3>
        <button type="button" className="button-quiet" onClick={() => removeTeam.mutate()} disabled={removeTeam.isPending} aria-label={`Delete team ${team.name}`}>
          Delete team
        </button>
      </div>
      {error && <Refusal error={error} />}
      <ul aria-label={`Members of ${team.name}`}>
        {team.members.map((m) => (
          <li key={m.user_id}>
            {m.name} <span className="muted small">{m.email}</span>
            {!m.active && <span className="muted small"> (inactive: skipped)</span>}{' '}
            <button type="button" className="button-quiet" onClick={() => removeMember.mutate(m.user_id)} aria-label={`Remove ${m.name} from ${team.name}`}>
              Remove
            </button>
          </li>
        ))}
        {team.members.length === 0 && <li className="muted">No members: its rules assign nobody.</li>}
      </ul>
      <form
        className="inline-form"
        aria-label={`Add a member to ${team.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (pick) add.mutate(Number(pick));
        }}
      >
        <label>
          Person
          <select value={pick} onChange={(e) => setPick(e.target.value)} aria-label={`Person to add to ${team.name}`}>
            <option value="">Choose…</option>
            {candidates.map((p) => (
              <option key={p.user_id} value={String(p.user_id)}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!pick || add.isPending}>
          Add member
        </button>
      </form>
    </li>
  );
}
