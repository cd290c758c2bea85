import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/create-db.js';
import { listResponse, pageQuery } from '../http/paging.js';
import { cursorBy, pageFrom, pageOffset, paged } from '../shared/paging.js';
import { AUDIT_PREFIX, listWorkEvents, WORK_EVENT_ORDER } from './work-events.repository.js';
import { workEventSchema } from './work-events.schema.js';

const auditQuery = pageQuery.extend({
  event_name: z
    .string()
    .max(100)
    .regex(/^audit\.[a-z0-9_.]*$/, 'must start with "audit." followed by lower-case letters, digits, "_" or "." (e.g. audit.user. or audit.api_key.revoked)')
    .optional(),
});

export interface AuditRouteDeps {
  database: Database;
}

/**
 * The org's audit trail for admins (registered with the prefix /api/audit): only `audit.*` events,
 * so the trail is not lost among the business events of `GET /api/workstream/events`.
 */
export const auditRoutes: FastifyPluginAsync<{ deps: AuditRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();

  app.get(
    '',
    {
      config: { minRole: 'admin' as const },
      schema: {
        tags: ['audit'],
        summary: `This org's audit events, newest first; event_name keeps those whose name starts with it (${AUDIT_PREFIX}user. for one kind)`,
        querystring: auditQuery,
        response: { 200: listResponse(workEventSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const p = pageFrom(q, WORK_EVENT_ORDER);
      const { data, total } = await listWorkEvents(deps.database.db, {
        orgId: request.auth!.orgId,
        eventPrefix: q.event_name ?? AUDIT_PREFIX,
        limit: p.limit,
        offset: pageOffset(p),
        after: p.after,
      });
      return paged(data, p, total, cursorBy(WORK_EVENT_ORDER));
    },
  );
};
