/**
 * Managing mailboxes, shared by the admin API (mailboxes.routes.ts) and the command line
 * (`flowledger mailboxes`): the input schemas, the checks beyond them (host allowed, name free,
 * XOAUTH2 fields consistent), the write with its audit record in one transaction, and the test
 * connection. The credential is write-only: sealed on write, recorded as "***" in the audit trail.
 * For XOAUTH2 the sealed value is the token document of oauth-token.ts, built here from `secret`
 * (the access token, or with oauth_token_url the refresh token) and `oauth_client_secret`.
 */
import { z } from 'zod';
import type { Config } from '../config/config.js';
import type { Database } from '../db/create-db.js';
import type { CommitFeed } from '../db/commit-feed.js';
import { transact } from '../db/transact.js';
import { auditTrail, type AuditActor } from '../outbox/audit.js';
import type { Clock } from '../shared/clock.js';
import { badRequest, conflict, notFound } from '../shared/errors.js';
import type { SecretKeyRing } from '../shared/secret-box.js';
import { checkImapHost, MailboxConnectError, probeMailbox, type ProbeResult } from './imap-session.js';
import { checkTokenUrl, parseOAuthSecret, serializeOAuthSecret, type OAuthSecret } from './oauth-token.js';
import {
  createMailbox,
  deleteMailbox,
  getMailbox,
  mailboxNameTaken,
  openMailboxSecret,
  toMailboxView,
  updateMailbox,
  type MailboxRow,
} from './mailboxes.repository.js';

const hostName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or IP address');
const folderName = z.string().min(1).max(500);
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain such as example.com');
const afterProcessing = z.union([z.enum(['none', 'seen']), z.string().regex(/^move:.{1,500}$/, 'must be none, seen or move:<folder>')]);

export const TLS_MODES = ['tls', 'starttls', 'none'] as const;
export const AUTH_KINDS = ['password', 'xoauth2'] as const;

const fields = {
  name: z.string().trim().min(1).max(200),
  host: hostName,
  port: z.number().int().min(1).max(65535),
  tls_mode: z.enum(TLS_MODES),
  username: z.string().min(1).max(500),
  auth_kind: z.enum(AUTH_KINDS),
  /** The password / app password; xoauth2: the access token, or with oauth_token_url the refresh token. Write-only. */
  secret: z.string().min(1).max(8192),
  oauth_token_url: z.string().url().max(2048).nullable(),
  oauth_client_id: z.string().min(1).max(500).nullable(),
  /** xoauth2 with oauth_token_url: the OAuth client's secret, sent to the token endpoint. Write-only. */
  oauth_client_secret: z.string().min(1).max(4096).nullable(),
  folders: z.array(folderName).min(1).max(50),
  own_domains: z.array(domain).max(100),
  after_processing: afterProcessing,
  enabled: z.boolean(),
  org_id: z.number().int(),
};

/** A new mailbox, as POST /api/mailboxes takes it and `flowledger mailboxes add` builds it. */
export const createMailboxInput = z
  .object({
    ...fields,
    port: fields.port.optional(),
    tls_mode: fields.tls_mode.default('tls'),
    auth_kind: fields.auth_kind.default('password'),
    oauth_token_url: fields.oauth_token_url.optional(),
    oauth_client_id: fields.oauth_client_id.optional(),
    oauth_client_secret: fields.oauth_client_secret.optional(),
    folders: fields.folders.default(['INBOX']),
    own_domains: fields.own_domains.default([]),
    after_processing: fields.after_processing.default('none'),
    enabled: fields.enabled.default(true),
    org_id: fields.org_id.optional(),
  })
  .strict();
export type CreateMailboxInput = z.output<typeof createMailboxInput>;

/** A change: any of the fields, at least one. */
export const patchMailboxInput = z
  .object(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'org_id'), { message: 'Give at least one field to change' });
export type PatchMailboxInput = z.output<typeof patchMailboxInput>;

export interface MailboxServiceDeps {
  database: Database;
  clock: Clock;
  /** Wakes this process's outbox after a commit (the CLI has none: other processes hear the commit themselves). */
  commitFeed: Pick<CommitFeed, 'notify'>;
  config: Pick<Config, 'mailboxAllowPrivateNetworks' | 'mailboxConnectTimeoutMs'>;
  /** Seals credentials on write; the test connection opens one (and may refresh an XOAUTH2 token). */
  secrets: SecretKeyRing;
}

/** The audited fields; the sealed credential differs whenever it was replaced, and shows as "***". */
const auditMailbox = auditTrail<MailboxRow>({
  entity: 'mailbox',
  fields: ['name', 'host', 'port', 'tls_mode', 'username', 'auth_kind', 'oauth_token_url', 'oauth_client_id', 'folders', 'own_domains', 'after_processing', 'enabled', 'secret'],
  secret: ['secret'],
  itemId: (r) => r.mailbox_id,
  subject: (r) => ({ mailbox_id: r.mailbox_id, name: r.name }),
  view: (r) => {
    const v = toMailboxView(r);
    return { ...v, secret: r.secret };
  },
});

