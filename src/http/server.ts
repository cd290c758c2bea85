import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { newRequestId } from '../shared/ids.js';
import { registerKeyRoutes } from '../auth/keys.routes.js';
import { registerWorkflowRoutes } from '../workflow/workflow.routes.js';
import { registerOutboxRoutes } from '../outbox/outbox.routes.js';
import { registerWebhookRoutes } from '../outbox/webhooks/webhooks.routes.js';
import { registerWorkstreamRoutes } from '../workstream/workstream.routes.js';
import { appRouter, type AppRouter } from './app-router.js';
import { registerAuthHooks } from './auth.hooks.js';
import { registerInputGuard } from './input-guard.js';
import type { AppDeps } from './deps.js';
import { toHttpError, trpcCodeOf, type ErrorBody } from './errors.js';
import { registerSystemRoutes } from './system.routes.js';
import { registerSlaRoutes } from '../sla/sla.routes.js';
import { registerFastTrpcGet } from './trpc-fast-get.js';
import { registerRealtimeGateway } from '../realtime/ws-gateway.js';
import { registerIngestRoutes } from '../ingest/ingest.routes.js';
import type { TrpcContext } from './trpc.js';
import { registerWebApp, type WebApp } from './web.routes.js';

export type App = FastifyInstance;

/** The route pattern tRPC's Fastify adapter registers for every procedure. */
const TRPC_ROUTE = '/api/:path';

function isTrpcRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url === TRPC_ROUTE;
}

/**
 * Errors raised before tRPC runs (auth, body limits, input guards) still answer tRPC clients in
 * tRPC's envelope: one per procedure of a batch (`?batch=1`), as tRPC itself answers a batch.
 */
function sendError(request: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  if (isTrpcRoute(request)) {
    const key = trpcCodeOf(body.code);
    const envelope = (path: string | undefined) => ({
      error: {
        message: body.error,
        code: TRPC_ERROR_CODES_BY_KEY[key],
        data: { code: key, httpStatus: status, path, appCode: body.code, ...(body.details ? { details: body.details } : {}) },
      },
    });
    const path = (request.params as { path?: string } | undefined)?.path;
    // A batch exactly as tRPC decides it: the first `batch` parameter is "1".
    const isBatch = new URL(request.url, 'http://local').searchParams.get('batch') === '1';
    return reply.status(status).send(isBatch ? (path ?? '').split(',').map(envelope) : envelope(path));
  }
  return reply.status(status).send(body);
}

/** Methods whose requests carry no body: some clients still send `Content-Type: application/json`. */
const BODILESS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

/**
 * Builds the whole HTTP application without listening, so tests drive it through inject().
 * Domain route modules are registered here, each owning its own paths.
 */
export async function buildServer(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newRequestId();
    },
    requestIdHeader: false,
    trustProxy: false,
    // Long path parameters reach the routes' own validation (a 400 naming the parameter); only
    // absurd ones are cut off by the router, answered in our shape by frameworkErrors below.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2000 },
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = toHttpError(error);
      void (reply as FastifyReply).status(status).send(body);
    },
  });

  // An empty JSON body is no body for methods that take none (DELETE from clients that always set
  // the header); for the rest Fastify's own parser, with its prototype-poisoning protection, answers.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' && BODILESS.has(request.method)) return done(null, undefined);
    return parseJson(request, body as string, done);
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  // ------------------------------------------------------------ errors, in our one shape
  app.setErrorHandler((error, request, reply) => {
    const { status, body, internal } = toHttpError(error);
    if (internal) request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    else if (status >= 500) request.log.warn({ err: error }, 'request failed');
    return sendError(request, reply, status, body);
  });

  let web: WebApp | undefined;
  app.setNotFoundHandler((request, reply) => {
    // The dashboard's own routes (deep links, reloads) are answered with its index.html.
    if (web?.fallback(request, reply)) return reply;
    const path = request.url.split('?', 1)[0];
    return reply
      .status(404)
      .send({ error: `Route ${request.method} ${path} not found`, code: 'not_found' } satisfies ErrorBody);
  });

  // ------------------------------------------------------------ metrics per route pattern
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    deps.metrics.httpRequests.inc(labels);
    deps.metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });

  // ------------------------------------------------------------ OpenAPI + Swagger UI
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'FlowLedger API',
        version: '0.1.0',
        description:
          'Operations pipeline backend. Every /api route needs "Authorization: Bearer <key>"; the key decides the org.',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearerAuth: [] }],
    },
    transform: (args) => {
      // tRPC's catch-all route is not a REST endpoint: keep it out of the document.
      if (args.url === TRPC_ROUTE) return { schema: { hide: true } as never, url: args.url };
      return jsonSchemaTransform(args);
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', url: '/api/openapi.json' } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerAuthHooks(app, deps);
  registerInputGuard(app, isTrpcRoute);

  // ------------------------------------------------------------ routes
  registerSystemRoutes(app, deps);
  registerKeyRoutes(app, deps);
  registerSlaRoutes(app, deps);
  registerWorkflowRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerWorkstreamRoutes(app, deps);
  await registerRealtimeGateway(app, deps);
  registerIngestRoutes(app, deps);

  await registerTrpc(app, deps);
  web = await registerWebApp(app, deps);

  return app;
}

async function registerTrpc(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const procedures = new Set(Object.keys(appRouter._def.procedures));
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
    registerFastTrpcGet(scope, deps, appRouter, (url) => url === TRPC_ROUTE);
    await scope.register(fastifyTRPCPlugin, {
      prefix: '/api',
      trpcOptions: {
        router: appRouter,
        createContext: ({ req }): TrpcContext => ({ deps, auth: req.auth, requestId: String(req.id) }),
        onError: ({ error, path }) => {
          if (error.code === 'INTERNAL_SERVER_ERROR') deps.logger.error({ err: error.cause ?? error, path }, 'tRPC error');
        },
      } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
    });
  });
}
