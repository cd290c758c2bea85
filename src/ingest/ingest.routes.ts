import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponse, pageQuery } from '../http/paging.js';
import type { ZodApp } from '../http/zod-app.js';
import { cursorBy, pageFrom, pageOffset, paged } from '../shared/paging.js';
import { badRequest, notFound } from '../shared/errors.js';
import { getBatch, listBatches, BATCH_ORDER, listItems, ITEM_ORDER } from './batch.repository.js';
import { CATEGORIES } from './categorise.js';
import { getIngestConfig, ingestConfigSchema, putIngestConfig } from './config.js';
import { ingestMessages } from './ingest.service.js';
import { splitMbox } from './mbox.js';
import { ParsePool } from './parse-pool.js';
import { ruleTarget } from './assignment.js';
import { deleteRoutingRule, FALLBACK_CATEGORY, getRoutingRule, listRoutingRules, upsertRoutingRule, type RoutingRule } from './routing.repository.js';
import { transact } from '../db/transact.js';
import { appendAuditEvent, auditChanges, auditTrail } from '../outbox/audit.js';
import type { Config } from '../config/config.js';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import { idParams } from '../http/params.js';
import { noContent } from '../http/openapi.js';

const batchSchema = z.object({
  batch_id: z.number(),
  org_id: z.number(),
  source: z.string(),
  source_name: z.string().nullable(),
  actor: z.string(),
  status: z.string(),
  read: z.number(),
  new_signals: z.number(),
  new_tasks: z.number(),
  duplicates: z.number(),
  failed: z.number(),
  not_actionable: z.number(),
  error: z.string().nullable(),
  started_at: z.string(),
  completed_at: z.string().nullable(),
  duration_ms: z.number().nullable(),
});

const outcomeSchema = z.enum(['created', 'signal_only', 'duplicate', 'failed']);

const itemSchema = z.object({
  seq: z.number(),
  outcome: outcomeSchema,
  message_id: z.string().nullable(),
  signal_id: z.number().nullable(),
  task_id: z.string().nullable(),
  reason: z.string().nullable(),
});

const storedItemSchema = itemSchema.extend({
  item_id: z.number(),
  batch_id: z.number(),
  dedupe_key: z.string().nullable(),
  subject: z.string().nullable(),
  sender: z.string().nullable(),
  created_at: z.string(),
});

