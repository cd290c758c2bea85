/** Workstream routes: signals (registered by ../workstream.routes.ts under /api/workstream). */
import { z } from 'zod';
import { sendJson } from '../../http/send-json.js';
import { validationError } from '../../http/errors.js';
import { listResponse } from '../../http/paging.js';
import { cursorBy, pageFrom, pageOffset, paged } from '../../shared/paging.js';
import { transact } from '../../db/transact.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { sendCsv, wantsCsv } from '../../http/csv-export.js';
import { seekAll } from '../../db/keyset.js';
import { SIGNAL_COLUMNS } from '../exports.js';
import { filteredSignals, getSignal, listSignals, SIGNAL_ORDER } from '../signals.repository.js';
import * as s from '../workstream.schemas.js';
import { createSignals, patchSignal } from '../workstream.service.js';
import { readsItem, writesItem, type WorkstreamRouteKit } from './route-kit.js';
import { ifMatch } from '../../http/preconditions.js';

export function registerSignalsRoutes(k: WorkstreamRouteKit): void {
  registerSignalCreateRoute(k);
  registerSignalListRoute(k);
  registerSignalItemRoutes(k);
}

/** POST /signals: one signal or a batch, deduplicated by dedupe_key. */
function registerSignalCreateRoute(k: WorkstreamRouteKit): void {
  const { app, deps, ctx, orgOf, tags } = k;
  app.post(
    '/signals',
    {
      // A single signal's answer carries its ETag; a batch's does not (no one version).
      config: readsItem,
      schema: {
        tags,
        operationId: 'createSignals',
        summary: `Create a signal, or a batch of up to ${s.MAX_SIGNAL_BATCH}`,
        description:
          `One signal, or \`{"signals": [...]}\` (1–${s.MAX_SIGNAL_BATCH}) written in one transaction. A signal whose \`dedupe_key\` is known ` +
          'is not written again: the existing one is in the answer. 201 when at least one signal was created, else 200. ' +
          'A batch answers `{data, created, existing}`.',
        // Validated here by shape (one or a batch), so errors name the fields of the shape that was sent.
        body: z.record(z.string(), z.unknown()),
        documentedBody: s.signalCreateInput,
        response: {
          200: s.signalCreateAnswer.describe('Nothing new: every dedupe_key was known; the existing signal(s)'),
          201: s.signalCreateAnswer.describe('Created: the signal, or the batch with how many were new'),
        },
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
      if (!batch) return reply.status(status).send(res.rows[0]!);
      return reply.status(status).send({ data: res.rows, created: createdCount, existing: res.rows.length - createdCount });
    },
  );
}

/** GET /signals: a page of signals, from the answer cache until the next commit. */
function registerSignalListRoute(k: WorkstreamRouteKit): void {
  const signalPageSchema = listResponse(s.signalSchema);
  const { app, deps, db, orgOf, tags } = k;
  app.get(
    '/signals',
    {
      schema: {
        tags,
        operationId: 'listSignals', summary: 'Signals, newest ts first (filters: source_type, since, until on ts; dates are whole days in tz)',
        querystring: s.signalListQuery,
        response: { 200: signalPageSchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const orgId = orgOf(request);
      const filter = {
        orgId,
        ...(q.source_type !== undefined ? { sourceType: q.source_type } : {}),
        ...(q.since !== undefined ? { since: q.since } : {}),
        ...(q.until !== undefined ? { until: q.until } : {}),
      };
      if (wantsCsv(request, q.format)) return sendCsv(reply, 'signals', SIGNAL_COLUMNS, seekAll(filteredSignals(db, filter).selectAll(), SIGNAL_ORDER));
      const p = pageFrom(q, SIGNAL_ORDER);
      // A page depends on the data only (since/until are absolute): reused until the next commit.
      const page = await deps.answers.get({
        scope: 'workstream.signals',
        orgId,
        input: q,
        schema: signalPageSchema,
        compute: async () => {
          const { rows, total } = await listSignals(db, {
            ...filter,
            limit: p.limit,
            offset: pageOffset(p),
            after: p.after,
          });
          return { value: paged(rows, p, total, cursorBy(SIGNAL_ORDER)) };
        },
      });
      return sendJson(request, reply, page);
    },
  );
}

/** /signals/:id: read or change one signal. */
function registerSignalItemRoutes(k: WorkstreamRouteKit): void {
  const { app, deps, db, ctx, orgOf, tags } = k;
  app.get(
    '/signals/:id',
    { config: readsItem, schema: { tags, operationId: 'getSignal', summary: 'One signal', params: s.idParams, response: { 200: s.signalSchema } } },
    async (request) => {
      const row = await getSignal(db, orgOf(request), request.params.id);
      if (!row) throw notFound(`Signal ${request.params.id}`);
      return row;
    },
  );

  app.patch(
    '/signals/:id',
    { config: writesItem, schema: { tags, operationId: 'updateSignal', summary: 'Change owner, cluster, urgency, problem/solution fields', params: s.idParams, body: s.signalPatch, response: { 200: s.signalSchema } } },
    async (request) => {
      const c = ctx(request);
      const expected = ifMatch(request);
      return transact(deps, (trx) => patchSignal(trx, c, request.params.id, request.body, expected));
    },
  );
}
