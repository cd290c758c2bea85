import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponse, pageQuery } from '../http/paging.js';
import type { ZodApp } from '../http/zod-app.js';
import { cursorBy, listOrder, pageFrom, pageOffset, paged } from '../shared/paging.js';
import { seekPage } from '../db/keyset.js';
import { transact } from '../db/transact.js';
import { badRequest, notFound } from '../shared/errors.js';
import { calendarSchema } from './calendar.js';
import { appendAuditEvent, auditChanges, auditTrail } from '../outbox/audit.js';
import { WORKSTREAM_METRICS, deleteRule, getRule, insertRule, listRules, updateRule, type SlaRule } from './rules.repository.js';
import { pauseTaskSla, resumeTaskSla } from './task-pause.js';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import { idParams } from '../http/params.js';
import { noContent } from '../http/openapi.js';

const PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'NORMAL'] as const;

const metricSchema = z
  .string()
  .trim()
  .refine(
    (m) =>
      (WORKSTREAM_METRICS as readonly string[]).includes(m) ||
      PRIORITIES.some((p) => m === `priority:${p}`) ||
      /^category:\S.{0,99}$/.test(m),
    { message: `must be one of ${WORKSTREAM_METRICS.join(', ')}, priority:<${PRIORITIES.join('|')}> or category:<name>` },
  );

const isTaskMetric = (m: string) => m.startsWith('priority:') || m.startsWith('category:');

