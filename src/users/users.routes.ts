/**
 * Browser sign-in (`/api/auth/*`) and an org's members (`/api/users*`, admin only), registered with
 * the prefix /api. Sign-in answers with the session cookie (HttpOnly, SameSite=Lax, Secure over TLS)
 * and the CSRF token the dashboard sends back as X-CSRF-Token with every write.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, cookieIsSecure, ownOrigin, type AuthDeps } from '../auth/auth.plugin.js';
import { PASSWORD_MAX_LENGTH } from '../auth/passwords.js';
import { declaredCrossSite, sessionCookie, sessionTokenOf } from '../auth/session-cookie.js';
import { idParams } from '../http/params.js';
import { noContent } from '../http/openapi.js';
import { ROLES } from '../auth/api-keys.repository.js';
import { AppError } from '../shared/errors.js';
import { listDirectory, listMembers } from './users.repository.js';
import { memberOpenWork, openWorkOf, reassignOpenWork } from './open-work.service.js';
import {
  changeMember,
  currentSession,
  removeMember,
  signIn,
  signOut,
  signOutEverywhere,
  switchOrg,
  type UsersDeps,
} from './users.service.js';

const orgChoice = z.object({ org_id: z.number(), name: z.string(), role: z.enum(ROLES) });
export const sessionSchema = z.object({
  user: z.object({ user_id: z.number(), email: z.string(), name: z.string() }),
  org: z.object({ org_id: z.number(), name: z.string() }),
  role: z.enum(ROLES),
  orgs: z.array(orgChoice),
  csrf_token: z.string(),
  expires_at: z.string(),
});
const memberSchema = z.object({
  user_id: z.number(),
  org_id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(['active', 'deactivated']),
  has_password: z.boolean(),
  created_at: z.string(),
  deactivated_at: z.string().nullable(),
});

const openWorkSchema = z.object({ user_id: z.number(), open_tasks: z.number(), open_pursuits: z.number() });

export type UserRouteDeps = UsersDeps & AuthDeps;

/** Session routes work for every role: a viewer may sign out and switch org. */
const anyRole = { minRole: 'viewer' as const };

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The cookie's token (the auth plugin has authenticated it already). */
function cookieToken(request: FastifyRequest): string {
  const token = sessionTokenOf(request.headers.cookie);
  if (!token || request.auth?.via !== 'session') {
    throw new AppError('bad_request', 'This route is for signed-in people (a session cookie); API keys have GET /api/me');
  }
  return token;
}

