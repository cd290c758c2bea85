/**
 * The OpenAPI 3.1 document of the REST routes (`GET /api/openapi.json`, Swagger UI at `/docs`),
 * built from the route schemas. The rules every operation follows are applied here, in one place,
 * when the document is generated, so a route added anywhere gets them without doing anything:
 *
 * - operationId: the route schema's `operationId` when it has one (the main routes do), else
 *   derived from method and path (see `derivedOperationId`): stable, unique, readable enough.
 * - description: the route's own (else its summary), followed by who may call it (public, or the
 *   lowest role), so every operation has one.
 * - error answers: the statuses any route of its kind can answer (`centralErrors`: 401 and 429 for
 *   every authenticated route, 403 where a role or CSRF check applies, 400 with input, 404 with a
 *   path parameter, 409/422 for Idempotency-Key, 412 with If-Match, 413/415 with a body, 503 where
 *   the database is asked), plus the route's own (`errors` in its schema), all with the one shared
 *   `Error` schema; `default` for anything unexpected (a 500).
 *
 * `@redocly/cli lint` (recommended rules, none switched off) must report nothing: test/openapi-lint.test.ts.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { versionedRouteDocs, type EtagConfig } from './preconditions.js';
import { z } from 'zod';
import { ERROR_CODES } from '../shared/errors.js';
import type { Role } from '../shared/auth-context.js';

declare module 'fastify' {
  interface FastifySchema {
    /**
     * Error answers this route gives beyond the ones every route of its kind has (added centrally
     * by src/http/openapi.ts): status → when, e.g. `{ 409: 'the name is taken (conflict)' }`.
     * Documentation only: the body is always the shared `Error` shape.
     */
    errors?: { [status: number]: string };
    /**
     * The body as the document shows it, when the route validates it itself (a body that is one of
     * several shapes, checked in the handler for precise errors) and `body` only admits an object.
     */
    documentedBody?: unknown;
  }
}

export interface OpenApiOptions {
  /** PUBLIC_URL's origin, when set: listed as a server beside the serving host itself. */
  publicOrigin?: string;
  /** METRICS_TOKEN is set: `/metrics` needs it. */
  metricsTokenSet?: boolean;
  /** Routes that are not REST endpoints (tRPC's catch-all): kept out of the document. */
  hiddenUrls?: string[];
}

/** The success answer of a route that answers 204: `response: noContent`. */
export const noContent = { 204: z.null().describe('Done; no content') };

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/** The one body of every error answer (src/http/errors.ts builds it). */
const ERROR_SCHEMA = {
  type: 'object' as const,
  description: 'Every error answer of the REST API has this shape (tRPC procedures answer in the tRPC envelope instead).',
  required: ['error', 'code'],
  properties: {
    error: { type: 'string' as const, description: 'What went wrong, for people; may change between versions.' },
    code: { type: 'string' as const, enum: [...ERROR_CODES], description: 'Stable machine-readable code (docs/contract.md lists them with their statuses).' },
    details: {
      description:
        'Optional, per code: `fields` (`[{field, message}]`) for invalid input, `retry_after_s` for `rate_limited` and `unavailable`, ' +
        '`allowed` for a wrong method, `missing` for unknown ids in a list.',
    },
  },
  examples: [{ error: 'Invalid body: title', code: 'bad_request', details: { in: 'body', fields: [{ field: 'title', message: 'Too small: expected string to have >=1 characters' }] } }],
};

const RETRY_AFTER = { 'Retry-After': { type: 'integer', description: 'Seconds to wait before trying again.' } };

