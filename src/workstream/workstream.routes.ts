/**
 * REST API of the workstream under /api/workstream: signals → candidates → pursuits → proposals,
 * checklists, the Today panel, stats and the activity log. Reads use the database handle; every
 * write runs in one transaction (transact) that also appends its work event.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendJson } from '../http/answer-cache.js';
import type { AppDeps } from '../http/deps.js';
import { validationError } from '../http/errors.js';
import { listResponse, pageOffset, pageQuery, paged } from '../http/paging.js';
import { transact } from '../outbox/transact.js';
import { listWorkEvents } from '../outbox/work-events.repository.js';
import { badRequest, forbidden, notFound } from '../shared/errors.js';
import { getCandidate, linkedSignals, listCandidates } from './candidates.repository.js';
import { checklistReadiness, listChecklist } from './checklist.repository.js';
import { listProposals } from './proposals.repository.js';
import { getPursuit, listPursuits, pursuitIdOfCandidate } from './pursuits.repository.js';
import { getSignal, listSignals } from './signals.repository.js';
import { workstreamStatsAnswer } from './stats.repository.js';
import { todayPanelAnswer } from './today.repository.js';
import * as s from './workstream.schemas.js';
import {
  addChecklist,
  createCandidate,
  createProposal,
  createSignals,
  patchCandidate,
  patchChecklist,
  patchPursuit,
  patchSignal,
  removeChecklist,
  transitionCandidate,
  transitionPursuit,
  type Ctx,
} from './workstream.service.js';

const BASE = '/api/workstream';
const RECENT_EVENTS = 20;

export function registerWorkstreamRoutes(appIn: FastifyInstance, deps: AppDeps): void {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const ctx = (request: FastifyRequest): Ctx => ({
    orgId: request.auth!.orgId,
    actor: request.auth!.actor,
    now: deps.clock.now().toISOString(),
  });
  const orgOf = (request: FastifyRequest) => request.auth!.orgId;
  const tags = ['workstream'];

  async function requirePursuit(orgId: number, id: number) {
    const p = await getPursuit(db, orgId, id);
    if (!p) throw notFound(`Pursuit ${id}`);
    return p;
  }

  // ---------------------------------------------------------------- today, stats, events
  const todaySchema = z.array(s.todayItemSchema);
  const signalPageSchema = listResponse(s.signalSchema);
  app.get(
    `${BASE}/today`,
    { schema: { tags, summary: 'Today panel: open candidates and pursuits, red/amber/green, at most 200', response: { 200: todaySchema } } },
    async (request, reply) => {
      const orgId = orgOf(request);
      const now = deps.clock.now();
      const items = await deps.answers.get({ scope: 'workstream.today', orgId, now, schema: todaySchema, compute: () => todayPanelAnswer(db, orgId, now) });
      return sendJson(request, reply, items);
    },
  );

  app.get(
    `${BASE}/stats`,
    { schema: { tags, summary: 'Totals and created in the last 7 days', response: { 200: s.statsSchema } } },
    async (request, reply) => {
      const orgId = orgOf(request);
      const now = deps.clock.now();
      return sendJson(request, reply, await deps.answers.get({ scope: 'workstream.stats', orgId, now, schema: s.statsSchema, compute: () => workstreamStatsAnswer(db, orgId, now) }));
    },
  );

  app.get(
    `${BASE}/events`,
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
      const { data, total } = await listWorkEvents(db, {
        orgId: orgOf(request),
        ...(q.item_type !== undefined ? { itemType: q.item_type } : {}),
        ...(q.item_id !== undefined ? { itemId: q.item_id } : {}),
        limit: q.limit,
        offset: pageOffset(q),
      });
      return paged(data, q, total);
    },
  );

  // ---------------------------------------------------------------- signals
  app.post(
    `${BASE}/signals`,
    {
      schema: {
        tags,
        summary: `Create a signal, or {"signals": [...]} up to ${s.MAX_SIGNAL_BATCH} in one transaction; a known dedupe_key returns the existing signal (200)`,
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const batch = 'signals' in body;
      const parsed = batch ? s.signalBatchInput.safeParse(body) : s.signalInput.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error);
      const inputs = 'signals' in parsed.data ? parsed.data.signals : [parsed.data];
      const orgId = orgOf(request);
      for (const [i, one] of inputs.entries()) {
        if (one.org_id !== undefined && one.org_id !== orgId) {
          throw forbidden(`signals[${i}].org_id ${one.org_id} is not the org of your API key`);
        }
      }
      const c = ctx(request);
      const res = await transact(deps, (trx) =>
        createSignals(
          trx,
          c,
          inputs.map(({ org_id: _org, ...rest }) => rest),
        ),
      );
      const createdCount = res.createdIds.size;
      const status = createdCount > 0 ? 201 : 200;
      if (!batch) return reply.status(status).send(res.rows[0]);
      return reply.status(status).send({ data: res.rows, created: createdCount, existing: res.rows.length - createdCount });
    },
  );

  app.get(
    `${BASE}/signals`,
    {
      schema: {
        tags,
        summary: 'Signals, newest ts first (filters: source_type, since, until on ts)',
        querystring: pageQuery.extend(s.signalListQuery.shape),
        response: { 200: signalPageSchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const orgId = orgOf(request);
      // A page depends on the data only (since/until are absolute): reused until the next commit.
      const page = await deps.answers.get({
        scope: 'workstream.signals',
        orgId,
        input: q,
        schema: signalPageSchema,
        compute: async () => {
          const { rows, total } = await listSignals(db, {
            orgId,
            ...(q.source_type !== undefined ? { sourceType: q.source_type } : {}),
            ...(q.since !== undefined ? { since: q.since } : {}),
            ...(q.until !== undefined ? { until: q.until } : {}),
            limit: q.limit,
            offset: pageOffset(q),
          });
          return { value: paged(rows, q, total) };
        },
      });
      return sendJson(request, reply, page);
    },
  );

  app.get(
    `${BASE}/signals/:id`,
    { schema: { tags, summary: 'One signal', params: s.idParams, response: { 200: s.signalSchema } } },
    async (request) => {
      const row = await getSignal(db, orgOf(request), request.params.id);
      if (!row) throw notFound(`Signal ${request.params.id}`);
      return row;
    },
  );

  app.patch(
    `${BASE}/signals/:id`,
    { schema: { tags, summary: 'Change owner, cluster, urgency, problem/solution fields', params: s.idParams, body: s.signalPatch, response: { 200: s.signalSchema } } },
    async (request) => {
      const c = ctx(request);
      return transact(deps, (trx) => patchSignal(trx, c, request.params.id, request.body));
    },
  );

  // ---------------------------------------------------------------- candidates
  app.post(
    `${BASE}/candidates`,
    { schema: { tags, summary: 'Create a candidate (status new), optionally linked to signals', body: s.candidateInput, response: { 201: s.candidateSchema } } },
    async (request, reply) => {
      const { org_id: _org, ...input } = request.body;
      const c = ctx(request);
      return reply.status(201).send(await transact(deps, (trx) => createCandidate(trx, c, input)));
    },
  );

  app.get(
    `${BASE}/candidates`,
    {
      schema: {
        tags,
        summary: 'Candidates, last touched first (filter: status)',
        querystring: pageQuery.extend(s.candidateListQuery.shape),
        response: { 200: listResponse(s.candidateSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const { rows, total } = await listCandidates(db, {
        orgId: orgOf(request),
        ...(q.status !== undefined ? { status: q.status } : {}),
        limit: q.limit,
        offset: pageOffset(q),
      });
      return paged(rows, q, total);
    },
  );

  app.get(
    `${BASE}/candidates/:id`,
    {
      schema: {
        tags,
        summary: 'One candidate with its linked signals, its pursuit id and recent events',
        params: s.idParams,
        response: {
          200: s.candidateSchema.extend({
            pursuit_id: z.number().nullable(),
            signals: z.array(s.signalSchema),
            events: z.array(s.workEventSchema),
          }),
        },
      },
    },
    async (request) => {
      const orgId = orgOf(request);
      const id = request.params.id;
      const row = await getCandidate(db, orgId, id);
      if (!row) throw notFound(`Candidate ${id}`);
      const [signals, pursuitId, events] = await Promise.all([
        linkedSignals(db, orgId, id),
        pursuitIdOfCandidate(db, orgId, id),
        listWorkEvents(db, { orgId, itemType: 'candidate', itemId: id, limit: RECENT_EVENTS, offset: 0 }),
      ]);
      return { ...row, pursuit_id: pursuitId, signals, events: events.data };
    },
  );

  app.patch(
    `${BASE}/candidates/:id`,
    {
      schema: {
        tags,
        summary: 'Change title or owner, or link more signals (status moves go through /transition)',
        params: s.idParams,
        body: s.candidatePatch,
        response: { 200: s.candidateSchema },
      },
    },
    async (request) => {
      const c = ctx(request);
      return transact(deps, (trx) => patchCandidate(trx, c, request.params.id, request.body));
    },
  );

  app.post(
    `${BASE}/candidates/:id/transition`,
    {
      schema: {
        tags,
        summary: 'Move a candidate (new→triaged→nurture|on_hold|promoted|archived…); promoted creates the pursuit',
        params: s.idParams,
        body: s.candidateTransition,
        response: { 200: s.candidateSchema.extend({ pursuit_id: z.number().nullable() }) },
      },
    },
    async (request) => {
      const c = ctx(request);
      const { candidate, pursuit } = await transact(deps, (trx) =>
        transitionCandidate(trx, c, request.params.id, request.body.to, request.body.reason),
      );
      return { ...candidate, pursuit_id: pursuit?.pursuit_id ?? null };
    },
  );

  // ---------------------------------------------------------------- pursuits
  app.get(
    `${BASE}/pursuits`,
    {
      schema: {
        tags,
        summary: 'Pursuits, newest first (filter: stage)',
        querystring: pageQuery.extend(s.pursuitListQuery.shape),
        response: { 200: listResponse(s.pursuitSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const { rows, total } = await listPursuits(db, {
        orgId: orgOf(request),
        ...(q.stage !== undefined ? { stage: q.stage } : {}),
        limit: q.limit,
        offset: pageOffset(q),
      });
      return paged(rows, q, total);
    },
  );

  app.get(
    `${BASE}/pursuits/:id`,
    {
      schema: {
        tags,
        summary: 'One pursuit with its checklist, readiness to submit and proposals',
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
    `${BASE}/pursuits/:id`,
    { schema: { tags, summary: 'Change due_date, value, owner or title', params: s.idParams, body: s.pursuitPatch, response: { 200: s.pursuitSchema } } },
    async (request) => {
      const c = ctx(request);
      return transact(deps, (trx) => patchPursuit(trx, c, request.params.id, request.body));
    },
  );

  app.post(
    `${BASE}/pursuits/:id/transition`,
    {
      schema: {
        tags,
        summary: 'Move a pursuit (qual→pink→red→submit→won|lost); submit needs the required checklist done, lost a reason',
        params: s.idParams,
        body: s.pursuitTransition,
        response: { 200: s.pursuitSchema },
      },
    },
    async (request) => {
      const c = ctx(request);
      return transact(deps, (trx) => transitionPursuit(trx, c, request.params.id, request.body.to, request.body.reason));
    },
  );

  // ---------------------------------------------------------------- checklist
  app.get(
    `${BASE}/pursuits/:id/checklist`,
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
    `${BASE}/pursuits/:id/checklist`,
    { schema: { tags, summary: 'Add a checklist item (required by default)', params: s.idParams, body: s.checklistInput, response: { 201: s.checklistItemSchema } } },
    async (request, reply) => {
      const c = ctx(request);
      return reply.status(201).send(await transact(deps, (trx) => addChecklist(trx, c, request.params.id, request.body)));
    },
  );

  app.patch(
    `${BASE}/pursuits/:id/checklist/:item_id`,
    {
      schema: {
        tags,
        summary: 'Mark an item done/undone (records who and when), rename it or change is_required',
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
    `${BASE}/pursuits/:id/checklist/:item_id`,
    { schema: { tags, summary: 'Remove a checklist item', params: s.itemParams, response: { 200: s.checklistItemSchema } } },
    async (request) => {
      const c = ctx(request);
      return transact(deps, (trx) => removeChecklist(trx, c, request.params.id, request.params.item_id));
    },
  );

  // ---------------------------------------------------------------- proposals
  app.get(
    `${BASE}/pursuits/:id/proposals`,
    { schema: { tags, summary: "A pursuit's proposals, newest version first", params: s.idParams, response: { 200: z.object({ data: z.array(s.proposalSchema) }) } } },
    async (request) => {
      const orgId = orgOf(request);
      const p = await requirePursuit(orgId, request.params.id);
      return { data: await listProposals(db, orgId, p.pursuit_id) };
    },
  );

  app.post(
    `${BASE}/pursuits/:id/proposals`,
    { schema: { tags, summary: 'Create the next proposal version (draft)', params: s.idParams, body: s.proposalInput.nullish(), response: { 201: s.proposalSchema } } },
    async (request, reply) => {
      const c = ctx(request);
      return reply.status(201).send(await transact(deps, (trx) => createProposal(trx, c, request.params.id, request.body ?? {})));
    },
  );
}
