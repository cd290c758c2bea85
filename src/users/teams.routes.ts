/**
 * Teams (`/api/teams`): everyone reads them (owner pickers, the Routing screen); admins create,
 * rename and delete them and change their members. Registered with the prefix /api/teams.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, positiveId } from '../http/params.js';
import { noContent } from '../http/openapi.js';
import type { Database } from '../db/create-db.js';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Clock } from '../shared/clock.js';
import { notFound } from '../shared/errors.js';
import { getTeam, listTeams } from './teams.repository.js';
import { addMemberToTeam, changeTeamName, createTeam, removeMemberFromTeam, removeTeam } from './teams.service.js';

export const teamSchema = z.object({
  team_id: z.number(),
  name: z.string(),
  members: z.array(z.object({ user_id: z.number(), name: z.string(), email: z.string(), active: z.boolean() })),
  created_at: z.string(),
  updated_at: z.string(),
});
const teamBody = z.object({ name: z.string().trim().min(1).max(100) }).strict();
const memberParams = z.object({ id: positiveId, user_id: positiveId });
const tags = ['teams'];
const admin = { minRole: 'admin' as const };
const viewer = { minRole: 'viewer' as const };

export interface TeamRouteDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
}

const out = <T extends { org_id: number }>({ org_id: _o, ...t }: T) => t;

export const teamRoutes: FastifyPluginAsync<{ deps: TeamRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    { config: viewer, schema: { tags, summary: "This org's teams with their members (name order)", response: { 200: z.object({ data: z.array(teamSchema) }) } } },
    async (request) => ({ data: (await listTeams(deps.database.db, request.auth!.orgId)).map(out) }),
  );

  app.get(
    '/:id',
    { config: viewer, schema: { tags, summary: 'One team with its members', params: idParams, response: { 200: teamSchema } } },
    async (request) => {
      const t = await getTeam(deps.database.db, request.auth!.orgId, request.params.id);
      if (!t) throw notFound(`Team ${request.params.id}`);
      return out(t);
    },
  );

  app.post(
    '/',
    { config: admin, schema: { tags, errors: { 409: 'the name is taken in this org (`conflict`)' }, summary: 'Create a team (409 when the name is taken in this org)', body: teamBody, response: { 201: teamSchema } } },
    async (request, reply) => reply.status(201).send(out(await createTeam(deps, request.auth!, request.body.name))),
  );

  app.patch(
    '/:id',
    { config: admin, schema: { tags, errors: { 409: 'the name is taken in this org (`conflict`)' }, summary: 'Rename a team', params: idParams, body: teamBody, response: { 200: teamSchema } } },
    async (request) => out(await changeTeamName(deps, request.auth!, request.params.id, request.body.name)),
  );

  app.delete(
    '/:id',
    {
      config: admin,
      schema: { tags, summary: 'Delete a team', params: idParams, errors: { 409: 'an assignment rule names the team (`conflict`, `details.categories`)' }, response: noContent },
    },
    async (request, reply) => {
      await removeTeam(deps, request.auth!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/:id/members/:user_id',
    {
      config: admin,
      schema: { tags, summary: 'Add a member (an active member of the org, else 400 not_a_member); a repeat is a no-op', params: memberParams, response: { 200: teamSchema } },
    },
    async (request) => out(await addMemberToTeam(deps, request.auth!, request.params.id, request.params.user_id)),
  );

  app.delete(
    '/:id/members/:user_id',
    { config: admin, schema: { tags, summary: 'Remove a member from a team', params: memberParams, response: { 200: teamSchema } } },
    async (request) => out(await removeMemberFromTeam(deps, request.auth!, request.params.id, request.params.user_id)),
  );
};
