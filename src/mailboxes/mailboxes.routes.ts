/**
 * Per-org mailboxes (admin only), registered with the prefix /api/mailboxes. The credential is
 * write-only: sealed on write, never answered, never logged, recorded as "***" in the audit trail.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config/config.js';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import { transact } from '../db/transact.js';
import { listResponse, pageQuery } from '../http/paging.js';
import { idParams } from '../http/params.js';
import type { ZodApp } from '../http/zod-app.js';
import { auditTrail } from '../outbox/audit.js';
import type { Clock } from '../shared/clock.js';
import { badRequest, conflict, notFound } from '../shared/errors.js';
import { pageOffset, paged } from '../shared/paging.js';
import type { SecretKeyRing } from '../shared/secret-box.js';
import { checkImapHost, MailboxConnectError, probeMailbox } from './imap-session.js';
import {
  createMailbox,
  deleteMailbox,
  getMailbox,
  listMailboxes,
  mailboxNameTaken,
  toMailboxView,
  updateMailbox,
  type MailboxRow,
  type MailboxSettings,
} from './mailboxes.repository.js';

const mailboxSchema = z.object({
  mailbox_id: z.number(),
  org_id: z.number(),
  name: z.string(),
  host: z.string(),
  port: z.number(),
  tls_mode: z.enum(['tls', 'starttls', 'none']),
  username: z.string(),
  auth_kind: z.enum(['password', 'xoauth2']),
  oauth_token_url: z.string().nullable(),
  oauth_client_id: z.string().nullable(),
  folders: z.array(z.string()),
  own_domains: z.array(z.string()),
  after_processing: z.string(),
  enabled: z.boolean(),
  state: z.enum(['idle', 'connecting', 'syncing', 'watching', 'error', 'disabled']),
  connected: z.boolean(),
  last_sync_at: z.string().nullable(),
  last_error: z.string().nullable(),
  messages_ingested: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
});

const probeSchema = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
  error_kind: z.string().nullable(),
  folders: z.array(z.object({ path: z.string(), messages: z.number().nullable(), unseen: z.number().nullable(), watched: z.boolean() })),
  missing_folders: z.array(z.string()),
});

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

const fields = {
  name: z.string().trim().min(1).max(200),
  host: hostName,
  port: z.number().int().min(1).max(65535),
  tls_mode: z.enum(['tls', 'starttls', 'none']),
  username: z.string().min(1).max(500),
  auth_kind: z.enum(['password', 'xoauth2']),
  /** The password / app password, or (xoauth2) the access token. Write-only. */
  secret: z.string().min(1).max(8192),
  oauth_token_url: z.string().url().max(2048).nullable(),
  oauth_client_id: z.string().min(1).max(500).nullable(),
  folders: z.array(folderName).min(1).max(50),
  own_domains: z.array(domain).max(100),
  after_processing: afterProcessing,
  enabled: z.boolean(),
  org_id: z.number().int(),
};

const createBody = z
  .object({
    ...fields,
    port: fields.port.optional(),
    tls_mode: fields.tls_mode.default('tls'),
    auth_kind: fields.auth_kind.default('password'),
    oauth_token_url: fields.oauth_token_url.optional(),
    oauth_client_id: fields.oauth_client_id.optional(),
    folders: fields.folders.default(['INBOX']),
    own_domains: fields.own_domains.default([]),
    after_processing: fields.after_processing.default('none'),
    enabled: fields.enabled.default(true),
    org_id: fields.org_id.optional(),
  })
  .strict();

const patchBody = z
  .object(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'org_id'), { message: 'Give at least one field to change' });

const admin = { minRole: 'admin' as const };

export interface MailboxRouteDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
  config: Pick<Config, 'mailboxAllowPrivateNetworks' | 'mailboxConnectTimeoutMs'>;
  /** Seals credentials on write; the test endpoint opens one to connect. */
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

function defaultPort(tls: 'tls' | 'starttls' | 'none'): number {
  return tls === 'tls' ? 993 : 143;
}

/** A refused host is a 400 naming `host`. */
async function assertHostAllowed(deps: MailboxRouteDeps, host: string): Promise<void> {
  try {
    await checkImapHost(host, deps.config.mailboxAllowPrivateNetworks);
  } catch (err) {
    if (err instanceof MailboxConnectError) throw badRequest(`Invalid host: ${err.message}`, { fields: [{ field: 'host', message: err.message }] });
    throw err;
  }
}

function assertXoauthComplete(authKind: string, tokenUrl: string | null | undefined, clientId: string | null | undefined): void {
  if (authKind !== 'xoauth2' && (tokenUrl || clientId)) {
    throw badRequest('oauth_token_url and oauth_client_id apply to auth_kind xoauth2 only', { fields: [{ field: 'auth_kind', message: 'must be xoauth2 with oauth_* fields' }] });
  }
}

async function assertNameFree(deps: MailboxRouteDeps, orgId: number, name: string, exceptId?: number): Promise<void> {
  if (await mailboxNameTaken(deps.database.db, orgId, name, exceptId)) throw conflict(`A mailbox named "${name}" exists already`, { field: 'name' });
}

export const mailboxRoutes: FastifyPluginAsync<{ deps: MailboxRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  registerCollectionRoutes(app, deps);
  registerItemRoutes(app, deps);
};

