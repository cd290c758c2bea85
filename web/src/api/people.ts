/**
 * The org's people, teams and routing/assignment rules (docs/contract.md: people directory, teams,
 * assignment rules). Types are the server's own; reads go through TanStack Query under these keys.
 */
import { useQuery } from '@tanstack/react-query';
import type { DirectoryEntry } from '../../../src/users/users.repository.js';
import type { TeamView } from '../../../src/users/teams.repository.js';
import type { RoutingRule } from '../../../src/ingest/routing.repository.js';
import type { Api } from './client.js';
import { useSession } from './session-context.js';

export type Person = DirectoryEntry;
export type Team = Omit<TeamView, 'org_id'>;
export type Rule = Omit<RoutingRule, 'org_id'>;

export const peopleKeys = {
  directory: ['people', 'directory'] as const,
  teams: ['people', 'teams'] as const,
  rules: ['people', 'routing-rules'] as const,
};

export const people = {
  directory: (api: Api) => api.rest<{ data: Person[] }>('GET', '/api/users/directory').then((r) => r.data),
  teams: (api: Api) => api.rest<{ data: Team[] }>('GET', '/api/teams').then((r) => r.data),
  rules: (api: Api) => api.rest<{ data: Rule[]; categories: string[] }>('GET', '/api/ingest/routing-rules'),
  putRule: (api: Api, category: string, body: { owner?: string; owner_email: string | null; assign_user_id: number | null; assign_team_id: number | null }) =>
    api.rest<Rule>('PUT', `/api/ingest/routing-rules/${encodeURIComponent(category)}`, body),
  deleteRule: (api: Api, category: string) => api.rest<null>('DELETE', `/api/ingest/routing-rules/${encodeURIComponent(category)}`),
  createTeam: (api: Api, name: string) => api.rest<Team>('POST', '/api/teams', { name }),
  deleteTeam: (api: Api, teamId: number) => api.rest<null>('DELETE', `/api/teams/${teamId}`),
  addMember: (api: Api, teamId: number, userId: number) => api.rest<Team>('PUT', `/api/teams/${teamId}/members/${userId}`),
  removeMember: (api: Api, teamId: number, userId: number) => api.rest<Team>('DELETE', `/api/teams/${teamId}/members/${userId}`),
};

/** The org's active members (owner pickers). */
export function useDirectory() {
  const { api } = useSession();
  return useQuery({ queryKey: peopleKeys.directory, queryFn: () => people.directory(api), staleTime: 60_000 });
}
