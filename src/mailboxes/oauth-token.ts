/**
 * The XOAUTH2 credential of a mailbox and its refresh (RFC 6749 §6).
 *
 * For auth_kind xoauth2 the sealed `secret` holds a small JSON document (no migration: 0013 said
 * the sealed value holds the tokens): `{refresh_token?, access_token?, access_expires_at?,
 * client_secret?}`. Without oauth_token_url the admin's access token is used as it is; with one,
 * the admin's secret is the refresh token, and access tokens are obtained from the token endpoint
 * (client_secret_post: client_id and client_secret in the form body, which Google and Microsoft
 * accept) and cached in the same sealed value. A value that is not such a document (written before
 * this) is read as a bare access token.
 *
 * The cached tokens are written back guarded on the document read (an admin's concurrent change,
 * or another process's refresh, wins) and without bumping config_version, which would make the
 * worker holding the mailbox reconnect. Nothing here logs, and no error message carries a token.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { z } from 'zod';
import type { Database } from '../db/create-db.js';
import { isPrivateAddress } from '../outbox/webhooks/url-guard.js';
import type { Clock } from '../shared/clock.js';
import { SecretUnreadable, type SecretKeyRing } from '../shared/secret-box.js';
import { MailboxConnectError } from './mailbox-connect-error.js';
import { getMailbox, openMailboxSecret, replaceMailboxSecret, type MailboxRow } from './mailboxes.repository.js';

/** An access token expiring sooner than this is refreshed before use: a login takes a few seconds. */
export const REFRESH_MARGIN_MS = 60_000;
/** A token endpoint's answer larger than this is not an answer. */
const MAX_ANSWER_BYTES = 64 * 1024;

const oauthSecretDoc = z
  .object({
    refresh_token: z.string().min(1).optional(),
    access_token: z.string().min(1).optional(),
    access_expires_at: z.string().datetime().optional(),
    client_secret: z.string().min(1).optional(),
  })
  .strict();
export type OAuthSecret = z.output<typeof oauthSecretDoc>;

/** The document in a sealed xoauth2 secret; anything else (a value from before) is a bare access token. */
export function parseOAuthSecret(plaintext: string): OAuthSecret {
  if (plaintext.startsWith('{')) {
    try {
      const doc = oauthSecretDoc.safeParse(JSON.parse(plaintext));
      if (doc.success) return doc.data;
    } catch {
      // not JSON: a bare token after all
    }
  }
  return { access_token: plaintext };
}

export function serializeOAuthSecret(s: OAuthSecret): string {
  // Fixed key order, no undefined members: two equal documents serialise alike.
  const out: Record<string, string> = {};
  for (const k of ['refresh_token', 'access_token', 'access_expires_at', 'client_secret'] as const) if (s[k] !== undefined) out[k] = s[k];
  return JSON.stringify(out);
}

// ------------------------------------------------------------------ the token endpoint's host

/** Why the token endpoint may not be called with these addresses, or undefined when it may. */
function addressProblem(url: URL, addresses: string[], allowPrivate: boolean): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const privateOnes = addresses.filter(isPrivateAddress);
  if (url.protocol === 'https:') {
    if (allowPrivate || privateOnes.length === 0) return undefined;
    return `token endpoint host ${host} resolves to a loopback/private address (${privateOnes.join(', ')}); set MAILBOX_ALLOW_PRIVATE_NETWORKS=true to allow it`;
  }
  // Plain http would send the refresh token and client secret in clear: only to a server on a
  // loopback/private network, and only where private networks are allowed (tests, a lab).
  if (allowPrivate && privateOnes.length === addresses.length) return undefined;
  return allowPrivate
    ? `token endpoint must use https (http only to a loopback/private address; ${host} is public)`
    : 'token endpoint must use https';
}

function resolveAll(host: string): Promise<string[]> {
  if (isIP(host)) return Promise.resolve([host]);
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses.map((a) => a.address))));
  });
}

/**
 * Checks a token endpoint URL against the same policy as the IMAP host (no loopback/private
 * address unless MAILBOX_ALLOW_PRIVATE_NETWORKS) and requires https (http only to a private
 * address, where private networks are allowed). Throws MailboxConnectError kind `refused_host`.
 */