function defaultPort(tls: (typeof TLS_MODES)[number]): number {
  return tls === 'tls' ? 993 : 143;
}

/** A refused host is a bad request naming `host`. */
async function assertHostAllowed(deps: MailboxServiceDeps, host: string): Promise<void> {
  try {
    await checkImapHost(host, deps.config.mailboxAllowPrivateNetworks);
  } catch (err) {
    if (err instanceof MailboxConnectError) throw badRequest(`Invalid host: ${err.message}`, { fields: [{ field: 'host', message: err.message }] });
    throw err;
  }
}

/** The XOAUTH2 fields as they will be: consistent with each other and with auth_kind. */
function assertXoauthComplete(authKind: string, tokenUrl: string | null | undefined, clientId: string | null | undefined, clientSecret: string | null | undefined): void {
  if (authKind !== 'xoauth2' && (tokenUrl || clientId || clientSecret)) {
    throw badRequest('oauth_token_url, oauth_client_id and oauth_client_secret apply to auth_kind xoauth2 only', {
      fields: [{ field: 'auth_kind', message: 'must be xoauth2 with oauth_* fields' }],
    });
  }
  if (tokenUrl && !clientId) {
    throw badRequest('oauth_client_id is required with oauth_token_url (the token endpoint identifies the client by it)', {
      fields: [{ field: 'oauth_client_id', message: 'required with oauth_token_url' }],
    });
  }
  if (clientSecret && !tokenUrl) {
    throw badRequest('oauth_client_secret applies with oauth_token_url only (it is sent to the token endpoint)', {
      fields: [{ field: 'oauth_client_secret', message: 'requires oauth_token_url' }],
    });
  }
}

/** A token endpoint outside the host policy (or not https) is a bad request naming `oauth_token_url`. */
async function assertTokenUrlAllowed(deps: MailboxServiceDeps, url: string | null | undefined): Promise<void> {
  if (!url) return;
  try {
    await checkTokenUrl(url, deps.config.mailboxAllowPrivateNetworks);
  } catch (err) {
    if (err instanceof MailboxConnectError) throw badRequest(`Invalid oauth_token_url: ${err.message}`, { fields: [{ field: 'oauth_token_url', message: err.message }] });
    throw err;
  }
}

/** What `secret` holds: a password, an XOAUTH2 access token used as is, or a refresh token. */
type SecretRole = 'password' | 'access' | 'refresh';
const roleOf = (authKind: string, tokenUrl: string | null | undefined): SecretRole => (authKind !== 'xoauth2' ? 'password' : tokenUrl ? 'refresh' : 'access');

/** The plaintext sealed for a new mailbox. */
function newCredential(role: SecretRole, secret: string, clientSecret: string | null | undefined): string {
  if (role === 'password') return secret;
  if (role === 'access') return serializeOAuthSecret({ access_token: secret });
  return serializeOAuthSecret({ refresh_token: secret, ...(clientSecret ? { client_secret: clientSecret } : {}) });
}

/**
 * The plaintext to seal after a change, or undefined when the stored one stays. Changing what
 * `secret` means (auth_kind, or adding/removing the token endpoint) needs the new secret; changing
 * the token endpoint or client drops the cached access token (it was issued for the old ones) and
 * keeps the refresh token and client secret unless new ones are given.
 */
function changedCredential(deps: MailboxServiceDeps, before: MailboxRow, b: PatchMailboxInput, after: { authKind: string; tokenUrl: string | null; clientId: string | null }): string | undefined {
  const was = roleOf(before.auth_kind, before.oauth_token_url);
  const role = roleOf(after.authKind, after.tokenUrl);
  const clientChanged = after.tokenUrl !== before.oauth_token_url || after.clientId !== before.oauth_client_id;
  if (b.secret === undefined && b.oauth_client_secret === undefined && role === was && !(role === 'refresh' && clientChanged)) return undefined;
  if (role !== was && b.secret === undefined) {
    throw badRequest(`secret is required when auth_kind or oauth_token_url changes what it holds (now ${role === 'password' ? 'a password' : `an ${role} token`})`, {
      fields: [{ field: 'secret', message: 'required with this change' }],
    });
  }
  if (role === 'password') return b.secret;
  let old: OAuthSecret = {};
  if (was !== 'password' && (b.secret === undefined || role === 'refresh')) {
    try {
      old = parseOAuthSecret(openMailboxSecret(deps.secrets, before));
    } catch {
      // Unreadable (a key no longer configured): what is not given anew is simply gone.
    }
  }
  const token = b.secret ?? (role === 'access' ? old.access_token : old.refresh_token);
  if (!token) throw badRequest(`secret (the ${role} token) is required: none is stored`, { fields: [{ field: 'secret', message: 'required' }] });
  if (role === 'access') return serializeOAuthSecret({ access_token: token });
  const clientSecret = b.oauth_client_secret === undefined ? (was === 'refresh' ? old.client_secret : undefined) : (b.oauth_client_secret ?? undefined);
  return serializeOAuthSecret({ refresh_token: token, ...(clientSecret ? { client_secret: clientSecret } : {}) });
}

