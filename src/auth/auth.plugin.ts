/**
 * The whole tenancy rule, for REST and tRPC alike: the org comes from the API key or the session,
 * never from the request; an `org_id` in a request that names another org is refused with 403,
 * never ignored; the caller's role must reach the route's (reads: viewer, writes: member, admin
 * routes: admin). Keys and sessions produce the same AuthContext, so every rule reads the same.
 *
 * - `authPlugin`: a Fastify plugin (not encapsulated, so it guards every route registered after it).
 *   onRequest: bearer key (wins when both are sent) or session cookie → AuthContext on
 *   `request.auth`, the CSRF check of cookie-authenticated writes, and the role check;
 *   preValidation: `org_id` in the query, JSON body or path of a REST route, before validation
 *   strips it.
 * - `authedProcedure` / `writerProcedure` / `adminProcedure`: the same rule for tRPC, applied to
 *   exactly the input each procedure receives (per call of a batch), whatever the transport.
 * - `authenticate` / `authenticateSession`: the checks shared with the WebSocket gateway.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';
import fp from 'fastify-plugin';
import '../http/route-config.js';
import { middleware, publicProcedure } from '../http/trpc.js';
import { roleAtLeast, type AuthContext, type Role } from '../shared/auth-context.js';
import { AppError, forbidden, unauthorized } from '../shared/errors.js';
import type { FailedAuthLimiter } from './failed-auth-limiter.js';
import type { KeyResolver } from './key-resolver.js';
import type { SessionResolver } from './session-resolver.js';
import { clearedSessionCookie, CSRF_HEADER, notSameOrigin, sessionTokenOf } from './session-cookie.js';
import { csrfTokenOf } from './sessions.repository.js';

export interface AuthDeps {
  keys: KeyResolver;
  sessions: SessionResolver;
  authLimiter: FailedAuthLimiter;
  config: Pick<Config, 'publicOrigin'>;
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
  if (!token) throw unauthorized('Missing API key or session: send "Authorization: Bearer <key>", or sign in (POST /api/auth/sign-in)');
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

/** The 429 of the failed-attempt limiter, with its wait. */
export function rateLimited(waitMs: number): AppError {
  return new AppError('rate_limited', 'Too many failed authentications; try again later', { retry_after_s: Math.ceil(waitMs / 1000) });
}

/**
 * Authenticates a session cookie's token, or throws the AppError to answer with. An unknown token
 * counts against the address's failed-attempt limit as an unknown key does; an ended session (signed
 * out, expired, deactivated) does not: a browser that kept its cookie is no attacker.
 */
export async function authenticateSession(deps: AuthDeps, token: string, address: string): Promise<AuthContext> {
  const res = await deps.sessions.resolve(token);
  if (res.ok) return res.auth;
  if (res.reason === 'ended') throw unauthorized('Your session has ended; sign in again');
  const wait = deps.authLimiter.blockedFor(address);
  if (wait > 0) throw rateLimited(wait);
  deps.authLimiter.recordFailure(address);
  throw unauthorized('Unknown session; sign in again');
}

/** The origin people reach us at: PUBLIC_URL's, else this request's own scheme and Host (as a trusted proxy reports them). */
export function ownOrigin(deps: Pick<AuthDeps, 'config'>, request: FastifyRequest): string {
  if (deps.config.publicOrigin) return deps.config.publicOrigin;
  // Through URL, as browsers write Origin: no default port, lowercase host.
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return 'null';
  }
}

const sha = (v: string) => createHash('sha256').update(v, 'utf8').digest();

/**
 * CSRF for a cookie-authenticated write: the browser says it comes from our own pages (Fetch
 * Metadata or Origin) AND it carries the session's CSRF token, which only our pages can read.
 */
