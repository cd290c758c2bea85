/** Workstream routes: candidates (registered by ../workstream.routes.ts under /api/workstream). */
import { z } from 'zod';
import { listResponse, pageQuery } from '../../http/paging.js';
import { cursorBy, pageFrom, pageOffset, paged } from '../../shared/paging.js';
import { transact } from '../../db/transact.js';
import { listWorkEvents } from '../../outbox/work-events.repository.js';
import { notFound } from '../../shared/errors.js';
import { sendCsv, wantsCsv } from '../../http/csv-export.js';
import { seekAll } from '../../db/keyset.js';
import { CANDIDATE_COLUMNS } from '../exports.js';
import { CANDIDATE_ORDER, filteredCandidates, getCandidate, linkedSignals, listCandidates } from '../candidates.repository.js';
import { pursuitIdOfCandidate } from '../pursuits.repository.js';
import * as s from '../workstream.schemas.js';
import { createCandidate, patchCandidate, transitionCandidate } from '../workstream.service.js';
import { readsItem, writesItem, type WorkstreamRouteKit } from './route-kit.js';
import { ifMatch } from '../../http/preconditions.js';

const RECENT_EVENTS = 20;

export function registerCandidatesRoutes(k: WorkstreamRouteKit): void {
  registerCandidateCollectionRoutes(k);
  registerCandidateItemRoutes(k);
  registerCandidateTransitionRoute(k);
}

/** /candidates: create, list. */
function registerCandidateCollectionRoutes(k: WorkstreamRouteKit): void {
  const { app, deps, db, ctx, orgOf, tags } = k;
  app.post(
    '/candidates',
    { config: readsItem, schema: { tags, operationId: 'createCandidate', summary: 'Create a candidate (status new), optionally linked to signals', body: s.candidateInput, response: { 201: s.candidateSchema } } },
    async (request, reply) => {
      const { org_id: _org, ...input } = request.body;
      const c = ctx(request);
      return reply.status(201).send(await transact(deps, (trx) => createCandidate(trx, c, input)));
    },
  );

  app.get(
    '/candidates',
    {
      schema: {
        tags,
        operationId: 'listCandidates', summary: 'Candidates, last touched first (filter: status)',
        querystring: pageQuery.extend(s.candidateListQuery.shape),
        response: { 200: listResponse(s.candidateSchema) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const filter = { orgId: orgOf(request), ...(q.status !== undefined ? { status: q.status } : {}) };
      if (wantsCsv(request, q.format)) return sendCsv(reply, 'candidates', CANDIDATE_COLUMNS, seekAll(filteredCandidates(db, filter).selectAll(), CANDIDATE_ORDER));
      const p = pageFrom(q, CANDIDATE_ORDER);
      const { rows, total } = await listCandidates(db, {
        ...filter,
        limit: p.limit,
        offset: pageOffset(p),
        after: p.after,
      });
      return paged(rows, p, total, cursorBy(CANDIDATE_ORDER));
    },
  );
}

/** /candidates/:id: one candidate with what hangs off it; change it. */
function registerCandidateItemRoutes(k: WorkstreamRouteKit): void {
  const { app, deps, db, ctx, orgOf, tags } = k;
  app.get(
    '/candidates/:id',
    {
      config: readsItem,
      schema: {
        tags,
        operationId: 'getCandidate', summary: 'One candidate with its linked signals, its pursuit id and recent events',
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
    '/candidates/:id',
    {
      config: writesItem,
      schema: {
        tags,
        operationId: 'updateCandidate', summary: 'Change title or owner, or link more signals (status moves go through /transition)',
        params: s.idParams,
        body: s.candidatePatch,
        response: { 200: s.candidateSchema },
      },
    },
    async (request) => {
      const c = ctx(request);
      const expected = ifMatch(request);
      return transact(deps, (trx) => patchCandidate(trx, c, request.params.id, request.body, expected));
    },
  );
}

/** /candidates/:id/transition: status moves, promotion included. */
function registerCandidateTransitionRoute(k: WorkstreamRouteKit): void {
  const { app, deps, ctx, tags } = k;
  app.post(
    '/candidates/:id/transition',
    {
      config: writesItem,
      schema: {
        tags,
        operationId: 'transitionCandidate', errors: { 409: 'the candidate changed meanwhile (`conflict`)', 422: 'a move its status does not allow (`invalid_transition`)' }, summary: 'Move a candidate (new→triaged→nurture|on_hold|promoted|archived…); promoted creates the pursuit',
        params: s.idParams,
        body: s.candidateTransition,
        response: { 200: s.candidateSchema.extend({ pursuit_id: z.number().nullable() }) },
      },
    },
    async (request) => {
      const c = ctx(request);
      const expected = ifMatch(request);
      const { candidate, pursuit } = await transact(deps, (trx) =>
        transitionCandidate(trx, c, request.params.id, request.body.to, request.body.reason, expected),
      );
      return { ...candidate, pursuit_id: pursuit?.pursuit_id ?? null };
    },
  );
}
