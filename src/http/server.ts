/**
 * The HTTP kit's server factory: a Fastify instance with our framework rules (request ids, the one
 * error shape, JSON parsing, metrics per route, OpenAPI) and no route of any domain. The
 * composition root (src/app/server.ts) registers the auth plugin and every domain's plugin on it.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import helmet from 'helmet';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { RETRY_AFTER_SECONDS } from '../db/availability.js';
import { newRequestId } from '../shared/ids.js';
import type { Logger } from '../shared/logger.js';
import { toHttpError, trpcCodeOf, type ErrorBody } from './errors.js';
import type { Metrics } from './metrics.js';
import { registerEtags } from './preconditions.js';
import { registerOpenApi, type OpenApiOptions } from './openapi.js';

/**
 * The dashboard only talks to its own origin (REST, tRPC, /ws); inline scripts are never needed.
 * Sent on every answer by helmet; /docs has its own (Swagger UI).
 */
export const DASHBOARD_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/** The route pattern tRPC's Fastify adapter registers for every procedure. */
export const TRPC_ROUTE = '/api/:path';

export function isTrpcRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url === TRPC_ROUTE;
}

/** `/api/a.b` or `/api/a.b,c.d`: the path of a tRPC procedure (or batch), whether or not one exists. */
export function isProcedurePath(path: string): boolean {
  return /^\/api\/[^/]*\./.test(path);
}

/**
 * Which envelope an error takes: tRPC's for a procedure path (also an unknown procedure, or a path
 * too long for the router), ours for everything else. One shape per transport, always.
 */
function answersInTrpcShape(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined && route !== TRPC_ROUTE) return false;
  return isProcedurePath(request.url.split('?', 1)[0]!);
}

/**
 * Every route pattern with its methods, to answer 405 (with Allow) rather than 404 when a path
 * exists for other methods. Fastify's hasRoute() compares patterns, not concrete paths.
 */
export class RouteTable {
  private readonly routes: Array<{ pattern: RegExp; methods: Set<string> }> = [];

  add(url: string, methods: string | string[]): void {
    // tRPC's catch-all and the dashboard's wildcard accept anything: they decide no 405.
    if (url === TRPC_ROUTE || url.includes('*')) return;
    const source = url
      .split('/')
      .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    this.routes.push({ pattern: new RegExp(`^${source}/?$`), methods: new Set([methods].flat().filter((m) => m !== 'HEAD')) });
  }

  /** Methods some route accepts at this concrete path. */
  methodsAt(path: string): string[] {
    const found = new Set<string>();
    for (const r of this.routes) if (r.pattern.test(path)) for (const m of r.methods) found.add(m);
    return [...found].sort();
  }
}

/** The 405 for a path that exists for other methods, or undefined. */
export function methodNotAllowed(routes: RouteTable, request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const path = request.url.split('?', 1)[0]!;
  const allowed = routes.methodsAt(path).filter((m) => m !== request.method);
  if (allowed.length === 0) return undefined;
  void reply.header('allow', allowed.join(', '));
  return reply
    .status(405)
    .send({ error: `Method ${request.method} not allowed for ${path}`, code: 'bad_request', details: { allowed } } satisfies ErrorBody);
}

/**
 * Errors raised before tRPC runs (auth, body limits, input guards) still answer tRPC clients in
 * tRPC's envelope: one per procedure of a batch (`?batch=1`), as tRPC itself answers a batch.
 */
function sendError(request: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  if (answersInTrpcShape(request)) {
    const key = trpcCodeOf(body.code);
    const envelope = (path: string | undefined) => ({
      error: {
        message: body.error,
        code: TRPC_ERROR_CODES_BY_KEY[key],
        data: { code: key, httpStatus: status, path, appCode: body.code, ...(body.details ? { details: body.details } : {}) },
      },
    });
    const path = (request.params as { path?: string } | undefined)?.path ?? request.url.split('?', 1)[0]!.slice('/api/'.length);
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
  /** Fastify's trustProxy (TRUST_PROXY): which proxies' X-Forwarded-For names the client. */
  trustProxy?: boolean | number | string[];
  /** Filled as routes are registered (405 answers); the tRPC plugin reads it too. */
  routes: RouteTable;
  /** What the OpenAPI document says about this install (servers, /metrics). */
  openapi?: Omit<OpenApiOptions, 'hiddenUrls'>;
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers over the size limit, a
 * malformed request line) still answer in our shape, with a code. Written to the socket directly:
 * there is no request object yet.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message = { 431: 'Request headers are too large', 408: 'Request timed out', 400: 'Malformed HTTP request' }[status];
  const body = JSON.stringify({ error: message, code: 'bad_request' } satisfies ErrorBody);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
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
    // A hop count works at runtime (Fastify's request.js), though its types leave numbers out.
    trustProxy: (o.trustProxy ?? false) as boolean,
    // Long path parameters reach the routes' own validation (a 400 naming the parameter); only
    // absurd ones are cut off by the router, answered in our shape by frameworkErrors below.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2000 },
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, request, reply) => {
      const { status, body } = toHttpError(error);
      void sendError(request as FastifyRequest, reply as FastifyReply, status, body);
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

  app.addHook('onRoute', (route) => o.routes.add(route.url, route.method));
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
    const wrongMethod = methodNotAllowed(o.routes, request, reply);
    if (wrongMethod) return wrongMethod;
    const path = request.url.split('?', 1)[0];
    const what = isProcedurePath(path!) ? `Procedure ${path!.slice('/api/'.length)}` : `Route ${request.method} ${path}`;
    return sendError(request, reply, 404, { error: `${what} not found`, code: 'not_found' });
  });

  // Metrics per route pattern.
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    o.metrics.httpRequests.inc(labels);
    o.metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });

  // Security headers on every answer (API, dashboard, docs): nosniff, Referrer-Policy, frame and
  // cross-origin policies, and the dashboard's CSP (JSON answers carry it too: harmless, and any
  // HTML an error page might hold stays inert).
  // helmet's own middleware, built once: it works out every header value when built, then only
  // sets them. (@fastify/helmet builds a new one for every request, parsing the CSP each time:
  // about a tenth of the CPU of answering a cached read.)
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: DASHBOARD_CSP_DIRECTIVES },
    // Plain http on localhost and behind TLS-terminating proxies alike: HSTS is the proxy's to send.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)));
  registerEtags(app);
  await registerOpenApi(app, { ...o.openapi, hiddenUrls: [TRPC_ROUTE] });
  return app;
}