function csrfRefusal(deps: AuthDeps, request: FastifyRequest, sessionToken: string): AppError | undefined {
  const header = (name: string) => {
    const v = request.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const site = notSameOrigin({ secFetchSite: header('sec-fetch-site'), origin: header('origin') }, ownOrigin(deps, request));
  if (site) return new AppError('csrf_failed', site);
  const given = header(CSRF_HEADER);
  if (!given) return new AppError('csrf_failed', 'Missing X-CSRF-Token header (the csrf_token of GET /api/auth/session)');
  // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first difference.
  if (!timingSafeEqual(sha(given), sha(csrfTokenOf(sessionToken)))) return new AppError('csrf_failed', 'X-CSRF-Token does not match this session');
  return undefined;
}

/** The cookie is Secure when the request came over TLS, or when people reach us over https (PUBLIC_URL) through a proxy not trusted to say so. */
export function cookieIsSecure(deps: Pick<AuthDeps, 'config'>, request: FastifyRequest): boolean {
  return request.protocol === 'https' || (deps.config.publicOrigin?.startsWith('https:') ?? false);
}

/** Answers with the session cookie cleared (the session has ended or never was). */
export function clearSessionCookie(deps: Pick<AuthDeps, 'config'>, request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('set-cookie', clearedSessionCookie({ secure: cookieIsSecure(deps, request) }));
}

// ------------------------------------------------------------------ the org_id rule

/** The 403 for an org_id that names another org than the key's, if `claimed` does. */
export function orgIdRefusal(claimed: unknown, orgId: number, via: AuthContext['via'] = 'key'): AppError | undefined {
  if (claimed === undefined || claimed === null || claimed === '') return undefined;
  const whose = via === 'key' ? 'the org of your API key' : 'the org you are signed in to (switch with POST /api/auth/session/org)';
  return String(claimed) !== String(orgId) ? forbidden(`org_id ${String(claimed)} is not ${whose}`) : undefined;
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

const readOnly = (auth: AuthContext) => (auth.via === 'key' ? 'Your key is read-only (role viewer)' : 'You are read-only in this org (role viewer)');

function roleRefusal(auth: AuthContext, minRole: Role): AppError | undefined {
  if (roleAtLeast(auth.role, minRole)) return undefined;
  return forbidden(
    auth.role === 'viewer' && minRole === 'member'
      ? readOnly(auth)
      : auth.via === 'key'
        ? `This needs a key with role ${minRole} (yours is ${auth.role})`
        : `This needs the role ${minRole} in this org (yours is ${auth.role})`,
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
    const key = bearerToken(request.headers.authorization);
    // A key wins when both are sent: a program's request is never judged by a browser's cookie.
    const sessionToken = key === undefined ? sessionTokenOf(request.headers.cookie) : undefined;
    let auth: AuthContext;
    try {
      auth = sessionToken === undefined ? await authenticate(deps, key, request.ip) : await authenticateSession(deps, sessionToken, request.ip);
    } catch (e) {
      if (e instanceof AppError && e.code === 'rate_limited') {
        void reply.header('retry-after', String((e.details as { retry_after_s: number }).retry_after_s));
      }
      if (e instanceof AppError && e.code === 'unauthorized' && sessionToken !== undefined) clearSessionCookie(deps, request, reply);
      throw e;
    }
    if (sessionToken !== undefined && !SAFE_METHODS.has(request.method)) {
      const refusal = csrfRefusal(deps, request, sessionToken);
      if (refusal) throw refusal;
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
    if (!request.auth || request.routeOptions.config?.orgIdIsTarget) return;
    for (const claimed of orgIdClaims(request)) {
      const refusal = orgIdRefusal(claimed, request.auth.orgId, request.auth.via);
      if (refusal) throw refusal;
    }
  });
};

export const authPlugin = fp(plugin, { name: 'flowledger-auth' });

// ------------------------------------------------------------------ tRPC

const requireCaller = middleware(async ({ ctx, getRawInput, next }) => {
  if (!ctx.auth) throw unauthorized();
  const raw = await getRawInput();
  if (isRecord(raw) && 'org_id' in raw) {
    const refusal = orgIdRefusal(raw.org_id, ctx.auth.orgId, ctx.auth.via);
    if (refusal) throw refusal;
  }
  return next({ ctx: { ...ctx, auth: ctx.auth } });
});

export const authedProcedure = publicProcedure.use(requireCaller);

/** Changes need member or admin; viewers read only. */
export const writerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!roleAtLeast(ctx.auth.role, 'member')) throw forbidden(readOnly(ctx.auth));
  return next();
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!roleAtLeast(ctx.auth.role, 'admin')) throw forbidden(ctx.auth.via === 'key' ? 'This needs an admin key' : 'This needs the role admin in this org');
  return next();
});
