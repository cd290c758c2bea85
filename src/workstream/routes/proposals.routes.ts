/** Workstream routes: proposals (registered by ../workstream.routes.ts under /api/workstream). */
import { z } from 'zod';
import { transact } from '../../db/transact.js';
import { listProposals } from '../proposals.repository.js';
import * as s from '../workstream.schemas.js';
import { createProposal } from '../workstream.service.js';
import type { WorkstreamRouteKit } from './route-kit.js';

export function registerProposalsRoutes(k: WorkstreamRouteKit): void {
  const { app, deps, db, ctx, orgOf, tags, requirePursuit } = k;
  app.get(
    '/pursuits/:id/proposals',
    { schema: { tags, summary: "A pursuit's proposals, newest version first", params: s.idParams, response: { 200: z.object({ data: z.array(s.proposalSchema) }) } } },
    async (request) => {
      const orgId = orgOf(request);
      const p = await requirePursuit(orgId, request.params.id);
      return { data: await listProposals(db, orgId, p.pursuit_id) };
    },
  );

  app.post(
    '/pursuits/:id/proposals',
    { schema: { tags, summary: 'Create the next proposal version (draft)', params: s.idParams, body: s.proposalInput.nullish(), response: { 201: s.proposalSchema } } },
    async (request, reply) => {
      const c = ctx(request);
      return reply.status(201).send(await transact(deps, (trx) => createProposal(trx, c, request.params.id, request.body ?? {})));
    },
  );
}
