import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleAtLeast, type AuthContext } from '../auth/auth-context.js';
import type { Role } from '../db/types.js';
import { AppError, forbidden, unauthorized } from '../shared/errors.js';
import type { AppDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthContext;
  }
  interface FastifyContextConfig {
    /** Reachable without a key (health, docs, OpenAPI). */
    public?: boolean;
    /** The lowest role that may call the route; writes default to member. */
    minRole?: Role;
    /** The route authenticates by itself (WebSocket first-message auth). */
    selfAuth?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

function needsAuth(request: FastifyRequest): boolean {
  const cfg = request.routeOptions.config;
  if (cfg?.public || cfg?.selfAuth) return false;
  // The matched route's pattern, not the raw URL: the router decodes `%61pi` to `api` before
  // matching, so a raw-prefix test would let an encoded path reach an /api route unauthenticated.
  const path = request.routeOptions.url ?? request.url.split('?', 1)[0]!;
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Authenticates a bearer key for the request, or throws the AppError to answer with. Shared by the
 * HTTP hook and the WebSocket gateway so both apply the same rules and the same rate limit.
 */
export async function authenticate(deps: AppDeps, token: string | undefined, address: string): Promise<AuthContext> {
  const wait = deps.authLimiter.blockedFor(address);
  if (wait > 0) {
    throw new AppError('rate_limited', 'Too many failed authentications; try again later', {
      retry_after_s: Math.ceil(wait / 1000),
    });
  }
  if (!token) {
    deps.authLimiter.recordFailure(address);
    throw unauthorized('Missing API key: send "Authorization: Bearer <key>"');
  }
  const res = await deps.keys.resolve(token);
  if (!res.ok) {
    deps.authLimiter.recordFailure(address);
    throw unauthorized(res.reason === 'revoked' ? 'API key has been revoked' : 'Unknown API key');
  }
  return res.auth;
}

function orgIdMismatch(value: unknown, orgId: number): boolean {
  if (value === undefined || value === null || value === '') return false;
  return String(value) !== String(orgId);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The org_id a request names outside tRPC input: query, JSON body, path. (tRPC input: trpc.ts.) */
function orgIdClaims(request: FastifyRequest): unknown[] {
  const claims: unknown[] = [];
  for (const part of [request.query, request.body, request.params]) {
    if (isRecord(part) && 'org_id' in part) claims.push(part.org_id);
  }
  return claims;
}

/** The 403 for an org_id that names another org than the key's, if `claimed` does. */
export function orgIdRefusal(claimed: unknown, orgId: number): AppError | undefined {
  return orgIdMismatch(claimed, orgId) ? forbidden(`org_id ${String(claimed)} is not the org of your API key`) : undefined;
}

export function registerAuthHooks(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('auth', undefined);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!needsAuth(request)) return;
    let auth: AuthContext;
    try {
      auth = await authenticate(deps, bearerToken(request.headers.authorization), request.ip);
    } catch (e) {
      if (e instanceof AppError && e.code === 'rate_limited') {
        const retry = (e.details as { retry_after_s: number }).retry_after_s;
        void reply.header('retry-after', String(retry));
      }
      throw e;
    }
    request.auth = auth;
    const minRole = request.routeOptions.config?.minRole ?? (SAFE_METHODS.has(request.method) ? 'viewer' : 'member');
    if (!roleAtLeast(auth.role, minRole)) {
      throw forbidden(
        auth.role === 'viewer' && minRole === 'member'
          ? 'Your key is read-only (role viewer)'
          : `This needs a key with role ${minRole} (yours is ${auth.role})`,
      );
    }
  });

  // After the body is parsed: an org_id that names another org is refused, never silently ignored.
  // tRPC input is checked by the procedures' base middleware, on exactly what they receive.
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.auth) return;
    for (const claimed of orgIdClaims(request)) {
      const refusal = orgIdRefusal(claimed, request.auth.orgId);
      if (refusal) throw refusal;
    }
  });
}
