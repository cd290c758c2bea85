import type { FastifyInstance } from 'fastify';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { AnyTRPCRouter } from '@trpc/server';
import { RETRY_AFTER_SECONDS } from '../db/availability.js';
import type { Logger } from '../shared/logger.js';
import './route-config.js';
import { isTrpcRoute } from './server.js';
import { registerFastTrpcGet, type FastTrpcGetDeps } from './trpc-fast-get.js';
import type { TrpcContext } from './trpc.js';

/**
 * Mounts a tRPC router at /api (procedure `workflow.list` answers at /api/workflow.list), in its
 * own scope, with the direct path for single GET queries.
 */
export async function registerTrpc(app: FastifyInstance, router: AnyTRPCRouter, deps: FastTrpcGetDeps & { logger: Logger }): Promise<void> {
  const procedures = new Set(Object.keys(router._def.procedures));
  await app.register(async (scope) => {
    // tRPC's /api/:path also catches REST paths used with the wrong method and unknown names;
    // answer those in our own 404/405 shape instead of tRPC's "No procedure found".
    scope.addHook('onRequest', async (request, reply) => {
      if (!isTrpcRoute(request)) return;
      const path = (request.params as { path?: string }).path ?? '';
      const names = path.split(',');
      if (names.every((n) => procedures.has(n))) return;
      const url = `/api/${path}`;
      const allowed = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter(
        (m) => m !== request.method && app.hasRoute({ url, method: m as 'GET' }),
      );
      if (allowed.length > 0) {
        void reply.header('allow', allowed.join(', '));
        return reply
          .status(405)
          .send({ error: `Method ${request.method} not allowed for ${url}`, code: 'bad_request', details: { allowed } });
      }
      return reply.status(404).send({ error: `Route ${request.method} ${url} not found`, code: 'not_found' });
    });
    registerFastTrpcGet(scope, deps, router, (url) => url === '/api/:path');
    await scope.register(fastifyTRPCPlugin, {
      prefix: '/api',
      trpcOptions: {
        router,
        createContext: ({ req }): TrpcContext => ({ auth: req.auth, requestId: String(req.id) }),
        // A database outage answers 503 with Retry-After on tRPC too (REST sets it in the error handler).
        responseMeta: ({ errors }) =>
          errors.some((e) => e.code === 'SERVICE_UNAVAILABLE') ? { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } } : {},
        onError: ({ error, path }) => {
          if (error.code === 'INTERNAL_SERVER_ERROR') deps.logger.error({ err: error.cause ?? error, path }, 'tRPC error');
        },
      } satisfies FastifyTRPCPluginOptions<AnyTRPCRouter>['trpcOptions'],
    });
  });
}
