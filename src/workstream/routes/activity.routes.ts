/** Workstream routes: today, stats, events (registered by ../workstream.routes.ts under /api/workstream). */
import { z } from 'zod';
import { sendJson } from '../../http/send-json.js';
import { listResponse, pageQuery } from '../../http/paging.js';
import { cursorBy, pageFrom, pageOffset, paged } from '../../shared/paging.js';
import { listWorkEvents, WORK_EVENT_ORDER } from '../../outbox/work-events.repository.js';
import { badRequest } from '../../shared/errors.js';
import { sqlHelpers } from '../../db/sql-helpers.js';
import { workstreamStatsAnswer } from '../stats.repository.js';
import { todayPanelAnswer, todayPanelJson } from '../today.repository.js';
import * as s from '../workstream.schemas.js';
import type { WorkstreamRouteKit } from './route-kit.js';

export function registerActivityRoutes(k: WorkstreamRouteKit): void {
  const { app, deps, db, orgOf, tags } = k;
  const todaySchema = z.array(s.todayItemSchema);
  const h = sqlHelpers(deps.database.engine);
  app.get(
    '/today',
    { schema: { tags, summary: 'Today panel: open candidates and pursuits, red/amber/green, at most 200', response: { 200: todaySchema } } },
    async (request, reply) => {
      const orgId = orgOf(request);
      const now = deps.clock.now();
      const items = await deps.answers.get({
        scope: 'workstream.today',
        orgId,
        now,
        schema: todaySchema,
        // Not kept (cache off): the panel alone, without the query for how long it would stay valid.
        compute: async ({ stored }) => (stored ? todayPanelAnswer(deps.database, h, orgId, now) : { json: await todayPanelJson(deps.database, h, orgId, now) }),
      });
      return sendJson(request, reply, items);
    },
  );

  app.get(
    '/stats',
    { schema: { tags, summary: 'Totals and created in the last 7 days', response: { 200: s.statsSchema } } },
    async (request, reply) => {
      const orgId = orgOf(request);
      const now = deps.clock.now();
      return sendJson(request, reply, await deps.answers.get({ scope: 'workstream.stats', orgId, now, schema: s.statsSchema, compute: () => workstreamStatsAnswer(db, orgId, now) }));
    },
  );

  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'Activity log of one item (item_type + item_id) or of the org, newest first',
        querystring: pageQuery.extend(s.eventsQuery.shape),
        response: { 200: listResponse(s.workEventSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.item_id !== undefined && q.item_type === undefined) {
        throw badRequest('item_id needs item_type', { fields: [{ field: 'item_type', message: 'required with item_id' }] });
      }
      const p = pageFrom(q, WORK_EVENT_ORDER);
      const { data, total } = await listWorkEvents(db, {
        orgId: orgOf(request),
        ...(q.item_type !== undefined ? { itemType: q.item_type } : {}),
        ...(q.item_id !== undefined ? { itemId: q.item_id } : {}),
        limit: p.limit,
        offset: pageOffset(p),
        after: p.after,
      });
      return paged(data, p, total, cursorBy(WORK_EVENT_ORDER));
    },
  );
}