const routingSchema = z.object({
  category: z.string(),
  owner: z.string(),
  owner_email: z.string().nullable(),
  /** New tasks of the category are assigned (owner_user_id) to this user, or round-robin in this team. */
  assign_user_id: z.number().nullable(),
  assign_team_id: z.number().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const MAX_MESSAGES = 50_000;
/** Below this many messages a batch is parsed inline: a thread hop costs more than it saves. */
const INLINE_BELOW = 32;
const RETURNED_ITEMS = 1000;

const rawMessage = z.string().min(1, 'must be a non-empty raw RFC 822 message');
/** A JSON array of raw messages, {"messages": [...]}, or one raw message as a JSON string. */
const jsonBody = z.union([
  z.array(rawMessage).min(1, 'needs at least one message').max(MAX_MESSAGES),
  z.object({ messages: z.array(rawMessage).min(1, 'needs at least one message').max(MAX_MESSAGES), org_id: z.number().int().optional() }).strict(),
  rawMessage,
]);

const ingestAnswer = z.object({ batch: batchSchema, items: z.array(itemSchema), items_truncated: z.boolean() });

const admin = { minRole: 'admin' as const };

export interface IngestRouteDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
  config: Pick<Config, 'ingestBodyLimit'>;
}

/** Registered with the prefix /api/ingest. */
export const ingestRoutes: FastifyPluginAsync<{ deps: IngestRouteDeps }> = async (appIn, { deps }) => {
  const inline = new ParsePool(0);
  const workers = ParsePool.forBatches();
  appIn.addHook('onClose', async () => {
    await workers.close();
  });
  registerEmailRoute(appIn, deps, inline, workers);

  const app = appIn.withTypeProvider<ZodTypeProvider>();
  registerBatchRoutes(app, deps);
  registerRoutingRuleRoutes(app, deps);
  registerConfigRoutes(app, deps);
};

/** POST /emails: raw mail in; small batches parse on `inline`, larger ones on the `workers` pool. */
function registerEmailRoute(appIn: FastifyInstance, deps: IngestRouteDeps, inline: ParsePool, workers: ParsePool): void {
  // Raw mail bodies are parsed only on this route (an encapsulated scope), with the ingestion limit.
  void appIn.register(async (scopeIn) => {
    const scope = scopeIn.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(['message/rfc822', 'application/mbox'], { parseAs: 'buffer', bodyLimit: deps.config.ingestBodyLimit }, (_req, body, done) => {
      done(null, body);
    });

    scope.post(
      '/emails',
      {
        bodyLimit: deps.config.ingestBodyLimit,
        config: { cleansNul: true },
        schema: {
          tags: ['ingest'],
          summary: 'Ingest raw RFC 822 messages (JSON array of strings, {"messages": [...]}, one JSON string, a message/rfc822 body, or an application/mbox body)',
          response: { 201: ingestAnswer },
        },
      },
      async (req, reply) => {
        const messages = toMessages(req.headers['content-type'], req.body);
        const list = Array.isArray(messages) ? messages : await collect(messages);
        if (list.length === 0) throw badRequest('The mailbox holds no messages', { fields: [{ field: '(body)', message: 'no messages' }] });
        if (list.length > MAX_MESSAGES) throw badRequest(`At most ${MAX_MESSAGES} messages per request`);
        const auth = req.auth!;
        const result = await ingestMessages(
          { database: deps.database, clock: deps.clock, commitFeed: deps.commitFeed, pool: list.length < INLINE_BELOW ? inline : workers },
          { orgId: auth.orgId, actor: auth.actor, source: 'api', sourceName: null },
          list,
          RETURNED_ITEMS,
        );
        return reply.status(201).send({ batch: result.batch, items: result.items, items_truncated: result.batch.read > result.items.length });
      },
    );
  });
}

/** /batches: ingest batches and their items. */
function registerBatchRoutes(app: ZodApp, deps: IngestRouteDeps): void {

  app.get(
    '/batches',
    { schema: { tags: ['ingest'], summary: 'Ingest batches, newest first', querystring: pageQuery, response: { 200: listResponse(batchSchema) } } },
    async (req) => {
      const p = pageFrom(req.query, BATCH_ORDER);
      const { data, total } = await listBatches(deps.database.db, req.auth!.orgId, { limit: p.limit, offset: pageOffset(p), after: p.after });
      return paged(data, p, total, cursorBy(BATCH_ORDER));
    },
  );

  app.get(
    '/batches/:id',
    { schema: { tags: ['ingest'], summary: 'One ingest batch with its counts', params: idParams, response: { 200: batchSchema } } },
    async (req) => {
      const b = await getBatch(deps.database.db, req.auth!.orgId, req.params.id);
      if (!b) throw notFound(`Ingest batch ${req.params.id}`);
      return b;
    },
  );

  app.get(
    '/batches/:id/items',
    {
      schema: {
        tags: ['ingest'],
        summary: "A batch's messages and what each became (filter outcome=failed for the reasons)",
        params: idParams,
        querystring: pageQuery.extend({ outcome: outcomeSchema.optional() }),
        response: { 200: listResponse(storedItemSchema) },
      },
    },
    async (req) => {
      const orgId = req.auth!.orgId;
      const p = pageFrom(req.query, ITEM_ORDER);
      if (!(await getBatch(deps.database.db, orgId, req.params.id))) throw notFound(`Ingest batch ${req.params.id}`);
      const { data, total } = await listItems(deps.database.db, orgId, req.params.id, {
        ...(req.query.outcome ? { outcome: req.query.outcome } : {}),
        limit: p.limit,
        offset: pageOffset(p),
        after: p.after,
      });
      return paged(data, p, total, cursorBy(ITEM_ORDER));
    },
  );
}

const auditRoutingRule = auditTrail<RoutingRule>({
  entity: 'routing_rule',
  fields: ['owner', 'owner_email', 'assign_user_id', 'assign_team_id'],
  itemId: (r) => r.category,
  subject: (r) => ({ category: r.category }),
});

/** /routing-rules: category → owner; each change is audited. */
function registerRoutingRuleRoutes(app: ZodApp, deps: IngestRouteDeps): void {
  const categoryParams = z.object({ category: z.string().trim().min(1).max(60) });
  app.get(
    '/routing-rules',
    {
      schema: {
        tags: ['ingest'],
        summary: `Routing rules: new tasks of a category go to its owner ("${FALLBACK_CATEGORY}" = every other category)`,
        response: { 200: z.object({ data: z.array(routingSchema), categories: z.array(z.string()) }) },
      },
    },
    async (req) => ({
      data: (await listRoutingRules(deps.database.db, req.auth!.orgId)).map(({ org_id: _o, ...r }) => r),
      categories: [...CATEGORIES],
    }),
  );

  app.put(
    '/routing-rules/:category',
    {
      config: admin,
      schema: {
        tags: ['ingest'],
        summary:
          'Route a category to an owner (creates or replaces); assign_user_id or assign_team_id (round-robin) also assigns its new tasks (owner defaults to their name)',
        params: categoryParams,
        body: z
          .object({
            owner: z.string().trim().min(1).max(200).optional(),
            owner_email: z.string().trim().email().max(320).nullable().default(null),
            assign_user_id: z.number().int().positive().nullable().optional(),
            assign_team_id: z.number().int().positive().nullable().optional(),
          })
          .strict(),
        response: { 200: routingSchema },
      },
    },
    async (req) => {
      const now = deps.clock.now().toISOString();
      const { org_id: _o, ...r } = await transact(deps, async (trx) => {
        const before = await getRoutingRule(trx, req.auth!.orgId, req.params.category);
        const target = await ruleTarget(trx, req.auth!.orgId, req.body);
        const after = await upsertRoutingRule(trx, req.auth!.orgId, { category: req.params.category, owner_email: req.body.owner_email, ...target }, now);
        await auditRoutingRule(trx, req.auth!, before ? 'updated' : 'created', before ?? null, after, now);
        return after;
      });
      return r;
    },
  );

  app.delete(
    '/routing-rules/:category',
    { config: admin, schema: { tags: ['ingest'], summary: 'Remove a routing rule', params: categoryParams, response: noContent } },
    async (req, reply) => {
      await transact(deps, async (trx) => {
        const before = await getRoutingRule(trx, req.auth!.orgId, req.params.category);
        if (!before || !(await deleteRoutingRule(trx, req.auth!.orgId, req.params.category))) throw notFound(`Routing rule for ${req.params.category}`);
        await auditRoutingRule(trx, req.auth!, 'deleted', before, null, deps.clock.now().toISOString());
      });
      return reply.status(204).send(null);
    },
  );
}

/** /config: the extraction settings. */
function registerConfigRoutes(app: ZodApp, deps: IngestRouteDeps): void {
  const configAnswer = z.object({ config: ingestConfigSchema, updated_at: z.string().nullable(), updated_by: z.string().nullable() });
  app.get(
    '/config',
    { schema: { tags: ['ingest'], summary: 'Extraction settings: extra category rules, minimum score, own names, ignored domains', response: { 200: configAnswer } } },
    async (req) => getIngestConfig(deps.database.db, req.auth!.orgId),
  );
  app.put(
    '/config',
    { config: admin, schema: { tags: ['ingest'], summary: 'Replace the extraction settings', body: ingestConfigSchema, response: { 200: configAnswer } } },
    async (req) => {
      const orgId = req.auth!.orgId;
      const now = deps.clock.now().toISOString();
      await transact(deps, async (trx) => {
        const before = await getIngestConfig(trx, orgId);
        await putIngestConfig(trx, orgId, req.body, now, req.auth!.actor);
        await appendAuditEvent(trx, {
          orgId,
          entity: 'ingest_config',
          action: 'updated',
          itemId: orgId,
          by: req.auth!,
          changes: auditChanges(before.config, req.body, { fields: Object.keys(ingestConfigSchema.shape) }),
          happenedAt: now,
        });
      });
      return getIngestConfig(deps.database.db, orgId);
    },
  );
}

function toMessages(contentType: string | undefined, body: unknown): Array<Buffer | string> | AsyncIterable<Buffer> {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type === 'message/rfc822') {
    if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('The message/rfc822 body is empty');
    return [body];
  }
  if (type === 'application/mbox') {
    if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('The application/mbox body is empty');
    return splitMbox([body]);
  }
  const parsed = jsonBody.safeParse(body);
  if (!parsed.success) {
    throw badRequest('Send a JSON array of raw messages, {"messages": [...]}, one raw message as a JSON string, or a message/rfc822 body', {
      fields: parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', message: i.message })),
    });
  }
  const v = parsed.data;
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v : v.messages;
}

async function collect(it: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const m of it) out.push(m);
  return out;
}
