/**
 * The HTTP kit's server factory: a Fastify instance with our framework rules (request ids, the one
 * error shape, JSON parsing, metrics per route, OpenAPI) and no route of any domain. The
 * composition root (src/app/server.ts) registers the auth plugin and every domain's plugin on it.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { RETRY_AFTER_SECONDS } from '../db/availability.js';
import { newRequestId } from '../shared/ids.js';
import type { Logger } from '../shared/logger.js';
import { toHttpError, trpcCodeOf, type ErrorBody } from './errors.js';
import type { Metrics } from './metrics.js';

/** The route pattern tRPC's Fastify adapter registers for every procedure. */
export const TRPC_ROUTE = '/api/:path';

export function isTrpcRoute(request: FastifyRequest): boolean {
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

export interface HttpServerOptions {
  logger: Logger;
  metrics: Metrics;
  bodyLimit: number;
  /**
   * Asked before answering 404: true when it answered the request itself (the dashboard's deep
   * links). Read at request time, so it can be set after the routes are registered.
   */
  notFound?: { fallback?: (request: FastifyRequest, reply: FastifyReply) => boolean };
}

/** Builds the server without listening, so tests drive it through inject(). */
export async function createHttpServer(o: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: o.logger as FastifyBaseLogger,
    bodyLimit: o.bodyLimit,
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

  app.setErrorHandler((error, request, reply) => {
    const { status, body, internal } = toHttpError(error);
    if (internal) request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    // An outage is logged once by the database's availability listener, not once per request.
    else if (status >= 500 && body.code !== 'unavailable') request.log.warn({ err: error }, 'request failed');
    if (body.code === 'unavailable') void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return sendError(request, reply, status, body);
  });

  app.setNotFoundHandler((request, reply) => {
    if (o.notFound?.fallback?.(request, reply)) return reply;
    const path = request.url.split('?', 1)[0];
    return reply
      .status(404)
      .send({ error: `Route ${request.method} ${path} not found`, code: 'not_found' } satisfies ErrorBody);
  });

  // Metrics per route pattern.
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    o.metrics.httpRequests.inc(labels);
    o.metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });

  await registerOpenApi(app);
  return app;
}

async function registerOpenApi(app: FastifyInstance): Promise<void> {
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
}