async function assertNameFree(deps: MailboxServiceDeps, orgId: number, name: string, exceptId?: number): Promise<void> {
  if (await mailboxNameTaken(deps.database.db, orgId, name, exceptId)) throw conflict(`A mailbox named "${name}" exists already`, { field: 'name' });
}

export async function addMailbox(deps: MailboxServiceDeps, by: AuditActor, orgId: number, b: CreateMailboxInput): Promise<MailboxRow> {
  assertXoauthComplete(b.auth_kind, b.oauth_token_url, b.oauth_client_id, b.oauth_client_secret);
  await assertHostAllowed(deps, b.host);
  await assertTokenUrlAllowed(deps, b.oauth_token_url);
  await assertNameFree(deps, orgId, b.name);
  const now = deps.clock.now().toISOString();
  return transact(deps, async (trx) => {
    const created = await createMailbox(
      trx,
      deps.secrets,
      orgId,
      {
        name: b.name,
        host: b.host,
        port: b.port ?? defaultPort(b.tls_mode),
        tlsMode: b.tls_mode,
        username: b.username,
        authKind: b.auth_kind,
        secret: newCredential(roleOf(b.auth_kind, b.oauth_token_url), b.secret, b.oauth_client_secret),
        oauthTokenUrl: b.oauth_token_url ?? null,
        oauthClientId: b.oauth_client_id ?? null,
        folders: [...new Set(b.folders)],
        ownDomains: [...new Set(b.own_domains)],
        afterProcessing: b.after_processing,
        enabled: b.enabled,
      },
      now,
    );
    await auditMailbox(trx, by, 'created', null, created, now);
    return created;
  });
}

export async function changeMailbox(deps: MailboxServiceDeps, by: AuditActor, orgId: number, mailboxId: number, b: PatchMailboxInput): Promise<MailboxRow> {
  if (b.host !== undefined) await assertHostAllowed(deps, b.host);
  if (b.name !== undefined) await assertNameFree(deps, orgId, b.name, mailboxId);
  await assertTokenUrlAllowed(deps, b.oauth_token_url);
  const now = deps.clock.now().toISOString();
  return transact(deps, async (trx) => {
    const before = await getMailbox(trx, orgId, mailboxId);
    if (!before) throw notFound(`Mailbox ${mailboxId}`);
    const next = {
      authKind: b.auth_kind ?? before.auth_kind,
      tokenUrl: b.oauth_token_url === undefined ? before.oauth_token_url : b.oauth_token_url,
      clientId: b.oauth_client_id === undefined ? before.oauth_client_id : b.oauth_client_id,
    };
    assertXoauthComplete(next.authKind, next.tokenUrl, next.clientId, b.oauth_client_secret);
    const secret = changedCredential(deps, before, b, next);
    const after = (await updateMailbox(
      trx,
      deps.secrets,
      orgId,
      mailboxId,
      {
        name: b.name,
        host: b.host,
        port: b.port,
        tlsMode: b.tls_mode,
        username: b.username,
        authKind: b.auth_kind,
        secret,
        oauthTokenUrl: b.oauth_token_url,
        oauthClientId: b.oauth_client_id,
        folders: b.folders && [...new Set(b.folders)],
        ownDomains: b.own_domains && [...new Set(b.own_domains)],
        afterProcessing: b.after_processing,
        enabled: b.enabled,
      },
      now,
    ))!;
    await auditMailbox(trx, by, 'updated', before, after, now);
    return after;
  });
}

export async function removeMailbox(deps: MailboxServiceDeps, by: AuditActor, orgId: number, mailboxId: number): Promise<MailboxRow> {
  const now = deps.clock.now().toISOString();
  return transact(deps, async (trx) => {
    const deleted = await deleteMailbox(trx, orgId, mailboxId);
    if (!deleted) throw notFound(`Mailbox ${mailboxId}`);
    await auditMailbox(trx, by, 'deleted', deleted, null, now);
    return deleted;
  });
}

/** Connects with the stored settings: the folders and counts found, or why it failed. */
export async function testMailbox(deps: Pick<MailboxServiceDeps, 'database' | 'clock' | 'config' | 'secrets'>, orgId: number, mailboxId: number): Promise<ProbeResult> {
  const row = await getMailbox(deps.database.db, orgId, mailboxId);
  if (!row) throw notFound(`Mailbox ${mailboxId}`);
  return probeMailbox(row, deps, { connectTimeoutMs: deps.config.mailboxConnectTimeoutMs, allowPrivateNetworks: deps.config.mailboxAllowPrivateNetworks });
}
