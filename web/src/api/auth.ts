/**
 * A person's sign-in: the session the cookie carries (GET /api/auth/session), password sign-in, the
 * configured single sign-on provider, org switching and signing out (docs/contract.md, "Accounts
 * and sign-in"). The cookie is HttpOnly: this code never sees it, only the session's answer.
 */
import { createApi, type AuthSession } from './client.js';
import { ApiError } from './errors.js';

const publicApi = createApi(null);

/** The session of this browser's cookie, or null when there is none (401). */
export async function currentSession(): Promise<AuthSession | null> {
  try {
    return await publicApi.rest<AuthSession>('GET', '/api/auth/session');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function signInWithPassword(email: string, password: string): Promise<AuthSession> {
  return publicApi.rest<AuthSession>('POST', '/api/auth/sign-in', { email, password });
}

/** The single sign-on provider to offer, if the install has one (404: a server without the route). */
export async function ssoProvider(): Promise<{ name: string } | null> {
  try {
    const p = await publicApi.rest<{ oidc?: { name?: string } | null }>('GET', '/api/auth/providers');
    return p.oidc ? { name: p.oidc.name || 'single sign-on' } : null;
  } catch {
    // No provider route, or it failed: the password form still works.
    return null;
  }
}

/** Where "Sign in with <provider>" goes: the server redirects on to the provider. */
export const SSO_START_URL = '/api/auth/oidc/start';

/** Plain words for the codes single sign-on sends back to the dashboard (`?error=`, OIDC_REFUSALS on the server). */
export function ssoErrorMessage(code: string): string {
  switch (code) {
    case 'not_invited':
      return 'Single sign-on worked, but no account here uses that email. Ask an admin to invite you.';
    case 'oidc_state_invalid':
      return 'That single sign-on attempt expired or was started in another browser. Start again from this page.';
    case 'account_deactivated':
      return 'Your account is deactivated. Ask an admin.';
    case 'email_unverified':
      return 'Your single sign-on provider did not confirm your email address, so it cannot be matched to an account here.';
    case 'oidc_unavailable':
      return 'The single sign-on provider cannot be reached right now. Try again, or sign in with your password.';
    case 'rate_limited':
      return 'Too many failed sign-ins from this address. Wait a few minutes and try again.';
    default:
      return `Single sign-on did not complete (${code}). Try again, or sign in with your password.`;
  }
}

/** What an invitation link leads to (GET /api/auth/invitations/:token); `email` is empty for the first start's link. */
export interface InvitationPreview {
  email: string;
  org: { org_id: number; name: string };
  role: AuthSession['role'];
  expires_at: string;
  has_account: boolean;
}

export function lookUpInvitation(token: string): Promise<InvitationPreview> {
  return publicApi.rest<InvitationPreview>('GET', `/api/auth/invitations/${encodeURIComponent(token)}`);
}

export function acceptInvitation(input: { token: string; name: string; password: string; email?: string }): Promise<AuthSession> {
  return publicApi.rest<AuthSession>('POST', '/api/auth/invitations/accept', input);
}

/** Always 202 (known email or not): the page says the same whatever the answer. */
export async function requestPasswordReset(email: string): Promise<void> {
  await publicApi.rest('POST', '/api/auth/password-reset', { email });
}

export function confirmPasswordReset(token: string, password: string): Promise<AuthSession> {
  return publicApi.rest<AuthSession>('POST', '/api/auth/password-reset/confirm', { token, password });
}

/** The token of a mailed link: it rides in the fragment (`#token=…`) so it reaches no server log. */
export function tokenFromHash(): string | null {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
}
