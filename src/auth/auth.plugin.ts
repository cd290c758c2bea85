/**
 * The whole tenancy rule, for REST and tRPC alike: the org comes from the API key, never from the
 * request; an `org_id` in a request that names another org is refused with 403, never ignored; the
 * key's role must reach the route's (reads: viewer, writes: member, admin routes: admin).
 *
 * - `authPlugin`: a Fastify plugin (not encapsulated, so it guards every route registered after it).
 *   onRequest: bearer key → AuthContext on `request.auth` and the role check; preValidation:
 *   `org_id` in the query, JSON body or path of a REST route, before validation strips it.
 * - `authedProcedure` / `writerProcedure` / `adminProcedure`: the same rule for tRPC, applied to
 *   exactly the input each procedure receives (per call of a batch), whatever the transport.
 * - `authenticate`: the key check shared with the WebSocket gateway's first-message auth.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import '../http/route-config.js';
import { middleware, publicProcedure } from '../http/trpc.js';
import { roleAtLeast, type AuthContext, type Role } from '../shared/auth-context.js';
import { AppError, forbidden, unauthorized } from '../shared/errors.js';
import type { FailedAuthLimiter } from './failed-auth-limiter.js';
import type { KeyResolver } from './key-resolver.js';

export interface AuthDeps {
  keys: KeyResolver;
  authLimiter: FailedAuthLimiter;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

/**
 * Authenticates a bearer key, or throws the AppError to answer with. Shared by the HTTP hook and the
 * WebSocket gateway so both apply the same rules and the same failed-attempt limit.
 */
export async function authenticate(deps: AuthDeps, token: string | undefined, address: string): Promise<AuthContext> {
  // No key is no attempt: 401, never counted.
  if (!token) throw unauthorized('Missing API key: send "Authorization: Bearer <key>"');
  // A valid key is always accepted, whatever others from the same address (a proxy, an office)
  // got wrong; only invalid attempts are limited. Keys carry 256 random bits, so the limit is
  // there to keep floods of bad keys cheap, not to make guessing possible.
  const res = await deps.keys.resolve(token);
  if (res.ok) return res.auth;
  const wait = deps.authLimiter.blockedFor(address);
  if (wait > 0) {
    throw new AppError('rate_limited', 'Too many failed authentications; try again later', {
      retry_after_s: Math.ceil(wait / 1000),
    });
  }
  deps.authLimiter.recordFailure(address);
  throw unauthorized(res.reason === 'revoked' ? 'API key has been revoked' : 'Unknown API key');
}

// ------------------------------------------------------------------ the org_id rule

/** The 403 for an org_id that names another org than the key's, if `claimed` does. */
export function orgIdRefusal(claimed: unknown, orgId: number): AppError | undefined {
  if (claimed === undefined || claimed === null || claimed === '') return undefined;
  return String(claimed) !== String(orgId) ? forbidden(`org_id ${String(claimed)} is not the org of your API key`) : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The org_ids a REST request names: query, JSON body, path. */
function orgIdClaims(request: FastifyRequest): unknown[] {
  const claims: unknown[] = [];
  for (const part of [request.query, request.body, request.params]) {
    if (isRecord(part) && 'org_id' in part) claims.push(part.org_id);
  }
  return claims;
}

function roleRefusal(auth: AuthContext, minRole: Role): AppError | undefined {
  if (roleAtLeast(auth.role, minRole)) return undefined;
  return forbidden(
    auth.role === 'viewer' && minRole === 'member'
      ? 'Your key is read-only (role viewer)'
      : `This needs a key with role ${minRole} (yours is ${auth.role})`,
  );
}

// ------------------------------------------------------------------ REST

function needsAuth(request: FastifyRequest): boolean {
  const cfg = request.routeOptions.config;
  if (cfg?.public || cfg?.selfAuth) return false;
  // The matched route's pattern, not the raw URL: the router decodes `%61pi` to `api` before
  // matching, so a raw-prefix test would let an encoded path reach an /api route unauthenticated.
  const path = request.routeOptions.url ?? request.url.split('?', 1)[0]!;
  return path === '/api' || path.startsWith('/api/');
}

const plugin: FastifyPluginAsync<{ deps: AuthDeps }> = async (app: FastifyInstance, { deps }) => {
  app.decorateRequest('auth', undefined);

  app.addHook('onRequest', async (request, reply) => {
    if (!needsAuth(request)) return;
    let auth: AuthContext;
    try {
      auth = await authenticate(deps, bearerToken(request.headers.authorization), request.ip);
    } catch (e) {
      if (e instanceof AppError && e.code === 'rate_limited') {
        void reply.header('retry-after', String((e.details as { retry_after_s: number }).retry_after_s));
      }
      throw e;
    }
    request.auth = auth;
    const minRole = request.routeOptions.config?.minRole ?? (SAFE_METHODS.has(request.method) ? 'viewer' : 'member');
    const refusal = roleRefusal(auth, minRole);
    if (refusal) throw refusal;
  });

  // After the body is parsed and before validation (which strips keys a route does not declare, so
  // a list route's `?org_id=` would otherwise vanish): an org_id that names another org is refused,
  // never silently ignored. tRPC input is checked by the procedures below, on exactly what they receive.
  app.addHook('preValidation', async (request) => {
    if (!request.auth) return;
    for (const claimed of orgIdClaims(request)) {
      const refusal = orgIdRefusal(claimed, request.auth.orgId);
      if (refusal) throw refusal;
    }
  });
};

export const authPlugin = fp(plugin, { name: 'flowledger-auth' });

// ------------------------------------------------------------------ tRPC

const requireKey = middleware(async ({ ctx, getRawInput, next }) => {
  if (!ctx.auth) throw unauthorized();
  const raw = await getRawInput();
  if (isRecord(raw) && 'org_id' in raw) {
    const refusal = orgIdRefusal(raw.org_id, ctx.auth.orgId);
    if (refusal) throw refusal;
  }
  return next({ ctx: { ...ctx, auth: ctx.auth } });
});

export const authedProcedure = publicProcedure.use(requireKey);

/** Changes need member or admin; viewers read only. */
export const writerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!roleAtLeast(ctx.auth.role, 'member')) throw forbidden('Your key is read-only (role viewer)');
  return next();
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!roleAtLeast(ctx.auth.role, 'admin')) throw forbidden('This needs an admin key');
  return next();
});
