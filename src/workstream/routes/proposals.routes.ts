/** Workstream routes: proposals (registered by ../workstream.routes.ts under /api/workstream). */
import { z } from 'zod';
import { transact } from '../../db/transact.js';
import { notFound } from '../../shared/errors.js';
import { getProposal, listProposals } from '../proposals.repository.js';
import * as s from '../workstream.schemas.js';
import { createProposal, patchProposal } from '../workstream.service.js';
import type { WorkstreamRouteKit } from './route-kit.js';
import { ifMatch } from '../../http/preconditions.js';

/** A proposal's `version` is its document number: its ETag is the row's `row_version`. */
const readsProposal = { etag: { field: 'row_version' } } as const;

export function registerProposalsRoutes(k: WorkstreamRouteKit): void {
  const { app, deps, db, ctx, orgOf, tags, requirePursuit } = k;
  app.get(
    '/pursuits/:id/proposals',
    { schema: { tags, operationId: 'listProposals', summary: "A pursuit's proposals, newest version first", params: s.idParams, response: { 200: z.object({ data: z.array(s.proposalSchema) }) } } },
    async (request) => {
      const orgId = orgOf(request);
      const p = await requirePursuit(orgId, request.params.id);
      return { data: await listProposals(db, orgId, p.pursuit_id) };
    },
  );

  app.post(
    '/pursuits/:id/proposals',
    { config: readsProposal, schema: { tags, operationId: 'createProposal', summary: 'Create the next proposal version (draft)', params: s.idParams, body: s.proposalInput.nullish(), response: { 201: s.proposalSchema } } },
    async (request, reply) => {
      const c = ctx(request);
      return reply.status(201).send(await transact(deps, (trx) => createProposal(trx, c, request.params.id, request.body ?? {})));
    },
  );

  app.get(
    '/proposals/:id',
    { config: readsProposal, schema: { tags, operationId: 'getProposal', summary: 'One proposal version', params: s.idParams, response: { 200: s.proposalSchema } } },
    async (request) => {
      const p = await getProposal(db, orgOf(request), request.params.id);
      if (!p) throw notFound(`Proposal ${request.params.id}`);
      return p;
    },
  );

  app.patch(
    '/proposals/:id',
    {
      config: { etag: { field: 'row_version', ifMatch: true } },
      schema: {
        tags,
        operationId: 'updateProposal', errors: { 409: 'no longer a draft (`conflict`, `details: {status, pursuit_id}`): create a new version instead' }, summary: "Change a draft's recipient_email, subject, doc_url or body (409 once sent)",
        params: s.idParams,
        body: s.proposalPatch,
        response: { 200: s.proposalSchema },
      },
    },
    async (request) => {
      const c = ctx(request);
      const expected = ifMatch(request);
      return transact(deps, (trx) => patchProposal(trx, c, request.params.id, request.body, expected));
    },
  );
}
