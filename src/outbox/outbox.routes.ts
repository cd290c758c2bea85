import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponse, pageQuery } from '../http/paging.js';
import { cursorBy, pageFrom, pageOffset, paged } from '../shared/paging.js';
import { conflict, notFound } from '../shared/errors.js';
import { registerQueueDepthGauge } from './outbox.metrics.js';
import { transact } from '../db/transact.js';
import { appendAuditEvent } from './audit.js';
import { DEAD_LETTER_ORDER, discardDeadLetter, listDeadLetters, queueDepth, redriveDeadLetter } from './outbox.repository.js';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import type { Registry } from 'prom-client';
import type { Clock } from '../shared/clock.js';
import { idParams } from '../http/params.js';

const statsSchema = z.object({
  pending: z.number(),
  in_flight: z.number(),
  failed_waiting: z.number(),
  dead_lettered: z.number(),
  oldest_pending_at: z.string().nullable(),
  oldest_pending_age_s: z.number().nullable(),
});

const deadLetterSchema = z.object({
  work_event_id: z.number(),
  event_name: z.string(),
  item_type: z.string(),
  item_id: z.string(),
  payload: z.record(z.string(), z.unknown()),
  attempts: z.number(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  dead_letter_at: z.string(),
});


export interface OutboxRouteDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
  metrics: { registry: Registry };
}

/** Admin view of this org's outbox: queue depth, dead letters, redrive. Registered with the prefix /api/outbox. */
export const outboxRoutes: FastifyPluginAsync<{ deps: OutboxRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const admin = { minRole: 'admin' as const };
  registerQueueDepthGauge(deps.metrics.registry, deps.database, deps.clock);

  app.get(
    '/stats',
    { config: admin, schema: { tags: ['outbox'], summary: "This org's outbox queue by state", response: { 200: statsSchema } } },
    async (request) => {
      const d = await queueDepth(deps.database.db, { orgId: request.auth!.orgId });
      const age = d.oldest_pending_at ? Math.max(0, (deps.clock.now().getTime() - Date.parse(d.oldest_pending_at)) / 1000) : null;
      return { ...d, oldest_pending_age_s: age === null ? null : Math.round(age * 1000) / 1000 };
    },
  );

  app.get(
    '/dead-letters',
    { config: admin, schema: { tags: ['outbox'], summary: 'Dead-lettered work events, newest first', querystring: pageQuery, response: { 200: listResponse(deadLetterSchema) } } },
    async (request) => {
      const p = pageFrom(request.query, DEAD_LETTER_ORDER);
      const { data, total } = await listDeadLetters(deps.database.db, { orgId: request.auth!.orgId, limit: p.limit, offset: pageOffset(p), after: p.after });
      return paged(data, p, total, cursorBy(DEAD_LETTER_ORDER));
    },
  );

  app.post(
    '/dead-letters/:id/retry',
    {
      config: admin,
      schema: {
        tags: ['outbox'],
        errors: { 409: 'not dead-lettered (`conflict`)' }, summary: 'Redrive a dead letter: due now, with a fresh attempt budget',
        params: idParams,
        response: { 202: z.object({ work_event_id: z.number(), status: z.literal('queued') }) },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const res = await redriveDeadLetter(deps.database.db, { orgId: request.auth!.orgId, workEventId: id, now: deps.clock.now().toISOString() });
      if (res === 'not_found') throw notFound(`Work event ${id}`);
      if (res === 'not_dead') throw conflict(`Work event ${id} is not dead-lettered`);
      // A redrive is an update, not an insert: no trigger tells other processes' workers.
      await deps.commitFeed.announce();
      return reply.status(202).send({ work_event_id: id, status: 'queued' as const });
    },
  );

  app.post(
    '/dead-letters/:id/discard',
    {
      config: admin,
      schema: {
        tags: ['outbox'],
        errors: { 409: 'not dead-lettered: pending, delivered or already discarded (`conflict`)' }, summary: 'Discard a dead letter: it leaves the list and is never retried (its handlers never run)',
        params: idParams,
        response: { 200: z.object({ work_event_id: z.number(), status: z.literal('discarded') }) },
      },
    },
    async (request) => {
      const id = request.params.id;
      const by = request.auth!;
      const now = deps.clock.now().toISOString();
      await transact(deps, async (trx) => {
        const res = await discardDeadLetter(trx, { orgId: by.orgId, workEventId: id, now });
        if (res === 'not_found') throw notFound(`Work event ${id}`);
        if (res === 'not_dead') throw conflict(`Work event ${id} is not dead-lettered`);
        await appendAuditEvent(trx, {
          orgId: by.orgId,
          entity: 'dead_letter',
          action: 'discarded',
          itemId: id,
          by,
          changes: { status: { before: 'dead_lettered', after: 'discarded' } },
          subject: { work_event_id: id, event_name: res.event_name, attempts: res.attempts, last_error: res.last_error },
          happenedAt: now,
        });
      });
      return { work_event_id: id, status: 'discarded' as const };
    },
  );
};
