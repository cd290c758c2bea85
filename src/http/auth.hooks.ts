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
  const path = request.url.split('?', 1)[0]!;
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

function findOrgIdParam(request: FastifyRequest): unknown {
  const q = request.query as Record<string, unknown> | undefined;
  if (q && typeof q === 'object') {
    if ('org_id' in q) return q.org_id;
    // tRPC GET queries carry their input as JSON in ?input=. Parsed only when it could name org_id:
    // spelled out, or hidden behind a JSON escape ("org\u005fid" is the same key).
    if (typeof q.input === 'string' && (q.input.includes('org_id') || q.input.includes('\\u'))) {
      try {
        const parsed = JSON.parse(q.input) as Record<string, unknown>;
        if (parsed && typeof parsed === 'object' && 'org_id' in parsed) return parsed.org_id;
      } catch {
        // tRPC itself answers malformed input.
      }
    }
  }
  const body = request.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object' && !Array.isArray(body) && 'org_id' in body) return body.org_id;
  const params = request.params as Record<string, unknown> | undefined;
  if (params && typeof params === 'object' && 'org_id' in params) return params.org_id;
  return undefined;
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
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.auth) return;
    const claimed = findOrgIdParam(request);
    if (orgIdMismatch(claimed, request.auth.orgId)) {
      throw forbidden(`org_id ${String(claimed)} is not the org of your API key`);
    }
  });
}
