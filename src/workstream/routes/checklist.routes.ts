/** Workstream routes: checklist (registered by ../workstream.routes.ts under /api/workstream). */
import { z } from 'zod';
import { transact } from '../../db/transact.js';
import { checklistReadiness, listChecklist } from '../checklist.repository.js';
import * as s from '../workstream.schemas.js';
import { addChecklist, patchChecklist, removeChecklist } from '../workstream.service.js';
import type { WorkstreamRouteKit } from './route-kit.js';

export function registerChecklistRoutes(k: WorkstreamRouteKit): void {
  const { app, deps, db, ctx, orgOf, tags, requirePursuit } = k;
  app.get(
    '/pursuits/:id/checklist',
    {
      schema: {
        tags,
        summary: "A pursuit's checklist and readiness",
        params: s.idParams,
        response: { 200: z.object({ data: z.array(s.checklistItemSchema), readiness: s.readinessSchema }) },
      },
    },
    async (request) => {
      const orgId = orgOf(request);
      const p = await requirePursuit(orgId, request.params.id);
      const [data, readiness] = await Promise.all([listChecklist(db, orgId, p.pursuit_id), checklistReadiness(db, orgId, p.pursuit_id)]);
      return { data, readiness };
    },
  );

  app.post(
    '/pursuits/:id/checklist',
    { schema: { tags, errors: { 409: 'an item with this name exists (`conflict`)' }, summary: 'Add a checklist item (required by default)', params: s.idParams, body: s.checklistInput, response: { 201: s.checklistItemSchema } } },
    async (request, reply) => {
      const c = ctx(request);
      return reply.status(201).send(await transact(deps, (trx) => addChecklist(trx, c, request.params.id, request.body)));
    },
  );

  app.patch(
    '/pursuits/:id/checklist/:item_id',
    {
      schema: {
        tags,
        errors: { 409: 'an item with the new name exists (`conflict`)' }, summary: 'Mark an item done/undone (records who and when), rename it or change is_required',
        params: s.itemParams,
        body: s.checklistPatch,
        response: { 200: s.checklistItemSchema },
      },
    },
    async (request) => {
      const c = ctx(request);
      return transact(deps, (trx) => patchChecklist(trx, c, request.params.id, request.params.item_id, request.body));
    },
  );

  app.delete(
    '/pursuits/:id/checklist/:item_id',
    { schema: { tags, summary: 'Remove a checklist item', params: s.itemParams, response: { 200: s.checklistItemSchema } } },
    async (request) => {
      const c = ctx(request);
      return transact(deps, (trx) => removeChecklist(trx, c, request.params.id, request.params.item_id));
    },
  );
}