/** Tags in the order Swagger UI shows them; every tag a route uses should be here, with a description. */
const TAGS: Array<{ name: string; description: string }> = [
  { name: 'system', description: 'Probes (liveness, readiness, health) and Prometheus metrics; public.' },
  { name: 'auth', description: 'API keys, sign-in with password or single sign-on, sessions, invitations and password resets.' },
  { name: 'users', description: "The org's members: roles, deactivation, open work and its reassignment, invitations." },
  { name: 'teams', description: 'Teams of members, used by assignment rules.' },
  { name: 'workflow', description: 'Tasks born from email: CRUD (REST and the RPC-style mirrors of the tRPC procedures), metrics and analytics.' },
  { name: 'workstream', description: 'Signals → candidates → pursuits → proposals, checklists, the Today panel, stats and the activity log.' },
  { name: 'sla', description: 'SLA rules, breaches, paused clocks and the high-value alert setting.' },
  { name: 'comments', description: 'Comments with @mentions on tasks and pursuits.' },
  { name: 'notifications', description: "The signed-in person's notifications and their preferences." },
  { name: 'ingest', description: 'Email ingestion: raw messages in, batches and what each message became, routing rules, extraction settings.' },
  { name: 'mailboxes', description: 'IMAP mailboxes watched by the worker.' },
  { name: 'webhooks', description: 'Webhook endpoints, their signing secrets and delivery log.' },
  { name: 'outbox', description: 'The queue of work events: state, dead letters and their redrive.' },
  { name: 'audit', description: "The org's audit trail of administrative changes." },
];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type RouteConfig = { public?: boolean; selfAuth?: boolean; minRole?: Role } | undefined;

interface RouteFacts {
  method: string;
  url: string;
  config: RouteConfig;
}

function methodOf(route: Pick<RouteOptions, 'method'>): string {
  const methods = [route.method].flat().filter((m) => m !== 'HEAD');
  return methods[0] ?? 'GET';
}

/** Needs a key or a session: the auth plugin's rule (src/auth/auth.plugin.ts). */
function isAuthenticated(r: RouteFacts): boolean {
  return r.url.startsWith('/api/') && !r.config?.public && !r.config?.selfAuth;
}

/** The auth plugin's default: reads need a viewer, writes a member. */
function minRoleOf(r: RouteFacts): Role {
  return r.config?.minRole ?? (SAFE_METHODS.has(r.method) ? 'viewer' : 'member');
}

/** Authenticated POSTs accept Idempotency-Key (src/http/idempotency.ts). */
function takesIdempotencyKey(r: RouteFacts): boolean {
  return r.method === 'POST' && isAuthenticated(r);
}

const pascal = (word: string) =>
  word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/**
 * The operationId of a route whose schema names none: the method, then each path segment after
 * `/api` in PascalCase, a parameter as `By<Name>`: `GET /api/workstream/signals/:id` →
 * `getWorkstreamSignalsById`, `POST /api/outbox/dead-letters/:id/retry` → `postOutboxDeadLettersByIdRetry`.
 * Method and path are unique per route, so the ids are too (the lint test checks).
 */
export function derivedOperationId(method: string, url: string): string {
  const segments = url
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith(':') ? `By${pascal(seg.slice(1))}` : pascal(seg)));
  return method.toLowerCase() + segments.join('');
}

function accessNote(r: RouteFacts, security: unknown): string {
  // A public route with a scheme of its own (/metrics behind METRICS_TOKEN) says so in its description.
  if (!isAuthenticated(r)) return Array.isArray(security) && security.length > 0 ? '' : 'Public: no key or session needed.';
  const role = minRoleOf(r);
  const who = role === 'viewer' ? 'any role' : role === 'member' ? 'the role member or admin' : 'the role admin';
  const parts = [`Needs an API key (\`Authorization: Bearer <key>\`) or a session cookie, with ${who} in the org.`];
  if (!SAFE_METHODS.has(r.method)) parts.push('With the session cookie, also `X-CSRF-Token`.');
  if (takesIdempotencyKey(r)) parts.push('Send `Idempotency-Key` to retry safely.');
  return parts.join(' ');
}

interface JsonSchemaLike {
  properties?: Record<string, unknown>;
}

const hasProperty = (schema: unknown, name: string) => Boolean((schema as JsonSchemaLike | undefined)?.properties?.[name]);

