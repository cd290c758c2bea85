import type { FastifyInstance } from 'fastify';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { AnyTRPCRouter } from '@trpc/server';
import { RETRY_AFTER_SECONDS } from '../db/availability.js';
import type { Logger } from '../shared/logger.js';
import './route-config.js';
import { notFound } from '../shared/errors.js';
import { isProcedurePath, isTrpcRoute, methodNotAllowed, type RouteTable } from './server.js';
import { registerFastTrpcGet, type FastTrpcGetDeps } from './trpc-fast-get.js';
import type { TrpcContext } from './trpc.js';

/**
 * Mounts a tRPC router at /api (procedure `workflow.list` answers at /api/workflow.list), in its
 * own scope, with the direct path for single GET queries.
 */
export async function registerTrpc(app: FastifyInstance, router: AnyTRPCRouter, deps: FastTrpcGetDeps & { logger: Logger; routes: RouteTable }): Promise<void> {
  const procedures = new Set(Object.keys(router._def.procedures));
  await app.register(async (scope) => {
    // tRPC's /api/:path also catches REST paths used with the wrong method and unknown names:
    // 405 (REST shape) for a REST path, 404 in tRPC's envelope for an unknown procedure.
    scope.addHook('onRequest', async (request, reply) => {
      if (!isTrpcRoute(request)) return;
      const path = (request.params as { path?: string }).path ?? '';
      const unknown = path.split(',').filter((n) => !procedures.has(n));
      if (unknown.length === 0) return;
      const wrongMethod = methodNotAllowed(deps.routes, request, reply);
      if (wrongMethod) return wrongMethod;
      // tRPC's envelope for a procedure path (the error handler picks it), ours for anything else.
      throw isProcedurePath(`/api/${path}`)
        ? notFound(`Procedure ${unknown.join(', ')}`)
        : notFound(`Route ${request.method} /api/${path}`);
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
