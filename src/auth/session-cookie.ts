/**
 * The browser session's cookie and the cross-site checks of cookie-authenticated requests, as plain
 * functions of header values (the auth plugin and the WebSocket gateway apply them).
 */

export const SESSION_COOKIE = 'flowledger_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The session token from a Cookie header, if it carries ours. */
export function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    // Our tokens are base64url: anything else is not one of ours (and never worth a database read).
    return /^[\w-]{20,100}$/.test(value) ? value : undefined;
  }
  return undefined;
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent with cross-site subrequests or POSTs), Path=/
 * (the API and /ws), Secure when the request came over TLS. Max-Age is the absolute lifetime; the
 * idle timeout is enforced on the server.
 */
export function sessionCookie(token: string, o: { secure: boolean; maxAgeMs: number }): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(o.maxAgeMs / 1000)}${o.secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(o: { secure: boolean }): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${o.secure ? '; Secure' : ''}`;
}

function originOf(value: string | undefined): string | undefined {
  if (!value || value === 'null') return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

export interface SiteHeaders {
  secFetchSite: string | undefined;
  origin: string | undefined;
}

/**
 * Cookie-authenticated writes: the browser must say the request comes from our own pages, by
 * Fetch Metadata (`Sec-Fetch-Site: same-origin`) or, from browsers that do not send it, by an
 * Origin equal to ours. Why it was refused, or undefined.
 */
export function notSameOrigin(h: SiteHeaders, ownOrigin: string): string | undefined {
  if (h.secFetchSite !== undefined) {
    return h.secFetchSite === 'same-origin' ? undefined : `Sec-Fetch-Site is ${h.secFetchSite}; cookie-authenticated writes must come from this site's own pages`;
  }
  if (h.origin === undefined) return 'Cookie-authenticated writes need an Origin (or Sec-Fetch-Site) header';
  return originOf(h.origin) === ownOrigin ? undefined : `Origin ${h.origin.slice(0, 100)} is not this site (${ownOrigin})`;
}

/**
 * Sign-in has no session yet, so no token: refuse only what a browser marks as cross-site (login
 * CSRF); programs (curl) send neither header and may sign in.
 */
export function declaredCrossSite(h: SiteHeaders, ownOrigin: string): string | undefined {
  if (h.secFetchSite !== undefined && h.secFetchSite !== 'same-origin' && h.secFetchSite !== 'none') {
    return `Sec-Fetch-Site is ${h.secFetchSite}; sign in from this site's own pages`;
  }
  if (h.origin !== undefined && originOf(h.origin) !== ownOrigin) return `Origin ${h.origin.slice(0, 100)} is not this site (${ownOrigin})`;
  return undefined;
}
