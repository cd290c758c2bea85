/** Workstream routes: pursuits (registered by ../workstream.routes.ts under /api/workstream). */
import { z } from 'zod';
import { listResponse, pageQuery } from '../../http/paging.js';
import { cursorBy, pageFrom, pageOffset, paged } from '../../shared/paging.js';
import { transact } from '../../db/transact.js';
import { checklistReadiness, listChecklist } from '../checklist.repository.js';
import { listProposals } from '../proposals.repository.js';
import { sendCsv, wantsCsv } from '../../http/csv-export.js';
import { seekAll } from '../../db/keyset.js';
import { PURSUIT_COLUMNS } from '../exports.js';
import { filteredPursuits, listPursuits, PURSUIT_ORDER } from '../pursuits.repository.js';
import * as s from '../workstream.schemas.js';
import { patchPursuit, transitionPursuit } from '../workstream.service.js';
import { readsItem, writesItem, type WorkstreamRouteKit } from './route-kit.js';
import { resolveMe } from '../../shared/auth-context.js';
import { ifMatch } from '../../http/preconditions.js';

export function registerPursuitsRoutes(k: WorkstreamRouteKit): void {
  const { app, deps, db, ctx, orgOf, tags, requirePursuit } = k;
  app.get(
    '/pursuits',
    {
      schema: {
        tags,
        operationId: 'listPursuits', summary: 'Pursuits, newest first (filters: stage; owner_user_id = a user id, or me for the signed-in person)',
        querystring: pageQuery.extend(s.pursuitListQuery.shape),
        response: { 200: listResponse(s.pursuitSchema) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const filter = {
        orgId: orgOf(request),
        ...(q.stage !== undefined ? { stage: q.stage } : {}),
        ...(q.owner_user_id !== undefined ? { ownerUserId: resolveMe(request.auth!, q.owner_user_id) } : {}),
      };
      if (wantsCsv(request, q.format)) return sendCsv(reply, 'pursuits', PURSUIT_COLUMNS, seekAll(filteredPursuits(db, filter).selectAll(), PURSUIT_ORDER));
      const p = pageFrom(q, PURSUIT_ORDER);
      const { rows, total } = await listPursuits(db, {
        ...filter,
        limit: p.limit,
        offset: pageOffset(p),
        after: p.after,
      });
      return paged(rows, p, total, cursorBy(PURSUIT_ORDER));
    },
  );

  app.get(
    '/pursuits/:id',
    {
      config: readsItem,
      schema: {
        tags,
        operationId: 'getPursuit', summary: 'One pursuit with its checklist, readiness to submit and proposals',
        params: s.idParams,
        response: {
          200: s.pursuitSchema.extend({
            checklist: z.array(s.checklistItemSchema),
            readiness: s.readinessSchema,
            proposals: z.array(s.proposalSchema),
          }),
        },
      },
    },
    async (request) => {
      const orgId = orgOf(request);
      const p = await requirePursuit(orgId, request.params.id);
      const [checklist, readiness, proposals] = await Promise.all([
        listChecklist(db, orgId, p.pursuit_id),
        checklistReadiness(db, orgId, p.pursuit_id),
        listProposals(db, orgId, p.pursuit_id),
      ]);
      return { ...p, checklist, readiness, proposals };
    },
  );

  app.patch(
    '/pursuits/:id',
    {
      config: writesItem,
      schema: {
        tags,
        operationId: 'updatePursuit',
        summary: 'Change due_date, value, owner or title (owner_user_id: an active member of the org, else 400 not_a_member; a new owner appends pursuit.assigned)',
        params: s.idParams,
        body: s.pursuitPatch,
        response: { 200: s.pursuitSchema },
      },
    },
    async (request) => {
      const c = ctx(request);
      const expected = ifMatch(request);
      return transact(deps, (trx) => patchPursuit(trx, c, request.params.id, request.body, expected));
    },
  );

  app.post(
    '/pursuits/:id/transition',
    {
      config: writesItem,
      schema: {
        tags,
        operationId: 'transitionPursuit', errors: {
          409: 'submit while required checklist items are open (`checklist_incomplete`), or the pursuit changed meanwhile (`conflict`)',
          422: 'a move its stage does not allow, or lost without a reason (`invalid_transition`)',
        }, summary: 'Move a pursuit (qual→pink→red→submit→won|lost); submit needs the required checklist done, lost a reason',
        params: s.idParams,
        body: s.pursuitTransition,
        response: { 200: s.pursuitSchema },
      },
    },
    async (request) => {
      const c = ctx(request);
      const expected = ifMatch(request);
      return transact(deps, (trx) => transitionPursuit(trx, c, request.params.id, request.body.to, request.body.reason, expected));
    },
  );
}
