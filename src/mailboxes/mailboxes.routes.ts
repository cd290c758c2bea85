/**
 * Per-org mailboxes (admin only), registered with the prefix /api/mailboxes. The credential is
 * write-only: sealed on write, never answered, never logged, recorded as "***" in the audit trail.
 * The checks and writes are the service's (mailboxes.service.ts), shared with the command line.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Metrics } from '../http/metrics.js';
import { listResponse, pageQuery } from '../http/paging.js';
import { idParams } from '../http/params.js';
import type { ZodApp } from '../http/zod-app.js';
import { notFound } from '../shared/errors.js';
import { cursorBy, pageFrom, pageOffset, paged } from '../shared/paging.js';
import { getMailbox, listMailboxes, MAILBOX_ORDER, MAILBOX_STATES, mailboxViews, toMailboxView } from './mailboxes.repository.js';
import { registerMailboxGauge } from './mailboxes.metrics.js';
import {
  addMailbox,
  AUTH_KINDS,
  changeMailbox,
  createMailboxInput,
  patchMailboxInput,
  removeMailbox,
  testMailbox,
  TLS_MODES,
  type MailboxServiceDeps,
} from './mailboxes.service.js';

const mailboxSchema = z.object({
  mailbox_id: z.number(),
  org_id: z.number(),
  name: z.string(),
  host: z.string(),
  port: z.number(),
  tls_mode: z.enum(TLS_MODES),
  username: z.string(),
  auth_kind: z.enum(AUTH_KINDS),
  oauth_token_url: z.string().nullable(),
  oauth_client_id: z.string().nullable(),
  folders: z.array(z.string()),
  own_domains: z.array(z.string()),
  after_processing: z.string(),
  enabled: z.boolean(),
  state: z.enum(MAILBOX_STATES),
  connected: z.boolean(),
  last_sync_at: z.string().nullable(),
  last_error: z.string().nullable(),
  messages_ingested: z.number(),
  folder_status: z
    .array(
      z.object({
        folder: z.string(),
        uidvalidity: z.number(),
        last_uid: z.number().describe('The last UID ingested'),
        synced: z.number().describe('Messages taken from the folder under its current UIDVALIDITY'),
        pending: z.number().describe('Messages still to be taken, from the last listing (0: up to date)'),
        updated_at: z.string(),
      }),
    )
    .describe('Sync progress per watched folder synced at least once'),
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

const admin = { minRole: 'admin' as const };

export type MailboxRouteDeps = MailboxServiceDeps & { metrics: Pick<Metrics, 'registry'> };

export const mailboxRoutes: FastifyPluginAsync<{ deps: MailboxRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  registerMailboxGauge(deps.metrics.registry, deps.database);
  registerCollectionRoutes(app, deps);
  registerItemRoutes(app, deps);
};

function registerCollectionRoutes(app: ZodApp, deps: MailboxServiceDeps): void {
  app.post(
    '',
    { config: admin, schema: { tags: ['mailboxes'], errors: { 409: 'the name is taken in this org (`conflict`)' }, summary: 'Add a mailbox to watch over IMAP (the credential is write-only)', body: createMailboxInput, response: { 201: mailboxSchema } } },
    async (request, reply) => {
      const row = await addMailbox(deps, request.auth!, request.auth!.orgId, request.body);
      return reply.status(201).send(toMailboxView(row));
    },
  );

  app.get(
    '',
    { config: admin, schema: { tags: ['mailboxes'], summary: "This org's mailboxes with their state", querystring: pageQuery, response: { 200: listResponse(mailboxSchema) } } },
    async (request) => {
      const p = pageFrom(request.query, MAILBOX_ORDER);
      const { data, total } = await listMailboxes(deps.database.db, { orgId: request.auth!.orgId, limit: p.limit, offset: pageOffset(p), after: p.after });
      return paged(data, p, total, cursorBy(MAILBOX_ORDER));
    },
  );
}

function registerItemRoutes(app: ZodApp, deps: MailboxServiceDeps): void {
  app.get(
    '/:id',
    { config: admin, schema: { tags: ['mailboxes'], summary: 'One mailbox with its state', params: idParams, response: { 200: mailboxSchema } } },
    async (request) => {
      const row = await getMailbox(deps.database.db, request.auth!.orgId, request.params.id);
      if (!row) throw notFound(`Mailbox ${request.params.id}`);
      return (await mailboxViews(deps.database.db, [row]))[0]!;
    },
  );

  app.patch(
    '/:id',
    {
      config: admin,
      schema: { tags: ['mailboxes'], errors: { 409: 'the name is taken in this org (`conflict`)' }, summary: 'Change a mailbox (the worker holding it reconnects with the new settings)', params: idParams, body: patchMailboxInput, response: { 200: mailboxSchema } },
    },
    async (request) => (await mailboxViews(deps.database.db, [await changeMailbox(deps, request.auth!, request.auth!.orgId, request.params.id, request.body)]))[0]!,
  );

  app.delete(
    '/:id',
    { config: admin, schema: { tags: ['mailboxes'], summary: 'Remove a mailbox (mail already ingested stays)', params: idParams, response: { 200: mailboxSchema } } },
    async (request) => toMailboxView(await removeMailbox(deps, request.auth!, request.auth!.orgId, request.params.id)),
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
    async (request) => testMailbox(deps, request.auth!.orgId, request.params.id),
  );
}
