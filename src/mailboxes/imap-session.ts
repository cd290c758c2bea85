/**
 * Opening an IMAP session for a mailbox with imapflow, and saying in plain words why one failed
 * (unreachable host, authentication, TLS mismatch, timeout, a refused token refresh), for the
 * mailbox's `last_error` and the test endpoint. The credential (a password, or an XOAUTH2 access
 * token from oauth-token.ts) is opened here and handed to imapflow only: never logged (imapflow's
 * own logger is off) and never part of an error message.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ImapFlow } from 'imapflow';
import { isPrivateAddress } from '../outbox/webhooks/url-guard.js';
import { MailboxConnectError } from './mailbox-connect-error.js';
import { openMailboxSecret, type MailboxRow } from './mailboxes.repository.js';
import { mailboxAccessToken, type TokenDeps } from './oauth-token.js';

export interface SessionOptions {
  connectTimeoutMs: number;
  allowPrivateNetworks: boolean;
}

export { MailboxConnectError };

/**
 * Refuses a host that resolves to a loopback or private address unless allowed, as webhooks do: an
 * admin's mailbox must not become a way to probe the servers' own network. Returns the addresses
 * it vetted: the session connects to one of those, not to the name again, so a DNS answer that
 * changes between the check and the connection (rebinding) cannot slip past it.
 */
