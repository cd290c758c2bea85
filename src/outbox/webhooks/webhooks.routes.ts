import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponse, pageQuery } from '../../http/paging.js';
import type { ZodApp } from '../../http/zod-app.js';
import { cursorBy, pageFrom, pageOffset, paged } from '../../shared/paging.js';
import { badRequest, conflict, notFound } from '../../shared/errors.js';
import { checkWebhookUrl, UrlNotAllowed } from './url-guard.js';
import { transact } from '../../db/transact.js';
import { toBool, type Row } from '../../db/types.js';
import { appendAuditEvent, auditTrail } from '../audit.js';
import { redriveDelivery } from './redrive.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries, DELIVERY_ORDER,
  listWebhooks, WEBHOOK_ORDER,
  newWebhookSecret,
  rotatedSecrets,
  toWebhookView,
  updateWebhook,
  type WebhookSecrets,
} from './webhooks.repository.js';
import type { Config } from '../../config/config.js';
import type { CommitFeed } from '../../db/commit-feed.js';
import type { Database } from '../../db/create-db.js';
import type { Clock } from '../../shared/clock.js';
import { idParams, positiveId } from '../../http/params.js';
import type { SecretKeyRing } from '../../shared/secret-box.js';

const webhookSchema = z.object({
  webhook_id: z.number(),
  org_id: z.number(),
  url: z.string(),
  events: z.array(z.string()),
  is_active: z.boolean(),
  created_at: z.string(),
  secret_prefix: z.string(),
});

const deliverySchema = z.object({
  delivery_id: z.number(),
  webhook_id: z.number(),
  work_event_id: z.number(),
  attempt: z.number(),
  status_code: z.number().nullable(),
  succeeded: z.boolean(),
  error: z.string().nullable(),
  duration_ms: z.number().nullable(),
  created_at: z.string(),
});

/** An event name (`pursuit.won`), a prefix pattern (`pursuit.*`) or `*`. */
const eventPattern = z
  .string()
  .trim()
  .regex(/^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/, 'must be an event name such as pursuit.won, a pattern such as pursuit.*, or *');

const createBody = z
  .object({
    url: z.string().trim().min(1).max(2048),
    secret: z
      .string()
      .min(16, 'secret must be at least 16 characters')
      .max(256)
      .refine((v) => !v.startsWith('{'), 'secret must not start with "{"')
      .optional(),
    events: z.array(eventPattern).max(100).default([]),
    is_active: z.boolean().default(true),
    org_id: z.number().int().optional(),
  })
  .strict()
  .meta({ examples: [{ url: 'https://hooks.acme.example/flowledger', events: ['pursuit.*', 'task.created'] }] });

const patchBody = z
  .object({
    url: z.string().trim().min(1).max(2048).optional(),
    events: z.array(eventPattern).max(100).optional(),
    is_active: z.boolean().optional(),
    /** true: replace the secret with a new random one, returned once in this answer. */
    rotate_secret: z.literal(true).optional(),
    org_id: z.number().int().optional(),
  })
  .strict()
  .refine((b) => b.url !== undefined || b.events !== undefined || b.is_active !== undefined || b.rotate_secret, {
    message: 'Give at least one of url, events, is_active, rotate_secret',
  });


const admin = { minRole: 'admin' as const };

export interface WebhookRouteDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
  config: Pick<Config, 'webhookAllowPrivateNetworks' | 'webhookSecretOverlapMs'>;
  /** Seals secrets on write; opened only by a rotation, to keep the old secret signing for the overlap. */
  secrets: SecretKeyRing;
}

/**
 * Audit records keep a URL's origin only: receivers such as chat hooks carry their credential in
 * the path or query, and the activity log is readable by every role.
 */
function urlOrigin(url: unknown): string {
  const u = new URL(String(url));
  return u.pathname === '/' && !u.search ? u.origin : `${u.origin}/…`;
}

/** The audited fields of an endpoint row: the sealed secret differs whenever the secret was replaced. */
const auditWebhook = auditTrail<Row<'webhook_endpoint'>>({
  entity: 'webhook',
  fields: ['url', 'events', 'is_active', 'secret'],
  secret: ['secret'],
  show: { url: urlOrigin },
  itemId: (r) => r.webhook_id,
  subject: (r) => ({ webhook_id: r.webhook_id }),
  view: (r) => ({ url: r.url, events: JSON.parse(r.events_json) as string[], is_active: toBool(r.is_active), secret: r.secret }),
});