/** The error statuses every route of this kind can answer, with when. */
function centralErrors(r: RouteFacts, schema: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  const hasBody = schema.body !== undefined;
  const hasInput = hasBody || schema.querystring !== undefined || schema.params !== undefined || schema.headers !== undefined;
  const authenticated = isAuthenticated(r);
  if (hasInput) out.set('400', 'Invalid input: `details.fields` names each field and what is wrong with it (`bad_request`).');
  if (authenticated) out.set('401', 'No key or session, or one that is unknown, revoked or expired (`unauthorized`).');
  if (authenticated && (minRoleOf(r) !== 'viewer' || !SAFE_METHODS.has(r.method) || hasProperty(schema.querystring, 'org_id') || hasProperty(schema.body, 'org_id'))) {
    out.set('403', 'The role is too low, an `org_id` names another org (`forbidden`), or a write with the session cookie lacks its CSRF token (`csrf_failed`).');
  }
  if (r.url.includes('/:')) out.set('404', 'No such item in this org (`not_found`); another org\'s items are not found either.');
  if (takesIdempotencyKey(r)) {
    out.set('409', 'A request with the same `Idempotency-Key` is still running past the wait (`idempotency_in_progress`).');
    out.set('422', 'The `Idempotency-Key` was used with another request (`idempotency_mismatch`).');
  }
  if (hasProperty(schema.headers, 'if-match')) out.set('412', 'The item changed since the `If-Match` version was read (`precondition_failed`).');
  if (hasBody) {
    out.set('413', 'The body is larger than the limit (`payload_too_large`).');
    out.set('415', 'The body is not sent as JSON (`Content-Type`) (`bad_request`).');
  }
  if (authenticated) out.set('429', 'Too many failed sign-ins or unknown keys from this address (`rate_limited`); see `Retry-After`.');
  if (r.url.startsWith('/api/')) out.set('503', 'The database cannot answer now (`unavailable`); see `Retry-After`.');
  return out;
}

function errorResponse(status: string, description: string) {
  return {
    description,
    ...(status === '429' || status === '503' ? { headers: RETRY_AFTER } : {}),
    content: { 'application/json': { schema: ERROR_REF } },
  };
}

const SUCCESS_TEXT: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted: queued', 204: 'Done; no content', 302: 'Redirect (Location header)' };

/** A success answer whose schema says nothing gets its status's meaning (Swagger's "Default Response" said nothing). */
function describedSuccess(status: string, response: unknown): unknown {
  const r = response as Record<string, unknown> | undefined;
  if (!r || typeof r !== 'object' || r.description !== undefined || r['x-response-description'] !== undefined) return response;
  return { ...r, 'x-response-description': SUCCESS_TEXT[status] ?? 'Success' };
}

/** The central rules (see the file's comment) applied to one route's already converted schema. */
function documentRoute(r: RouteFacts, schema: Record<string, unknown>): Record<string, unknown> {
  const { errors, documentedBody: _doc, ...rest } = schema as { errors?: Record<string, string>; documentedBody?: unknown } & Record<string, unknown>;
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries((rest.response as Record<string, unknown> | undefined) ?? {})) {
    responses[status] = /^[23]/.test(status) ? describedSuccess(status, response) : response;
  }
  const wanted = centralErrors(r, rest);
  for (const [status, when] of Object.entries(errors ?? {})) {
    const central = wanted.get(status);
    wanted.set(status, central ? `${when}; or: ${central}` : when);
  }
  for (const [status, when] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    responses[status] ??= errorResponse(status, when);
  }
  if (!Object.keys(responses).some((s) => s.startsWith('4'))) {
    responses['4XX'] = errorResponse('4XX', 'A request the HTTP layer refuses before the route runs: malformed (400), headers too large (431).');
  }
  responses.default ??= errorResponse('default', 'An unexpected error (500 `internal`); the answer holds no detail of it, the server log does.');
  const own = (rest.description as string | undefined) ?? (rest.summary as string | undefined);
  return {
    ...rest,
    // Public routes need nothing, whatever the document's default security says.
    ...(isAuthenticated(r) || rest.security !== undefined ? {} : { security: [] }),
    operationId: (rest.operationId as string | undefined) ?? derivedOperationId(r.method, r.url),
    description: [own, accessNote(r, rest.security)].filter(Boolean).join('\n\n'),
    response: responses,
  };
}

/**
 * The body's examples (`.meta({ examples })` on its zod schema): fastify-type-provider-zod 7 loses
 * the root schema's metadata of some route schemas (task, pursuit, proposal bodies); nested schemas keep theirs.
 */
