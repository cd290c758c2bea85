/**
 * The per-route settings every route file may declare (`config: { public: true }`, `minRole`), read
 * by the auth plugin (src/auth/auth.plugin.ts) and the input guard; and `request.auth`, which the
 * auth plugin sets.
 */
import type { AuthContext, Role } from '../shared/auth-context.js';
import type { EtagConfig } from './preconditions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, from the API key or the session cookie; set by the auth plugin on every /api route. */
    auth?: AuthContext;
  }
  interface FastifyContextConfig {
    /** Reachable without a key or session (health, docs, OpenAPI, sign-in). */
    public?: boolean;
    /** The lowest role that may call the route; writes default to member. */
    minRole?: Role;
    /** The route authenticates by itself (WebSocket first-message auth). */
    selfAuth?: boolean;
    /**
     * The request's org_id names an org to act in next (switching a session's org), not a claim on
     * the caller's current org: the tenancy rule leaves it to the route, which checks membership.
     */
    orgIdIsTarget?: boolean;
    /** The route takes outside text (raw mail) and drops NUL itself instead of refusing it. */
    cleansNul?: boolean;
    /** The route answers one versioned item: ETag from this answer field; `ifMatch`: it honours If-Match (src/http/preconditions.ts). */
    etag?: EtagConfig;
  }
}

export {};