const ruleSchema = z.object({
  rule_id: z.number(),
  org_id: z.number(),
  metric: z.string(),
  threshold_hrs: z.number(),
  first_response_hrs: z.number().nullable(),
  warn_pct: z.number(),
  is_active: z.boolean(),
  calendar: calendarSchema.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const ruleBody = z
  .object({
    metric: metricSchema,
    threshold_hrs: z.number().positive().max(24 * 366),
    /** Task rules only: hours to the first reply by the org (null: no first-response target). */
    first_response_hrs: z.number().positive().max(24 * 366).nullable().default(null),
    warn_pct: z.number().gt(0).max(100).default(75),
    is_active: z.boolean().default(true),
    calendar: calendarSchema.nullable().default(null),
  })
  .strict()
  .refine((b) => b.first_response_hrs === null || isTaskMetric(b.metric), {
    path: ['first_response_hrs'],
    message: 'only task rules (priority:<P>, category:<name>) have a first-response target',
  });

const rulePatch = z
  .object({
    metric: metricSchema.optional(),
    threshold_hrs: z.number().positive().max(24 * 366).optional(),
    first_response_hrs: z.number().positive().max(24 * 366).nullable().optional(),
    warn_pct: z.number().gt(0).max(100).optional(),
    is_active: z.boolean().optional(),
    calendar: calendarSchema.nullable().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });

const breachSchema = z.object({
  breach_id: z.number(),
  org_id: z.number(),
  item_type: z.string(),
  item_id: z.string(),
  rule_id: z.number(),
  metric: z.string(),
  reason_code: z.string(),
  breached_at: z.string(),
  resolved_at: z.string().nullable(),
});

const boolQuery = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const admin = { minRole: 'admin' as const };


/** Breaches, newest first (what the list's cursors hold). */
const BREACH_ORDER = listOrder('sla_breaches', ['breached_at', 'breach_id'] as const, 'desc');
export interface SlaRouteDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
}

/** Registered with the prefix /api. */
export const slaRoutes: FastifyPluginAsync<{ deps: SlaRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  registerRuleRoutes(app, deps);
  registerBreachRoutes(app, deps);
  registerPauseRoutes(app, deps);
  registerSettingsRoutes(app, deps);
};

const auditRule = auditTrail<SlaRule>({
  entity: 'sla_rule',
  fields: ['metric', 'threshold_hrs', 'first_response_hrs', 'warn_pct', 'is_active', 'calendar'],
  itemId: (r) => r.rule_id,
  subject: (r) => ({ rule_id: r.rule_id, metric: r.metric }),
});

/** /workstream/sla-rules: list, create, change and delete the org's SLA rules; each change is audited. */
function registerRuleRoutes(app: ZodApp, deps: SlaRouteDeps): void {
  const now = () => deps.clock.now().toISOString();

  app.get(
    '/workstream/sla-rules',
    {
      schema: {
        tags: ['sla'],
        summary: 'SLA rules of this org (workstream metrics and task windows by priority/category)',
        querystring: z.object({ metric: z.string().optional(), active: boolQuery.optional() }),
        response: { 200: z.object({ data: z.array(ruleSchema) }) },
      },
    },
    async (req) => ({
      data: await listRules(deps.database.db, req.auth!.orgId, {
        ...(req.query.metric ? { metric: req.query.metric } : {}),
        ...(req.query.active ? { activeOnly: true } : {}),
      }),
    }),
  );

  app.post(
    '/workstream/sla-rules',
    { config: admin, schema: { tags: ['sla'], summary: 'Create an SLA rule', body: ruleBody, response: { 201: ruleSchema } } },
    async (req, reply) => {
      const at = now();
      const rule = await transact(deps, async (trx) => {
        const created = await insertRule(trx, req.auth!.orgId, req.body, at);
        await auditRule(trx, req.auth!, 'created', null, created, at);
        return created;
      });
      return reply.status(201).send(rule);
    },
  );

  app.patch(
    '/workstream/sla-rules/:id',
    { config: admin, schema: { tags: ['sla'], summary: 'Change an SLA rule', params: idParams, body: rulePatch, response: { 200: ruleSchema } } },
    async (req) => {
      const patch = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
      const at = now();
      return transact(deps, async (trx) => {
        const before = await getRule(trx, req.auth!.orgId, req.params.id);
        if (!before) throw notFound(`SLA rule ${req.params.id}`);
        const metric = (patch.metric as string | undefined) ?? before.metric;
        const firstResponse = patch.first_response_hrs !== undefined ? patch.first_response_hrs : before.first_response_hrs;
        if (firstResponse !== null && !isTaskMetric(metric)) {
          const message = 'only task rules (priority:<P>, category:<name>) have a first-response target';
          throw badRequest(`first_response_hrs: ${message}`, { fields: [{ field: 'first_response_hrs', message }] });
        }
        const rule = (await updateRule(trx, req.auth!.orgId, req.params.id, patch, at))!;
        await auditRule(trx, req.auth!, 'updated', before, rule, at);
        return rule;
      });
    },
  );

  app.delete(
    '/workstream/sla-rules/:id',
    { config: admin, schema: { tags: ['sla'], summary: 'Delete an SLA rule (its open breaches resolve on the next pass)', params: idParams, response: noContent } },
    async (req, reply) => {
      const at = now();
      await transact(deps, async (trx) => {
        const before = await getRule(trx, req.auth!.orgId, req.params.id);
        if (!before || !(await deleteRule(trx, req.auth!.orgId, req.params.id))) throw notFound(`SLA rule ${req.params.id}`);
        await auditRule(trx, req.auth!, 'deleted', before, null, at);
      });
      return reply.status(204).send(null);
    },
  );
}

/** /workstream/sla-breaches: the breach list. */
function registerBreachRoutes(app: ZodApp, deps: SlaRouteDeps): void {
  app.get(
    '/workstream/sla-breaches',
    {
      schema: {
        tags: ['sla'],
        summary: 'SLA breaches, newest first',
        querystring: pageQuery.extend({
          open: boolQuery.optional(),
          item_type: z.enum(['candidate', 'pursuit', 'task']).optional(),
          item_id: z.string().max(200).optional(),
        }),
        response: { 200: listResponse(breachSchema) },
      },
    },
    async (req) => {
      const q = req.query;
      const p = pageFrom(q, BREACH_ORDER);
      let base = deps.database.db.selectFrom('sla_breach').where('org_id', '=', req.auth!.orgId);
      if (q.open === true) base = base.where('resolved_at', 'is', null);
      if (q.open === false) base = base.where('resolved_at', 'is not', null);
      if (q.item_type) base = base.where('item_type', '=', q.item_type);
      if (q.item_id) base = base.where('item_id', '=', q.item_id);
      const [rows, count] = await Promise.all([
        seekPage(base.selectAll(), BREACH_ORDER, { limit: p.limit, offset: pageOffset(p), after: p.after }).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return paged(rows, p, Number(count.n), cursorBy(BREACH_ORDER));
    },
  );
}

/** /sla/tasks/:taskId/pause and /resume: a task's SLA clock. */
function registerPauseRoutes(app: ZodApp, deps: SlaRouteDeps): void {
  const now = () => deps.clock.now().toISOString();
  const pauseSchema = z.object({
    task_id: z.string(),
    sla_paused: z.boolean(),
    sla_paused_at: z.string().nullable(),
    sla_deadline: z.string().nullable(),
    sla_status: z.string(),
  });
  const taskParams = z.object({ taskId: z.string().min(1).max(100) });

  app.post(
    '/sla/tasks/:taskId/pause',
    { schema: { tags: ['sla'], errors: { 409: 'the task is completed (`conflict`)' }, summary: "Pause a task's SLA clock (idempotent)", params: taskParams, response: { 200: pauseSchema } } },
    async (req) => transact(deps, (trx) => pauseTaskSla(trx, req.auth!.orgId, req.params.taskId, now(), req.auth!.actor)),
  );

  app.post(
    '/sla/tasks/:taskId/resume',
    { schema: { tags: ['sla'], summary: "Resume a task's SLA clock; the deadline moves by the paused time", params: taskParams, response: { 200: pauseSchema } } },
    async (req) => transact(deps, (trx) => resumeTaskSla(trx, req.auth!.orgId, req.params.taskId, now(), req.auth!.actor)),
  );
}

/** /sla/settings: the org's high-value threshold. */
function registerSettingsRoutes(app: ZodApp, deps: SlaRouteDeps): void {
  const settings = z.object({ high_value_threshold: z.number(), currency: z.string() });
  app.get('/sla/settings', { schema: { tags: ['sla'], summary: 'Org SLA settings', response: { 200: settings } } }, async (req) =>
    deps.database.db
      .selectFrom('org')
      .select(['high_value_threshold', 'currency'])
      .where('org_id', '=', req.auth!.orgId)
      .executeTakeFirstOrThrow(),
  );
  app.patch(
    '/sla/settings',
    {
      config: admin,
      schema: {
        tags: ['sla'],
        summary: 'Change the high-value alert threshold',
        body: z.object({ high_value_threshold: z.number().nonnegative().max(1e12) }).strict(),
        response: { 200: settings },
      },
    },
    async (req) => {
      const orgId = req.auth!.orgId;
      const now = deps.clock.now().toISOString();
      return transact(deps, async (trx) => {
        const before = await trx.selectFrom('org').select(['high_value_threshold', 'currency']).where('org_id', '=', orgId).executeTakeFirstOrThrow();
        const after = await trx
          .updateTable('org')
          .set({ high_value_threshold: req.body.high_value_threshold })
          .where('org_id', '=', orgId)
          .returning(['high_value_threshold', 'currency'])
          .executeTakeFirstOrThrow();
        await appendAuditEvent(trx, {
          orgId,
          entity: 'org',
          action: 'updated',
          itemId: orgId,
          by: req.auth!,
          changes: auditChanges({ high_value_threshold: Number(before.high_value_threshold) }, { high_value_threshold: Number(after.high_value_threshold) }, { fields: ['high_value_threshold'] }),
          happenedAt: now,
        });
        return after;
      });
    },
  );
}
