import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { ZodApp } from '../../http/zod-app.js';
import { notFound } from '../../shared/errors.js';
import { getPursuit } from '../pursuits.repository.js';
import type { WorkstreamDeps } from '../workstream.deps.js';
import type { Ctx } from '../workstream.service.js';

/** What every workstream route group shares: the typed app, the deps and the request helpers. */
export interface WorkstreamRouteKit {
  app: ZodApp;
  deps: WorkstreamDeps;
  db: Kysely<DB>;
  /** The caller's org, actor and the request's time, as services take them. */
  ctx(request: FastifyRequest): Ctx;
  orgOf(request: FastifyRequest): number;
  tags: string[];
  requirePursuit(orgId: number, id: number): ReturnType<typeof getPursuit> extends Promise<infer P> ? Promise<NonNullable<P>> : never;
}

/** Single-item answers carry `ETag: "<version>"`; writes of the item honour If-Match (src/http/preconditions.ts). */
export const readsItem = { etag: { field: 'version' } } as const;
export const writesItem = { etag: { field: 'version', ifMatch: true } } as const;

export function workstreamRouteKit(app: FastifyInstance, deps: WorkstreamDeps): WorkstreamRouteKit {
  const db = deps.database.db;
  return {
    app: app.withTypeProvider<ZodTypeProvider>(),
    deps,
    db,
    ctx: (request) => ({ orgId: request.auth!.orgId, actor: request.auth!.actor, now: deps.clock.now().toISOString() }),
    orgOf: (request) => request.auth!.orgId,
    tags: ['workstream'],
    async requirePursuit(orgId, id) {
      const p = await getPursuit(db, orgId, id);
      if (!p) throw notFound(`Pursuit ${id}`);
      return p;
    },
  };
}