function withRootExamples(zodSchema: unknown, json: unknown): unknown {
  const examples = zodSchema instanceof z.ZodType ? (z.globalRegistry.get(zodSchema) as { examples?: unknown[] } | undefined)?.examples : undefined;
  if (!examples || typeof json !== 'object' || json === null || 'examples' in json) return json;
  return { ...json, examples };
}

function withIdempotencyKeyHeader(schema: Record<string, unknown>): Record<string, unknown> {
  const headers = (schema.headers ?? { type: 'object', properties: {} }) as { type: string; properties?: Record<string, unknown> };
  return {
    ...schema,
    headers: {
      ...headers,
      properties: {
        ...headers.properties,
        'idempotency-key': {
          type: 'string',
          minLength: 1,
          maxLength: 255,
          description:
            'Optional. Send the same key again to retry safely: within 24 h the first 2xx answer is replayed (Idempotent-Replayed: true) instead of writing twice; ' +
            'another request under the key is 422 idempotency_mismatch; a retry while the first still runs waits for it, or 409 idempotency_in_progress.',
        },
      },
    },
  };
}

export async function registerOpenApi(app: FastifyInstance, o: OpenApiOptions = {}): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'FlowLedger API',
        version: '0.1.0',
        license: { name: 'MIT', identifier: 'MIT' },
        // Markdown (Swagger UI renders it): placeholders such as <key> go in code spans, or they are
        // taken for HTML tags and dropped — "Bearer <key>" showed as `Bearer "`.
        description:
          'Operations pipeline backend. Every `/api` route needs `Authorization: Bearer <key>` (programs) or the ' +
          '`flowledger_session` cookie of `POST /api/auth/sign-in` (the dashboard); the key or the session decides the org. ' +
          'Cookie-authenticated writes (POST, PUT, PATCH, DELETE, tRPC mutations) also need `Sec-Fetch-Site: same-origin` ' +
          '(or an `Origin` of this site) and the header `X-CSRF-Token: <csrf_token of the session>`, else 403 `csrf_failed`. ' +
          'Errors answer with the `Error` schema. The tRPC procedures are not in this document; their REST mirrors are.',
      },
      servers: [
        { url: '/', description: 'The server that serves this document' },
        ...(o.publicOrigin ? [{ url: o.publicOrigin, description: 'This install (PUBLIC_URL)' }] : []),
      ],
      tags: TAGS,
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key (`fl_…`) as `Authorization: Bearer <key>`: created by an admin (`POST /api/keys`) or `flowledger keys create`.',
          },
          cookieAuth: {
            type: 'apiKey',
            in: 'cookie',
            name: 'flowledger_session',
            description: 'The session cookie set by `POST /api/auth/sign-in` (the dashboard). Writes also need `X-CSRF-Token`.',
          },
          ...(o.metricsTokenSet ? { metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, for `/metrics` alone.' } } : {}),
        },
        schemas: { Error: ERROR_SCHEMA },
      },
      security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    },
    transform: (args) => {
      if (o.hiddenUrls?.includes(args.url)) return { schema: { hide: true } as never, url: args.url };
      const given = args.schema as { documentedBody?: unknown; body?: unknown } | undefined;
      const zodBody = given?.documentedBody ?? given?.body;
      const out = jsonSchemaTransform(given?.documentedBody ? { ...args, schema: { ...args.schema, body: given.documentedBody } } : args);
      if ((out.schema as { hide?: boolean } | undefined)?.hide) return out;
      const facts: RouteFacts = { method: methodOf(args.route), url: args.url, config: args.route.config as RouteConfig };
      // Versioned items: the ETag response header and the If-Match request header (which brings the 412 below).
      let schema = versionedRouteDocs((out.schema ?? {}) as Record<string, unknown>, (args.route.config as { etag?: EtagConfig } | undefined)?.etag);
      if (schema.body) schema = { ...schema, body: withRootExamples(zodBody, schema.body) };
      if (takesIdempotencyKey(facts)) schema = withIdempotencyKeyHeader(schema);
      return { ...out, schema: documentRoute(facts, schema) as never };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', url: '/api/openapi.json' },
    // Swagger UI loads only its own files and the spec; React sets style attributes, hence 'unsafe-inline' for styles alone.
    staticCSP:
      "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
