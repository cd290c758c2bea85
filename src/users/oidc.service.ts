/**
 * OpenID Connect sign-in (authorization code + PKCE) with the one provider OIDC_* configures.
 *
 * The round trip's secrets (state, nonce, PKCE verifier) travel in a short-lived cookie sealed with
 * the install's secrets key (AES-GCM: neither readable nor alterable by the browser), so any node
 * behind a load balancer can finish a sign-in another started, with no table for it. The cookie is
 * SameSite=Lax: the provider's redirect back is a top-level GET, which Lax lets through.
 *
 * A provider's identity signs in only a person who is already here: the (issuer, subject) pair
 * linked before, else an active user with the same email — verified by the provider — who belongs to
 * some org; that first sign-in links the pair. Nobody is ever created by signing in.
 */
import * as oidc from 'openid-client';
import type { OidcConfig } from '../config/config.js';
import { transact } from '../db/transact.js';
import { appendAuditEvent } from '../outbox/audit.js';
import type { SecretKeyRing } from '../shared/secret-box.js';
import { SecretUnreadable } from '../shared/secret-box.js';
import { findUserByEmail, getUser, listOrgChoices, normalizeEmail } from './users.repository.js';
import { createSessionFor, type NewSession, type UsersDeps } from './users.service.js';
import { findOidcIdentity, insertOidcIdentity } from './oidc.repository.js';

export const OIDC_COOKIE = 'flowledger_oidc';
/** Long enough to sign in at the provider (a password, a second factor), short enough that a stolen cookie soon expires. */
export const OIDC_COOKIE_MAX_AGE_MS = 10 * 60_000;
const SEAL_CONTEXT = 'oidc-sign-in';

/**
 * Why a callback was refused, as the dashboard's sign-in screen receives it (`/#/sign-in?error=…`).
 * The person came through a browser redirect, so these are never JSON answers.
 */
export const OIDC_REFUSALS = [
  /** The sign-in cookie is missing, expired, altered, or its state does not match the provider's answer. */
  'oidc_state_invalid',
  /** The provider refused or failed (consent denied, code or ID token rejected by the checks). */
  'oidc_failed',
  /** The provider cannot be reached (discovery or the token request). */
  'oidc_unavailable',
  /** The provider did not vouch for the email (email_verified is not true, or no email at all). */
  'email_unverified',
  /** No active member with that identity or email: an admin must invite them first. */
  'not_invited',
  /** The linked user is deactivated. */
  'account_deactivated',
  /** Too many failed sign-ins from this address. */
  'rate_limited',
] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

export class OidcSignInRefused extends Error {
  constructor(
    readonly refusal: OidcRefusal,
    /** For the log only (never shown to the browser): no token, no email. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'OidcSignInRefused';
  }
}

/** What the sealed cookie carries between start and callback. */
interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  orgId: number | null;
  /** Epoch ms after which the callback refuses it (the cookie's Max-Age is only the browser's promise). */
  expires: number;
}

export type OidcDeps = Pick<UsersDeps, 'database' | 'clock' | 'authLimiter' | 'config' | 'commitFeed'> & { secrets: SecretKeyRing };

/**
 * The provider's configuration, discovered once and kept; a failed discovery is retried at the next
 * sign-in rather than remembered (the provider may just have been away).
 */
export class OidcClient {
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(
    readonly settings: OidcConfig,
    /** PUBLIC_URL's origin + /api/auth/oidc/callback: what is registered with the provider. */
    readonly redirectUri: string,
  ) {}

  configuration(): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(new URL(this.settings.issuer), this.settings.clientId, undefined, oidc.ClientSecretPost(this.settings.clientSecret), {
        // config.ts allows plain http only for a loopback issuer.
        execute: new URL(this.settings.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
        // Seconds, and also the bound of every later request to the provider (token, UserInfo).
        timeout: 10,
      })
      .catch((e: unknown) => {
        this.discovered = undefined;
        throw e;
      });
    return this.discovered;
  }