export const userRoutes: FastifyPluginAsync<{ deps: UserRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/auth/sign-in',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password: sets the session cookie, answers the session and its CSRF token',
        security: [],
        body: z
          .object({
            email: z.string().trim().min(1).max(320),
            password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
            org_id: z.number().int().positive().optional(),
          })
          .strict(),
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const crossSite = declaredCrossSite({ secFetchSite: header(request, 'sec-fetch-site'), origin: header(request, 'origin') }, ownOrigin(deps, request));
      if (crossSite) throw new AppError('csrf_failed', crossSite);
      let session;
      try {
        session = await signIn(deps, {
          email: request.body.email,
          password: request.body.password,
          orgId: request.body.org_id,
          ip: request.ip,
          userAgent: header(request, 'user-agent') ?? null,
        });
      } catch (e) {
        if (e instanceof AppError && e.code === 'rate_limited') void reply.header('retry-after', String((e.details as { retry_after_s: number }).retry_after_s));
        // Who tried is the client address; never the email or the password.
        if (e instanceof AppError) request.log.info({ code: e.code }, 'sign-in refused');
        throw e;
      }
      request.log.info({ userId: session.view.user.user_id, orgId: session.view.org.org_id }, 'signed in');
      void reply.header('set-cookie', sessionCookie(session.token, { secure: cookieIsSecure(deps, request), maxAgeMs: deps.config.sessionMaxAgeMs }));
      return session.view;
    },
  );

  app.post(
    '/auth/sign-out',
    { config: anyRole, schema: { tags: ['auth'], summary: 'End this session and clear its cookie', response: noContent } },
    async (request, reply: FastifyReply) => {
      cookieToken(request);
      await signOut(deps, request.auth!);
      clearSessionCookie(deps, request, reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      config: anyRole,
      schema: { tags: ['auth'], summary: "End every session of the signed-in person (this one too)", response: { 200: z.object({ sessions_ended: z.number() }) } },
    },
    async (request, reply) => {
      cookieToken(request);
      const n = await signOutEverywhere(deps, request.auth!);
      clearSessionCookie(deps, request, reply);
      return { sessions_ended: n };
    },
  );

  app.get(
    '/auth/session',
    { config: anyRole, schema: { tags: ['auth'], summary: 'The signed-in person, the org the session acts in, their orgs and the CSRF token', response: { 200: sessionSchema } } },
    async (request) => currentSession(deps, request.auth!, cookieToken(request)),
  );

  app.post(
    '/auth/session/org',
    {
      // The body's org_id is the org to switch to, not a claim on the current one: membership is checked here.
      config: { ...anyRole, orgIdIsTarget: true },
      schema: {
        tags: ['auth'],
        summary: 'Switch the org this session acts in (403 when not a member)',
        body: z.object({ org_id: z.number().int().positive() }).strict(),
        response: { 200: sessionSchema },
      },
    },
    async (request) => switchOrg(deps, request.auth!, cookieToken(request), request.body.org_id),
  );

  const admin = { minRole: 'admin' as const };

  app.get(
    '/users/directory',
    {
      config: anyRole,
      schema: {
        tags: ['users'],
        summary: "This org's active members (name order): owner pickers and @mention suggestions",
        response: { 200: z.object({ data: z.array(z.object({ user_id: z.number(), name: z.string(), email: z.string() })) }) },
      },
    },
    async (request) => ({ data: await listDirectory(deps.database.db, request.auth!.orgId) }),
  );

  app.get(
    '/users/:id/open-work',
    {
      config: admin,
      schema: { tags: ['users'], summary: 'How many open tasks (not COMPLETED) and open pursuits (not won/lost) the member owns here', params: idParams, response: { 200: openWorkSchema } },
    },
    async (request) => memberOpenWork(deps, request.auth!, request.params.id),
  );

  app.post(
    '/users/:id/reassign',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: "Move all of a member's open tasks and pursuits to another active member (to_user_id), or unassign them (null), in one transaction",
        params: idParams,
        body: z.object({ to_user_id: z.number().int().positive().nullable() }).strict(),
        response: {
          200: z.object({ user_id: z.number(), to_user_id: z.number().nullable(), moved_tasks: z.number(), moved_pursuits: z.number() }),
        },
      },
    },
    async (request) => reassignOpenWork(deps, request.auth!, request.params.id, request.body.to_user_id),
  );

  app.get(
    '/users',
    { config: admin, schema: { tags: ['users'], summary: "This org's members", response: { 200: z.object({ data: z.array(memberSchema) }) } } },
    async (request) => ({ data: await listMembers(deps.database.db, request.auth!.orgId) }),
  );

  app.patch(
    '/users/:id',
    {
      config: admin,
      schema: {
        tags: ['users'],
        errors: { 409: 'the last active admin (demote, deactivate), or the status of someone who also belongs to other orgs (`conflict`)' }, summary: "Change a member's role or (de)activate them (409 for the last active admin); a deactivation answers the open work they still own (open_work)",
        params: idParams,
        body: z
          .object({ role: z.enum(ROLES).optional(), status: z.enum(['active', 'deactivated']).optional() })
          .strict()
          .refine((b) => b.role !== undefined || b.status !== undefined, { message: 'send role, status or both' }),
        response: { 200: memberSchema.extend({ open_work: openWorkSchema.optional() }) },
      },
    },
    async (request) => {
      const member = await changeMember(deps, request.auth!, request.params.id, request.body);
      if (request.body.status !== 'deactivated') return member;
      // So the screen can offer to reassign it at once (POST /api/users/:id/reassign).
      return { ...member, open_work: await openWorkOf(deps.database.db, request.auth!.orgId, member.user_id) };
    },
  );

  app.delete(
    '/users/:id/membership',
    {
      config: admin,
      schema: { tags: ['users'], errors: { 409: 'the last active admin (`conflict`)' }, summary: 'Remove a member from this org: their sessions in it end at once', params: idParams, response: { 200: memberSchema } },
    },
    async (request) => removeMember(deps, request.auth!, request.params.id),
  );
};