export async function checkTokenUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MailboxConnectError('token endpoint must be an absolute https URL', 'refused_host');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new MailboxConnectError('token endpoint must use https', 'refused_host');
  // Credentials in the URL would be shown wherever the URL is (API answers, the audit trail).
  if (url.username || url.password) throw new MailboxConnectError('token endpoint URL must not carry credentials (give oauth_client_secret)', 'refused_host');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = await resolveAll(host);
  } catch (err) {
    throw new MailboxConnectError(`cannot resolve token endpoint host ${host} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'unreachable');
  }
  const problem = addresses.length === 0 ? `token endpoint host ${host} has no address` : addressProblem(url, addresses, allowPrivate);
  if (problem) throw new MailboxConnectError(problem, 'refused_host');
  return url;
}

/** The connect-time half of the check, so DNS that changed since (rebinding) cannot slip through. */
function guardedLookup(url: URL, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as Array<{ address: string; family: number }>;
      const problem = addressProblem(url, list.map((a) => a.address), allowPrivate);
      if (problem || list.length === 0) return callback(new MailboxConnectError(problem ?? `${hostname} has no address`, 'refused_host'), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

// ------------------------------------------------------------------ the refresh request

const tokenAnswer = z.object({
  access_token: z.string().min(1).max(16_384),
  token_type: z.string().optional(),
  // Some endpoints (older Azure AD) send it as a string.
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).max(16_384).optional(),
});
const errorAnswer = z.object({ error: z.string().min(1), error_description: z.string().optional() });

interface FormAnswer {
  status: number;
  body: string;
}

/** POSTs a form, without following redirects, the whole exchange bounded by `timeoutMs`. */
function postForm(url: URL, form: Record<string, string>, o: { timeoutMs: number; allowPrivate: boolean }): Promise<FormAnswer> {
  const body = new URLSearchParams(form).toString();
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(Buffer.byteLength(body)),
        accept: 'application/json',
        'user-agent': 'FlowLedger-Mailboxes/1',
      },
      lookup: guardedLookup(url, o.allowPrivate),
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), o.timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let seen = 0;
      res.on('data', (c: Buffer) => {
        seen += c.length;
        if (seen > MAX_ANSWER_BYTES) req.destroy(Object.assign(new Error('answer too large'), { code: 'ETOOBIG' }));
        else chunks.push(c);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}

/** Printable, short, and without any of the values we sent (an endpoint may echo a token back). */
function sanitize(text: string, sent: string[]): string {
  let out = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  for (const s of sent) if (s.length >= 4) out = out.split(s).join('***');
  return out.length > 200 ? `${out.slice(0, 200)}…` : out;
}

function transportError(err: unknown, host: string, timeoutMs: number): MailboxConnectError {
  if (err instanceof MailboxConnectError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? '';
  if (code === 'ETIMEDOUT') return new MailboxConnectError(`no answer from token endpoint ${host} within ${timeoutMs / 1000} s`, 'timeout');
  if (code === 'ETOOBIG') return new MailboxConnectError(`token endpoint ${host} answered more than ${MAX_ANSWER_BYTES} bytes`, 'protocol');
  if (/^ERR_SSL|^ERR_TLS|CERT|^DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return new MailboxConnectError(`TLS failed at token endpoint ${host}: ${e.message}`, 'tls');
  return new MailboxConnectError(`cannot reach token endpoint ${host} (${code || e.message})`, 'unreachable');
}

export interface RefreshedTokens {
  accessToken: string;
  /** When the access token expires, when the endpoint said. */
  expiresAt?: string;
  /** A new refresh token, when the endpoint rotates them (Microsoft does). */
  refreshToken?: string;
}

/**
 * The refresh_token grant (RFC 6749 §6) with client_secret_post. A refusal (RFC 6749 §5.2:
 * invalid_grant, invalid_client …) is a MailboxConnectError kind `auth` naming the endpoint's host
 * and the OAuth error; the answer is validated before anything of it is used.
 */
export async function refreshAccessToken(
  tokenUrl: string,
  grant: { refreshToken: string; clientId: string | null; clientSecret?: string },
  o: { timeoutMs: number; allowPrivate: boolean; now: Date },
): Promise<RefreshedTokens> {
  const url = await checkTokenUrl(tokenUrl, o.allowPrivate);
  const host = url.host;
  const form: Record<string, string> = { grant_type: 'refresh_token', refresh_token: grant.refreshToken };
  if (grant.clientId) form.client_id = grant.clientId;
  if (grant.clientSecret) form.client_secret = grant.clientSecret;
  let answer: FormAnswer;
  try {
    answer = await postForm(url, form, { timeoutMs: o.timeoutMs, allowPrivate: o.allowPrivate });
  } catch (err) {
    throw transportError(err, host, o.timeoutMs);
  }
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    json = undefined;
  }
  const sent = [grant.refreshToken, grant.clientSecret ?? ''];
  if (answer.status === 200) {
    const ok = tokenAnswer.safeParse(json);
    if (!ok.success) throw new MailboxConnectError(`token endpoint ${host} answered 200 without a usable access_token`, 'protocol');
    if (ok.data.token_type !== undefined && ok.data.token_type.toLowerCase() !== 'bearer') {
      throw new MailboxConnectError(`token endpoint ${host} issued a ${sanitize(ok.data.token_type, sent)} token, not a bearer token`, 'protocol');
    }
    return {
      accessToken: ok.data.access_token,
      ...(ok.data.expires_in !== undefined ? { expiresAt: new Date(o.now.getTime() + ok.data.expires_in * 1000).toISOString() } : {}),
      ...(ok.data.refresh_token !== undefined ? { refreshToken: ok.data.refresh_token } : {}),
    };
  }
  const refusal = errorAnswer.safeParse(json);
  if (refusal.success && answer.status >= 400 && answer.status < 500) {
    const d = refusal.data.error_description ? `: ${sanitize(refusal.data.error_description, sent)}` : '';
    throw new MailboxConnectError(`token refresh refused by ${host}: ${sanitize(refusal.data.error, sent)}${d}`, 'auth');
  }
  throw new MailboxConnectError(`token endpoint ${host} answered HTTP ${answer.status}`, 'protocol');
}

// ------------------------------------------------------------------ the mailbox's access token

export interface TokenDeps {
  database: Pick<Database, 'db'>;
  clock: Clock;
  secrets: SecretKeyRing;
}

export interface AccessToken {
  token: string;
  /** The token came from the token endpoint (now or earlier), so a refused one may be refreshed. */
  refreshable: boolean;
  /** It was obtained by this call: refreshing again at once would not help. */
  fresh: boolean;
}

function openDoc(deps: TokenDeps, row: MailboxRow): OAuthSecret {
  try {
    return parseOAuthSecret(openMailboxSecret(deps.secrets, row));
  } catch (err) {
    if (err instanceof SecretUnreadable) throw new MailboxConnectError(`the stored credential cannot be opened: ${err.message}`, 'credential');
    throw err;
  }
}

/**
 * Re-seals the tokens a refresh obtained, unless the stored document changed since it was read (an
 * admin replaced the credential, or another process refreshed first: theirs stays). A value only
 * re-sealed meanwhile (`secrets rotate`) still holds the same document, so the write is retried.
 */
async function storeTokens(deps: TokenDeps, m: Pick<MailboxRow, 'org_id' | 'mailbox_id'>, basis: OAuthSecret, next: OAuthSecret): Promise<boolean> {
  const was = serializeOAuthSecret(basis);
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await getMailbox(deps.database.db, m.org_id, m.mailbox_id);
    if (!row || row.auth_kind !== 'xoauth2') return false;
    let current: OAuthSecret;
    try {
      current = parseOAuthSecret(openMailboxSecret(deps.secrets, row));
    } catch {
      return false;
    }
    if (serializeOAuthSecret(current) !== was) return false;
    if (await replaceMailboxSecret(deps.database.db, deps.secrets, row, row.secret, serializeOAuthSecret(next))) return true;
  }
  return false;
}

/**
 * The access token to log in with. Reads the mailbox afresh (the watcher's copy of the row may
 * predate a refresh); with a token endpoint, refreshes when there is no cached access token, when
 * it expires within REFRESH_MARGIN_MS, or when `force` (the server refused the cached one).
 */
export async function mailboxAccessToken(
  deps: TokenDeps,
  m: Pick<MailboxRow, 'org_id' | 'mailbox_id'>,
  o: { connectTimeoutMs: number; allowPrivateNetworks: boolean; force?: boolean },
): Promise<AccessToken> {
  const row = await getMailbox(deps.database.db, m.org_id, m.mailbox_id);
  if (!row) throw new MailboxConnectError('the mailbox was removed', 'credential');
  const doc = openDoc(deps, row);
  if (!row.oauth_token_url) {
    if (!doc.access_token) throw new MailboxConnectError('no access token is stored: set secret', 'credential');
    return { token: doc.access_token, refreshable: false, fresh: false };
  }
  const now = deps.clock.now();
  const usable = doc.access_token && (!doc.access_expires_at || Date.parse(doc.access_expires_at) - now.getTime() > REFRESH_MARGIN_MS);
  if (usable && !o.force) return { token: doc.access_token!, refreshable: true, fresh: false };
  if (!doc.refresh_token) throw new MailboxConnectError('no refresh token is stored: set secret to the refresh token', 'credential');
  const got = await refreshAccessToken(
    row.oauth_token_url,
    { refreshToken: doc.refresh_token, clientId: row.oauth_client_id, ...(doc.client_secret ? { clientSecret: doc.client_secret } : {}) },
    { timeoutMs: o.connectTimeoutMs, allowPrivate: o.allowPrivateNetworks, now },
  );
  const next: OAuthSecret = {
    refresh_token: got.refreshToken ?? doc.refresh_token,
    access_token: got.accessToken,
    ...(got.expiresAt ? { access_expires_at: got.expiresAt } : {}),
    ...(doc.client_secret ? { client_secret: doc.client_secret } : {}),
  };
  await storeTokens(deps, row, doc, next);
  return { token: got.accessToken, refreshable: true, fresh: true };
}
