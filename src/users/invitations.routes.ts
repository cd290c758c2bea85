/**
 * Invitations (admin: `/api/invitations*`, also at the first paths `/api/users/invitations*`) and the public side of one-time links
 * (`/api/auth/invitations/*`, `/api/auth/password-reset*`), registered with the prefix /api.
 * Accepting an invitation and confirming a reset end signed in, with the session cookie, as a
 * password sign-in does.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodApp } from '../http/zod-app.js';
import { z } from 'zod';
import { cookieIsSecure, ownOrigin, type AuthDeps } from '../auth/auth.plugin.js';
import { ROLES } from '../auth/api-keys.repository.js';
import { PASSWORD_MAX_LENGTH } from '../auth/passwords.js';
import { declaredCrossSite, sessionCookie } from '../auth/session-cookie.js';
import { AppError } from '../shared/errors.js';
import {
  acceptInvitation,
  confirmPasswordReset,
  describeInvitation,
  inviteByAdmin,
  listInvitations,
  requestPasswordReset,
  revokeInvitation,
  type InvitationDeps,
} from './invitations.service.js';
import type { NewSession } from './users.service.js';
import { sessionSchema } from './users.routes.js';

export type InvitationRouteDeps = InvitationDeps & AuthDeps;

const invitationSchema = z.object({
  invitation_id: z.string(),
  org_id: z.number(),
  email: z.string(),
  role: z.enum(ROLES),
  created_by: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
});

/** A link's token as sent: 32 random bytes in base64url are 43 characters; anything else is unknown anyway. */
const tokenSchema = z.string().min(1).max(200);
const email = z.string().trim().min(3).max(320).regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address');
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const public_ = { public: true };

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Public writes that sign in: refused when the browser says the request comes from another site. */
function refuseCrossSite(deps: InvitationRouteDeps, request: FastifyRequest): void {
  const crossSite = declaredCrossSite({ secFetchSite: header(request, 'sec-fetch-site'), origin: header(request, 'origin') }, ownOrigin(deps, request));
  if (crossSite) throw new AppError('csrf_failed', crossSite);
}

function signedIn(deps: InvitationRouteDeps, request: FastifyRequest, reply: FastifyReply, session: NewSession) {
  request.log.info({ userId: session.view.user.user_id, orgId: session.view.org.org_id }, 'signed in');
  void reply.header('set-cookie', sessionCookie(session.token, { secure: cookieIsSecure(deps, request), maxAgeMs: deps.config.sessionMaxAgeMs }));
  return session.view;
}

export const invitationRoutes: FastifyPluginAsync<{ deps: InvitationRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();

  // /api/invitations; /api/users/invitations* are the first paths, kept working for existing clients
  // but not in the OpenAPI document: /api/users/invitations/{id} overlaps /api/users/{id}/… (a user id).
  for (const [base, documented] of [['/invitations', true], ['/users/invitations', false]] as const) {
    registerInvitationAdminRoutes(app, deps, base, documented);
  }

  app.get(
    '/auth/invitations/:token',
    {
      config: public_,
      schema: {
        tags: ['auth'],
        summary: 'What an invitation link offers (404, the same, for an unknown, used, revoked or expired link)',
        security: [],
        params: z.object({ token: tokenSchema }),
        response: {
          200: z.object({
            email: z.string(),
            org: z.object({ org_id: z.number(), name: z.string() }),
            role: z.enum(ROLES),
            expires_at: z.string(),
            has_account: z.boolean(),
          }),
        },
      },
    },
    async (request) => describeInvitation(deps, request.params.token),
  );

  app.post(
    '/auth/invitations/accept',
    {
      config: public_,
      schema: {
        tags: ['auth'],
        errors: {
          401: 'an existing account\'s password is wrong (`invalid_credentials`)',
          403: 'the account is deactivated (`forbidden`), or the request is cross-site (`csrf_failed`)',
          404: 'an unknown, used, revoked or expired token (`not_found`)',
          409: 'already a member of the org (`conflict`)',
        }, summary: 'Accept an invitation: join the org (a new account, or the existing one with its password) and sign in',
        security: [],
        body: z.object({ token: tokenSchema, name: z.string().trim().min(1).max(200), password, email: email.optional() }).strict(),
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      refuseCrossSite(deps, request);
      const session = await acceptInvitation(deps, { ...request.body, ip: request.ip, userAgent: header(request, 'user-agent') ?? null });
      return signedIn(deps, request, reply, session);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: public_,
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link: always 202; mailed only when an active account has this email',
        security: [],
        body: z.object({ email }).strict(),
        response: { 202: z.object({ status: z.literal('accepted') }) },
      },
    },
    async (request, reply) => {
      refuseCrossSite(deps, request);
      await requestPasswordReset(deps, request.body);
      return reply.status(202).send({ status: 'accepted' });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: public_,
      schema: {
        tags: ['auth'],
        summary: "Set a new password with a reset link's token: every other session ends, this request signs in",
        security: [],
        body: z.object({ token: tokenSchema, password }).strict(),
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      refuseCrossSite(deps, request);
      const session = await confirmPasswordReset(deps, { ...request.body, ip: request.ip, userAgent: header(request, 'user-agent') ?? null });
      return signedIn(deps, request, reply, session);
    },
  );
};

/** Invite, list and revoke: the admin's side of invitations, at `base` (documented or not). */
function registerInvitationAdminRoutes(app: ZodApp, deps: InvitationRouteDeps, base: string, documented: boolean): void {
  const admin = { minRole: 'admin' as const };
  const doc = (operationId: string) => (documented ? { operationId } : { hide: true });

  app.post(
    base,
    {
      config: admin,
      schema: {
        ...doc('createInvitation'),
        tags: ['users'],
        summary: 'Invite a person by email to this org with a role: a one-time link is mailed',
        errors: { 409: 'already a member of this org, or no PUBLIC_URL to link to (`conflict`, `details.reason: "public_url_missing"`)' },
        body: z.object({ email, role: z.enum(ROLES), name: z.string().trim().min(1).max(200).optional() }).strict(),
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) => {
      const invitation = await inviteByAdmin(deps, request.auth!, request.body);
      return reply.status(201).send(invitation);
    },
  );

  app.get(
    base,
    {
      config: admin,
      schema: {
        ...doc('listInvitations'),
        tags: ['users'],
        summary: "This org's pending invitations (not used, not expired)",
        response: { 200: z.object({ data: z.array(invitationSchema) }) },
      },
    },
    async (request) => ({ data: await listInvitations(deps, request.auth!.orgId) }),
  );

  app.delete(
    `${base}/:id`,
    {
      config: admin,
      schema: {
        ...doc('revokeInvitation'),
        tags: ['users'],
        summary: 'Revoke a pending invitation: its link stops working',
        params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'must be an invitation_id (64 hex digits)') }),
        response: { 200: invitationSchema },
      },
    },
    async (request) => revokeInvitation(deps, request.auth!, request.params.id),
  );
}
