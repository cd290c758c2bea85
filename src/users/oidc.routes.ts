/**
 * OpenID Connect sign-in over HTTP, registered with the prefix /api: which sign-in methods exist (for
 * the sign-in screen), the redirect to the provider, and the provider's redirect back. Start and
 * callback are browser navigations, so their refusals are redirects to the dashboard's sign-in screen
 * with an error code, never JSON.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cookieIsSecure, type AuthDeps } from '../auth/auth.plugin.js';
import { sessionCookie } from '../auth/session-cookie.js';
import { notFound } from '../shared/errors.js';
import { OIDC_COOKIE, OIDC_COOKIE_MAX_AGE_MS, OidcClient, OidcSignInRefused, finishOidcSignIn, startOidcSignIn, type OidcDeps, type OidcRefusal } from './oidc.service.js';
import type { UsersDeps } from './users.service.js';
import type { Config } from '../config/config.js';

export type OidcRouteDeps = OidcDeps & UsersDeps & AuthDeps & { config: Pick<Config, 'oidc' | 'publicOrigin'> };

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
/** The cookie goes only to the two OIDC routes. */
const COOKIE_PATH = '/api/auth/oidc';

function oidcCookie(value: string, secure: boolean): string {
  return `${OIDC_COOKIE}=${value}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=${OIDC_COOKIE_MAX_AGE_MS / 1000}${secure ? '; Secure' : ''}`;
}

function clearedOidcCookie(secure: boolean): string {
  return `${OIDC_COOKIE}=; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

function oidcCookieOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === OIDC_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

const redirectSchema = { 302: z.null().describe('Redirect (Location header)') };

export const oidcRoutes: FastifyPluginAsync<{ deps: OidcRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  // config.ts requires PUBLIC_URL whenever OIDC is configured.
  const client = deps.config.oidc && deps.config.publicOrigin ? new OidcClient(deps.config.oidc, `${deps.config.publicOrigin}${OIDC_CALLBACK_PATH}`) : null;
  const dashboard = deps.config.publicOrigin ?? '';

  /** Back to the sign-in screen with why; the half-done sign-in's cookie goes. */
  const refuse = (request: FastifyRequest, reply: FastifyReply, e: OidcSignInRefused) => {
    // The refusal and its reason (no token, no email), and the client address the limiter counted.
    request.log.info({ code: e.refusal, reason: e.reason }, 'oidc sign-in refused');
    return redirectToSignIn(reply, e.refusal, cookieIsSecure(deps, request));
  };
  const redirectToSignIn = (reply: FastifyReply, code: OidcRefusal, secure: boolean) =>
    reply.header('set-cookie', clearedOidcCookie(secure)).redirect(`${dashboard}/#/sign-in?error=${code}`, 302);

  app.get(
    '/auth/providers',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'The sign-in methods of this install, for the sign-in screen: password always, single sign-on when configured',
        security: [],
        response: { 200: z.object({ password: z.literal(true), oidc: z.object({ name: z.string(), start_url: z.string() }).nullable() }) },
      },
    },
    async () => ({ password: true as const, oidc: client ? { name: client.settings.displayName, start_url: '/api/auth/oidc/start' } : null }),
  );

  app.get(
    '/auth/oidc/start',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: "Sign in with the install's OpenID Connect provider: redirects there (authorization code + PKCE) with a short-lived sign-in cookie",
        description: 'A browser navigation. 404 when single sign-on is not configured; when the provider cannot be reached, redirects to /#/sign-in?error=oidc_unavailable.',
        security: [],
        querystring: z.object({ org_id: z.coerce.number().int().positive().optional().describe('The org to act in after sign-in (a preference: their first org otherwise)') }).strict(),
        response: redirectSchema,
      },
    },
    async (request, reply) => {
      if (!client) throw notFound('OpenID Connect sign-in (not configured on this install)');
      const secure = cookieIsSecure(deps, request);
      try {
        const { url, cookieValue } = await startOidcSignIn(deps, client, request.query.org_id);
        return reply.header('set-cookie', oidcCookie(cookieValue, secure)).redirect(url, 302);
      } catch (e) {
        if (e instanceof OidcSignInRefused) return refuse(request, reply, e);
        throw e;
      }
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: "The provider's redirect back: signs in the linked or invited person (session cookie, redirect to the dashboard), or redirects to /#/sign-in?error=<code>",
        description:
          'Codes: oidc_state_invalid, oidc_failed, oidc_unavailable, email_unverified, not_invited, account_deactivated, rate_limited. Every refusal counts as a failed sign-in of the client address.',
        security: [],
        // The provider's parameters (code, state, iss, error…) are read by openid-client from the raw query.
        querystring: z.object({}).passthrough(),
        response: redirectSchema,
      },
    },
    async (request, reply) => {
      if (!client) throw notFound('OpenID Connect sign-in (not configured on this install)');
      const secure = cookieIsSecure(deps, request);
      const q = request.url.indexOf('?');
      let result;
      try {
        result = await finishOidcSignIn(deps, client, {
          cookieValue: oidcCookieOf(request.headers.cookie),
          callbackQuery: q < 0 ? '' : request.url.slice(q),
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
      } catch (e) {
        if (e instanceof OidcSignInRefused) return refuse(request, reply, e);
        throw e;
      }
      const { session, linked } = result;
      request.log.info({ userId: session.view.user.user_id, orgId: session.view.org.org_id, via: 'oidc', linked }, 'signed in');
      return reply
        .header('set-cookie', [clearedOidcCookie(secure), sessionCookie(session.token, { secure, maxAgeMs: deps.config.sessionMaxAgeMs })])
        .redirect(`${dashboard}/`, 302);
    },
  );
};