export async function checkImapHost(host: string, allowPrivate: boolean): Promise<string[]> {
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch (err) {
    throw new MailboxConnectError(`cannot resolve host ${host} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'unreachable');
  }
  if (!allowPrivate) {
    const bad = addresses.filter(isPrivateAddress);
    if (bad.length > 0) {
      throw new MailboxConnectError(
        `host ${host} resolves to a loopback/private address (${bad.join(', ')}); set MAILBOX_ALLOW_PRIVATE_NETWORKS=true to allow it`,
        'refused_host',
      );
    }
  }
  if (addresses.length === 0) throw new MailboxConnectError(`host ${host} has no address`, 'unreachable');
  return addresses;
}

type ImapError = Error & { code?: string; authenticationFailed?: boolean; responseText?: string; serverResponseCode?: string; reason?: string };

/** One line naming what went wrong, from whatever imapflow or the socket threw. */
export function describeImapError(err: unknown, m: Pick<MailboxRow, 'host' | 'port' | 'tls_mode'>, timeoutMs: number): MailboxConnectError {
  if (err instanceof MailboxConnectError) return err;
  const e = err as ImapError;
  const where = `${m.host}:${m.port}`;
  const text = (e.responseText ?? e.message ?? String(err)).replace(/\s*\[[^\]]*\d{2}:\d{2}:\d{2}\]\s*$/, '');
  if (e.authenticationFailed) return new MailboxConnectError(`authentication failed at ${where}: ${text}`, 'auth');
  const code = e.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET'].includes(code)) {
    return new MailboxConnectError(`cannot reach ${where} (${code})`, 'unreachable');
  }
  if (/^ERR_SSL|^ERR_TLS|CERT|^DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) || /SSL|TLS|certificate/i.test(e.message ?? '')) {
    return new MailboxConnectError(`TLS failed at ${where} with tls_mode ${m.tls_mode}: ${e.message} (does the port speak ${m.tls_mode === 'tls' ? 'implicit TLS' : 'this mode'}?)`, 'tls');
  }
  if (code === 'CONNECT_TIMEOUT' || code === 'GREETING_TIMEOUT' || code === 'ETIMEDOUT' || /timeout/i.test(e.message ?? '')) {
    const hint = m.tls_mode === 'tls' ? '' : ' (a TLS-only port waits silently for a TLS handshake: check tls_mode)';
    return new MailboxConnectError(`no IMAP answer from ${where} within ${Math.round(timeoutMs / 1000)} s${hint}`, 'timeout');
  }
  if (code === 'NoConnection' || code === 'ClosedAfterConnectText' || code === 'ClosedAfterConnectTLS') {
    return new MailboxConnectError(`${where} closed the connection${e.reason ? `: ${e.reason}` : ''}`, 'protocol');
  }
  return new MailboxConnectError(`IMAP error at ${where}: ${text}`, 'protocol');
}

/** What opening a session needs: the key ring, and (XOAUTH2) the database and clock of the token refresh. */
export type SessionDeps = TokenDeps;

type Credential = { pass: string } | { accessToken: string };

/**
 * The imapflow client for a mailbox (not yet connected), aimed at the vetted `address`; TLS still
 * names and verifies the configured host (`servername`), so the certificate check is unchanged.
 */
function clientFor(m: MailboxRow, address: string, credential: Credential, o: SessionOptions): ImapFlow {
  return new ImapFlow({
    host: address,
    ...(isIP(m.host) ? {} : { servername: m.host }),
    port: m.port,
    secure: m.tls_mode === 'tls',
    // starttls: required (imapflow refuses to go on in plaintext); none: never attempted.
    doSTARTTLS: m.tls_mode === 'starttls' ? true : m.tls_mode === 'none' ? false : undefined,
    auth: { user: m.username, ...credential },
    logger: false,
    connectionTimeout: o.connectTimeoutMs,
    greetingTimeout: o.connectTimeoutMs,
    // IDLE is run explicitly by the watcher; automatic IDLE would only add round trips.
    disableAutoIdle: true,
    clientInfo: { name: 'FlowLedger' },
  });
}

/** Connects and authenticates one client within the connect timeout; throws MailboxConnectError. */
async function connectWith(m: MailboxRow, address: string, credential: Credential, o: SessionOptions): Promise<ImapFlow> {
  const client = clientFor(m, address, credential, o);
  // imapflow emits 'error' on socket trouble; unhandled, it would end the process.
  client.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        // Connecting, the greeting and authentication together: a server that accepts the socket
        // and then says nothing must not hold a worker (or an API request) for imapflow's minutes.
        timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'CONNECT_TIMEOUT' })), o.connectTimeoutMs);
      }),
    ]);
    return client;
  } catch (err) {
    client.close();
    throw describeImapError(err, m, o.connectTimeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Connects and authenticates; throws MailboxConnectError. The caller owns the returned client
 * (logout/close) and must listen for its 'error' events. XOAUTH2 with a token endpoint: an access
 * token the server refuses that came from an earlier refresh (expired early, or revoked) is
 * refreshed once and tried again; each step (refresh, connect) has MAILBOX_CONNECT_TIMEOUT.
 */
export async function openSession(m: MailboxRow, deps: SessionDeps, o: SessionOptions): Promise<ImapFlow> {
  const [address] = await checkImapHost(m.host, o.allowPrivateNetworks);
  if (m.auth_kind !== 'xoauth2') {
    let secret: string;
    try {
      secret = openMailboxSecret(deps.secrets, m);
    } catch (err) {
      throw new MailboxConnectError(`the stored credential cannot be opened: ${(err as Error).message}`, 'credential');
    }
    return connectWith(m, address!, { pass: secret }, o);
  }
  const token = await mailboxAccessToken(deps, m, o);
  try {
    return await connectWith(m, address!, { accessToken: token.token }, o);
  } catch (err) {
    if (!(err instanceof MailboxConnectError && err.kind === 'auth' && token.refreshable && !token.fresh)) throw err;
  }
  const again = await mailboxAccessToken(deps, m, { ...o, force: true });
  return connectWith(m, address!, { accessToken: again.token }, o);
}

/** Logs out politely, or drops the socket when the server does not answer in time. */
export async function closeSession(client: ImapFlow, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([client.logout().catch(() => {}), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
  clearTimeout(timer);
  client.close();
}

export interface ProbeResult {
  ok: boolean;
  error: string | null;
  error_kind: MailboxConnectError['kind'] | null;
  folders: Array<{ path: string; messages: number | null; unseen: number | null; watched: boolean }>;
  missing_folders: string[];
}

/**
 * What `POST /api/mailboxes/:id/test` reports: connects with the stored settings, lists the
 * server's folders with their message counts (for the watched ones and INBOX; others only listed),
 * and names watched folders the server does not have. Never throws for a connection problem.
 */
export async function probeMailbox(m: MailboxRow, deps: SessionDeps, o: SessionOptions): Promise<ProbeResult> {
  const watched = JSON.parse(m.folders_json) as string[];
  let client: ImapFlow;
  try {
    client = await openSession(m, deps, o);
  } catch (err) {
    const e = describeImapError(err, m, o.connectTimeoutMs);
    return { ok: false, error: e.message, error_kind: e.kind, folders: [], missing_folders: [] };
  }
  try {
    const list = await client.list({ statusQuery: { messages: true, unseen: true } });
    const folders = list.map((f) => ({
      path: f.path,
      messages: f.status?.messages ?? null,
      unseen: f.status?.unseen ?? null,
      watched: watched.includes(f.path),
    }));
    const missing = watched.filter((w) => !list.some((f) => f.path === w));
    return { ok: missing.length === 0, error: missing.length ? `watched folder(s) not on the server: ${missing.join(', ')}` : null, error_kind: null, folders, missing_folders: missing };
  } catch (err) {
    const e = describeImapError(err, m, o.connectTimeoutMs);
    return { ok: false, error: e.message, error_kind: e.kind, folders: [], missing_folders: [] };
  } finally {
    await closeSession(client);
  }
}