  /** The provider's own issuer identifier (the one ID tokens carry), as linked identities record it. */
  async issuer(): Promise<string> {
    return (await this.configuration()).serverMetadata().issuer;
  }
}

/** Starts a sign-in: the provider's authorization URL and the sealed cookie value that finishes it. */
export async function startOidcSignIn(deps: OidcDeps, client: OidcClient, orgId: number | undefined): Promise<{ url: string; cookieValue: string }> {
  let config: oidc.Configuration;
  try {
    config = await client.configuration();
  } catch (e) {
    throw new OidcSignInRefused('oidc_unavailable', `discovery failed: ${errorName(e)}`);
  }
  const pending: PendingSignIn = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    orgId: orgId ?? null,
    expires: deps.clock.now().getTime() + OIDC_COOKIE_MAX_AGE_MS,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: client.redirectUri,
    scope: client.settings.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, cookieValue: deps.secrets.seal(JSON.stringify(pending), SEAL_CONTEXT).stored };
}

function openPending(deps: OidcDeps, cookieValue: string | undefined): PendingSignIn {
  if (!cookieValue) throw new OidcSignInRefused('oidc_state_invalid', 'no sign-in cookie (expired, or the sign-in was not started in this browser)');
  let pending: PendingSignIn;
  try {
    pending = JSON.parse(deps.secrets.open(cookieValue, SEAL_CONTEXT)) as PendingSignIn;
  } catch (e) {
    throw new OidcSignInRefused('oidc_state_invalid', e instanceof SecretUnreadable ? `sign-in cookie unreadable: ${e.message}` : 'sign-in cookie malformed');
  }
  if (!(pending.expires > deps.clock.now().getTime())) throw new OidcSignInRefused('oidc_state_invalid', 'sign-in cookie expired');
  return pending;
}

/** The error's class and code, for a log line: never its message alone, which may quote a provider's answer. */
function errorName(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown; error?: unknown }).error ?? (e as { code?: unknown }).code;
    return typeof code === 'string' ? `${e.name} (${code})` : e.name;
  }
  return 'unknown error';
}

interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string;
}

/** The code exchange and every check of the answer: state, PKCE, nonce, the ID token (signature, issuer, audience, expiry), a verified email. */
async function verifiedIdentity(client: OidcClient, pending: PendingSignIn, callbackQuery: string): Promise<VerifiedIdentity> {
  let config: oidc.Configuration;
  try {
    config = await client.configuration();
  } catch (e) {
    throw new OidcSignInRefused('oidc_unavailable', `discovery failed: ${errorName(e)}`);
  }
  // The URL the provider sent the browser to: the registered redirect URI with the provider's query.
  const current = new URL(client.redirectUri);
  current.search = callbackQuery;
  // openid-client checks the state too, but its error does not say which check failed: a state that
  // is not this browser's own is told apart here (a stale tab, or someone else's answer pushed at us).
  if (current.searchParams.get('state') !== pending.state) throw new OidcSignInRefused('oidc_state_invalid', "the answer's state is not this sign-in's");
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, current, {
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      pkceCodeVerifier: pending.verifier,
      idTokenExpected: true,
    });
  } catch (e) {
    const name = errorName(e);
    const unreachable = e instanceof TypeError || (e instanceof Error && e.name === 'TimeoutError');
    throw new OidcSignInRefused(unreachable ? 'oidc_unavailable' : 'oidc_failed', `code exchange refused: ${name}`);
  }
  const claims = tokens.claims()!;
  let email = claims.email;
  let verified = claims.email_verified;
  let domainVerified = claims.xms_edov;
  // Some providers put the email only in the UserInfo answer (the ID token stays small).
  if (typeof email !== 'string' || verified === undefined) {
    try {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = info.email ?? email;
      verified = info.email_verified ?? verified;
      domainVerified ??= info.xms_edov;
    } catch (e) {
      throw new OidcSignInRefused('oidc_failed', `userinfo refused: ${errorName(e)}`);
    }
  }
  if (typeof email !== 'string' || email.length === 0) throw new OidcSignInRefused('email_unverified', 'the provider gave no email');
  // Only a literal true: some providers send the string "true", which proves nothing about how it was
  // checked. Microsoft Entra never sends email_verified for work accounts; its optional claim
  // xms_edov ("email domain owner verified": the tenant owns the email's domain) stands in for it,
  // and only when email_verified is absent, never to overrule a false.
  const ok = verified === true || (verified === undefined && domainVerified === true);
  if (!ok) throw new OidcSignInRefused('email_unverified', 'the provider does not say the email is verified');
  return { issuer: claims.iss, subject: claims.sub, email: normalizeEmail(email) };
}