/** Per-org webhook endpoints (admin only). The secret is returned once, at creation. Registered with the prefix /api/webhooks. */
export const webhookRoutes: FastifyPluginAsync<{ deps: WebhookRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  registerEndpointCollectionRoutes(app, deps);
  registerEndpointRoutes(app, deps);
  registerDeliveryRoutes(app, deps);
};

/** Refuses, as a 400 naming the field, a url that url-guard.ts does not allow. */
function urlGuard(deps: WebhookRouteDeps): (url: string) => Promise<void> {
  return async function assertUrlAllowed(url: string): Promise<void> {
    try {
      await checkWebhookUrl(url, deps.config.webhookAllowPrivateNetworks);
    } catch (err) {
      if (err instanceof UrlNotAllowed) throw badRequest(`Invalid url: ${err.message}`, { fields: [{ field: 'url', message: err.message }] });
      throw err;
    }
  };
}

/** The prefix itself: register an endpoint, list the org's endpoints. */
function registerEndpointCollectionRoutes(app: ZodApp, deps: WebhookRouteDeps): void {
  const assertUrlAllowed = urlGuard(deps);

  app.post(
    '',
    {
      config: admin,
      schema: {
        tags: ['webhooks'],
        operationId: 'createWebhook', summary: 'Register a webhook endpoint (the signing secret is returned once)',
        body: createBody,
        response: { 201: webhookSchema.extend({ secret: z.string() }) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      await assertUrlAllowed(b.url);
      const secret = b.secret ?? newWebhookSecret();
      const now = deps.clock.now().toISOString();
      const row = await transact(deps, async (trx) => {
        const created = await createWebhook(trx, deps.secrets, {
          orgId: request.auth!.orgId,
          url: new URL(b.url).toString(),
          secret,
          events: [...new Set(b.events)],
          isActive: b.is_active,
          now,
        });
        await auditWebhook(trx, request.auth!, 'created', null, created, now);
        return created;
      });
      return reply.status(201).send({ ...toWebhookView(row), secret });
    },
  );

  app.get(
    '',
    { config: admin, schema: { tags: ['webhooks'], operationId: 'listWebhooks', summary: "This org's webhook endpoints", querystring: pageQuery, response: { 200: listResponse(webhookSchema) } } },
    async (request) => {
      const p = pageFrom(request.query, WEBHOOK_ORDER);
      const { data, total } = await listWebhooks(deps.database.db, { orgId: request.auth!.orgId, limit: p.limit, offset: pageOffset(p), after: p.after });
      return paged(data, p, total, cursorBy(WEBHOOK_ORDER));
    },
  );
}

/** /:id: read, change or delete one endpoint. */
function registerEndpointRoutes(app: ZodApp, deps: WebhookRouteDeps): void {
  const assertUrlAllowed = urlGuard(deps);

  app.get(
    '/:id',
    { config: admin, schema: { tags: ['webhooks'], operationId: 'getWebhook', summary: 'One webhook endpoint', params: idParams, response: { 200: webhookSchema } } },
    async (request) => {
      const row = await getWebhook(deps.database.db, request.auth!.orgId, request.params.id);
      if (!row) throw notFound(`Webhook ${request.params.id}`);
      return toWebhookView(row);
    },
  );

  app.patch(
    '/:id',
    {
      config: admin,
      schema: {
        tags: ['webhooks'],
        operationId: 'updateWebhook', summary: 'Change an endpoint: url, event filter, pause/resume (is_active), or rotate its secret',
        params: idParams,
        body: patchBody,
        response: { 200: webhookSchema.extend({ secret: z.string().optional(), previous_secret_expires_at: z.string().nullable().optional() }) },
      },
    },
    async (request) => {
      const b = request.body;
      if (b.url !== undefined) await assertUrlAllowed(b.url);
      const orgId = request.auth!.orgId;
      const now = deps.clock.now();
      const nowIso = now.toISOString();
      let rotated: WebhookSecrets | undefined;
      const row = await transact(deps, async (trx) => {
        const before = await getWebhook(trx, orgId, request.params.id);
        if (!before) throw notFound(`Webhook ${request.params.id}`);
        if (b.rotate_secret) rotated = rotatedSecrets(deps.secrets, before, now, deps.config.webhookSecretOverlapMs);
        const after = (await updateWebhook(trx, deps.secrets, orgId, request.params.id, {
          ...(b.url !== undefined ? { url: new URL(b.url).toString() } : {}),
          ...(b.events !== undefined ? { events: [...new Set(b.events)] } : {}),
          ...(b.is_active !== undefined ? { isActive: b.is_active } : {}),
          ...(rotated ? { secrets: rotated } : {}),
        }))!;
        await auditWebhook(trx, request.auth!, 'updated', before, after, nowIso);
        return after;
      });
      const secret = rotated?.current;
      return { ...toWebhookView(row), ...(rotated ? { secret, previous_secret_expires_at: rotated.previous?.until ?? null } : {}) };
    },
  );

  app.delete(
    '/:id',
    { config: admin, schema: { tags: ['webhooks'], operationId: 'deleteWebhook', summary: 'Delete a webhook endpoint and its delivery log', params: idParams, response: { 200: webhookSchema } } },
    async (request) => {
      const now = deps.clock.now().toISOString();
      const row = await transact(deps, async (trx) => {
        const deleted = await deleteWebhook(trx, request.auth!.orgId, request.params.id);
        if (!deleted) throw notFound(`Webhook ${request.params.id}`);
        await auditWebhook(trx, request.auth!, 'deleted', deleted, null, now);
        return deleted;
      });
      return toWebhookView(row);
    },
  );
}

const redriveSchema = z.object({
  delivery_id: z.number(),
  webhook_id: z.number(),
  work_event_id: z.number(),
  deliver_event_id: z.number(),
  status: z.literal('queued'),
});

/** /:id/deliveries: an endpoint's delivery log, and redriving one delivery that did not get through. */
function registerDeliveryRoutes(app: ZodApp, deps: WebhookRouteDeps): void {
  app.get(
    '/:id/deliveries',
    {
      config: admin,
      schema: { tags: ['webhooks'], operationId: 'listWebhookDeliveries', summary: 'Delivery attempts, newest first', params: idParams, querystring: pageQuery, response: { 200: listResponse(deliverySchema) } },
    },
    async (request) => {
      const orgId = request.auth!.orgId;
      if (!(await getWebhook(deps.database.db, orgId, request.params.id))) throw notFound(`Webhook ${request.params.id}`);
      const p = pageFrom(request.query, DELIVERY_ORDER);
      const { data, total } = await listDeliveries(deps.database.db, { orgId, webhookId: request.params.id, limit: p.limit, offset: pageOffset(p), after: p.after });
      return paged(data, p, total, cursorBy(DELIVERY_ORDER));
    },
  );

  app.post(
    '/:id/deliveries/:delivery_id/redrive',
    {
      config: admin,
      schema: {
        tags: ['webhooks'],
        operationId: 'redriveWebhookDelivery', errors: { 409: 'the event was delivered (a 2xx is never repeated), or the endpoint is paused (`conflict`)' }, summary: 'Send a failed or dead-lettered delivery again: due now, with a fresh attempt budget (idempotent)',
        params: z.object({ id: positiveId, delivery_id: positiveId }),
        response: { 202: redriveSchema },
      },
    },
    async (request, reply) => {
      const { id, delivery_id } = request.params;
      const orgId = request.auth!.orgId;
      const now = deps.clock.now().toISOString();
      const res = await transact(deps, async (trx) => {
        const r = await redriveDelivery(trx, { orgId, webhookId: id, deliveryId: delivery_id, now });
        if (r.kind === 'not_found') throw notFound(`Delivery ${delivery_id} of webhook ${id}`);
        if (r.kind === 'delivered') throw conflict(`Delivery ${delivery_id} of webhook ${id} was delivered (a receiver that answered 2xx never gets the event again)`);
        if (r.kind === 'paused') throw conflict(`Webhook ${id} is paused: resume it (is_active: true) before redriving a delivery`);
        // An already queued delivery changes nothing and appends no audit event.
        await appendAuditEvent(trx, {
          orgId,
          entity: 'webhook',
          action: 'redriven',
          itemId: id,
          by: request.auth!,
          changes: r.from === 'queued' ? {} : { delivery: { before: r.from, after: 'queued' } },
          subject: { webhook_id: id, delivery_id, work_event_id: r.work_event_id },
          happenedAt: now,
        });
        return r;
      });
      // The redrive may be an update, not an insert: no trigger tells other processes' workers.
      await deps.commitFeed.announce();
      return reply.status(202).send({ delivery_id, webhook_id: id, work_event_id: res.work_event_id, deliver_event_id: res.deliver_event_id, status: 'queued' as const });
    },
  );
}