function registerCollectionRoutes(app: ZodApp, deps: MailboxRouteDeps): void {
  app.post(
    '',
    { config: admin, schema: { tags: ['mailboxes'], summary: 'Add a mailbox to watch over IMAP (the credential is write-only)', body: createBody, response: { 201: mailboxSchema } } },
    async (request, reply) => {
      const b = request.body;
      const orgId = request.auth!.orgId;
      assertXoauthComplete(b.auth_kind, b.oauth_token_url, b.oauth_client_id);
      await assertHostAllowed(deps, b.host);
      await assertNameFree(deps, orgId, b.name);
      const settings: MailboxSettings = {
        name: b.name,
        host: b.host,
        port: b.port ?? defaultPort(b.tls_mode),
        tlsMode: b.tls_mode,
        username: b.username,
        authKind: b.auth_kind,
        secret: b.secret,
        oauthTokenUrl: b.oauth_token_url ?? null,
        oauthClientId: b.oauth_client_id ?? null,
        folders: [...new Set(b.folders)],
        ownDomains: [...new Set(b.own_domains)],
        afterProcessing: b.after_processing,
        enabled: b.enabled,
      };
      const now = deps.clock.now().toISOString();
      const row = await transact(deps, async (trx) => {
        const created = await createMailbox(trx, deps.secrets, orgId, settings, now);
        await auditMailbox(trx, request.auth!, 'created', null, created, now);
        return created;
      });
      return reply.status(201).send(toMailboxView(row));
    },
  );

  app.get(
    '',
    { config: admin, schema: { tags: ['mailboxes'], summary: "This org's mailboxes with their state", querystring: pageQuery, response: { 200: listResponse(mailboxSchema) } } },
    async (request) => {
      const q = request.query;
      const { data, total } = await listMailboxes(deps.database.db, { orgId: request.auth!.orgId, limit: q.limit, offset: pageOffset(q) });
      return paged(data, q, total);
    },
  );
}

function registerItemRoutes(app: ZodApp, deps: MailboxRouteDeps): void {
  app.get(
    '/:id',
    { config: admin, schema: { tags: ['mailboxes'], summary: 'One mailbox with its state', params: idParams, response: { 200: mailboxSchema } } },
    async (request) => {
      const row = await getMailbox(deps.database.db, request.auth!.orgId, request.params.id);
      if (!row) throw notFound(`Mailbox ${request.params.id}`);
      return toMailboxView(row);
    },
  );

  app.patch(
    '/:id',
    {
      config: admin,
      schema: { tags: ['mailboxes'], summary: 'Change a mailbox (the worker holding it reconnects with the new settings)', params: idParams, body: patchBody, response: { 200: mailboxSchema } },
    },
    async (request) => {
      const b = request.body;
      const orgId = request.auth!.orgId;
      if (b.host !== undefined) await assertHostAllowed(deps, b.host);
      if (b.name !== undefined) await assertNameFree(deps, orgId, b.name, request.params.id);
      const now = deps.clock.now().toISOString();
      const row = await transact(deps, async (trx) => {
        const before = await getMailbox(trx, orgId, request.params.id);
        if (!before) throw notFound(`Mailbox ${request.params.id}`);
        assertXoauthComplete(b.auth_kind ?? before.auth_kind, b.oauth_token_url === undefined ? before.oauth_token_url : b.oauth_token_url, b.oauth_client_id === undefined ? before.oauth_client_id : b.oauth_client_id);
        const after = (await updateMailbox(
          trx,
          deps.secrets,
          orgId,
          request.params.id,
          {
            name: b.name,
            host: b.host,
            port: b.port,
            tlsMode: b.tls_mode,
            username: b.username,
            authKind: b.auth_kind,
            secret: b.secret,
            oauthTokenUrl: b.oauth_token_url,
            oauthClientId: b.oauth_client_id,
            folders: b.folders && [...new Set(b.folders)],
            ownDomains: b.own_domains && [...new Set(b.own_domains)],
            afterProcessing: b.after_processing,
            enabled: b.enabled,
          },
          now,
        ))!;
        await auditMailbox(trx, request.auth!, 'updated', before, after, now);
        return after;
      });
      return toMailboxView(row);
    },
  );

  app.delete(
    '/:id',
    { config: admin, schema: { tags: ['mailboxes'], summary: 'Remove a mailbox (mail already ingested stays)', params: idParams, response: { 200: mailboxSchema } } },
    async (request) => {
      const now = deps.clock.now().toISOString();
      const row = await transact(deps, async (trx) => {
        const deleted = await deleteMailbox(trx, request.auth!.orgId, request.params.id);
        if (!deleted) throw notFound(`Mailbox ${request.params.id}`);
        await auditMailbox(trx, request.auth!, 'deleted', deleted, null, now);
        return deleted;
      });
      return toMailboxView(row);
    },
  );

  app.post(
    '/:id/test',
    {
      config: admin,
      schema: {
        tags: ['mailboxes'],
        summary: 'Connect with the stored settings and report the folders and message counts found, or why it failed',
        params: idParams,
        response: { 200: probeSchema },
      },
    },
    async (request) => {
      const row = await getMailbox(deps.database.db, request.auth!.orgId, request.params.id);
      if (!row) throw notFound(`Mailbox ${request.params.id}`);
      return probeMailbox(row, deps.secrets, { connectTimeoutMs: deps.config.mailboxConnectTimeoutMs, allowPrivateNetworks: deps.config.mailboxAllowPrivateNetworks });
    },
  );
}