/**
 * Finishes a sign-in from the provider's redirect: the session for the linked (or now linked) user,
 * or an OidcSignInRefused. Every refusal counts as a failed attempt of the client's address, and past
 * the limit the callback is refused before the provider is even asked.
 */
export async function finishOidcSignIn(
  deps: OidcDeps,
  client: OidcClient,
  input: { cookieValue: string | undefined; callbackQuery: string; ip: string; userAgent: string | null },
): Promise<{ session: NewSession; linked: boolean }> {
  const wait = deps.authLimiter.blockedFor(input.ip);
  if (wait > 0) throw new OidcSignInRefused('rate_limited', 'too many failed sign-ins from this address');
  try {
    const pending = openPending(deps, input.cookieValue);
    const identity = await verifiedIdentity(client, pending, input.callbackQuery);
    const { userId, linked } = await linkedUser(deps, identity);
    const orgs = await listOrgChoices(deps.database.db, userId);
    // The org asked for at start is a preference: one the person does not belong to is passed over for their first.
    const orgId = orgs.some((o) => o.org_id === pending.orgId) ? pending.orgId! : undefined;
    const session = await createSessionFor(deps, { userId, orgId, ip: input.ip, userAgent: input.userAgent });
    return { session, linked };
  } catch (e) {
    if (e instanceof OidcSignInRefused && e.refusal !== 'oidc_unavailable') deps.authLimiter.recordFailure(input.ip);
    throw e;
  }
}

/** The user an identity signs in as, linking it on first use; refusals for the uninvited and the deactivated. */
async function linkedUser(deps: OidcDeps, identity: VerifiedIdentity): Promise<{ userId: number; linked: boolean }> {
  return transact(deps, async (trx) => {
    const known = await findOidcIdentity(trx, identity.issuer, identity.subject);
    if (known) {
      const user = await getUser(trx, known.user_id);
      if (!user || user.status !== 'active') throw new OidcSignInRefused('account_deactivated', `user ${known.user_id} is deactivated`);
      if ((await listOrgChoices(trx, user.user_id)).length === 0) throw new OidcSignInRefused('not_invited', `user ${user.user_id} belongs to no org`);
      return { userId: user.user_id, linked: false };
    }
    const user = await findUserByEmail(trx, identity.email);
    if (!user) throw new OidcSignInRefused('not_invited', 'no user with that email');
    if (user.status !== 'active') throw new OidcSignInRefused('account_deactivated', `user ${user.user_id} is deactivated`);
    const orgs = await listOrgChoices(trx, user.user_id);
    if (orgs.length === 0) throw new OidcSignInRefused('not_invited', `user ${user.user_id} belongs to no org`);
    const now = deps.clock.now().toISOString();
    if (!(await insertOidcIdentity(trx, { issuer: identity.issuer, subject: identity.subject, userId: user.user_id, now }))) {
      // A concurrent first sign-in linked it a moment ago: the link stands, recorded once.
      return { userId: user.user_id, linked: false };
    }
    // A new way into the account is worth an admin's eye (a takeover would start here): one event per org of the person.
    for (const org of orgs) {
      await appendAuditEvent(trx, {
        orgId: org.org_id,
        entity: 'user',
        action: 'linked',
        itemId: user.user_id,
        by: { actor: `user:${user.user_id}` },
        changes: { oidc_issuer: { before: null, after: identity.issuer } },
        subject: { user_id: user.user_id, email: user.email, name: user.name },
        happenedAt: now,
      });
    }
    return { userId: user.user_id, linked: true };
  });
}
