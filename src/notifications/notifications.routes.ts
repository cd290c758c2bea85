/**
 * `/api/notifications`: the signed-in person's own notifications in the org their session acts in,
 * their read marks and their switches per kind. Session only: an API key is no person (400).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import { transact } from '../db/transact.js';
import { toBool } from '../db/types.js';
import { listResponse, pageQuery } from '../http/paging.js';
import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { cursorBy, pageFrom, pageOffset, paged } from '../shared/paging.js';
import { NOTIFICATION_KINDS, type NotificationKind } from './notifications.kinds.js';
import { listNotifications, NOTIFICATION_ORDER, listPrefs, markRead, unreadCount, upsertPrefs } from './notifications.repository.js';

export interface NotificationRouteDeps {
  database: Database;
  clock: Clock;
  commitFeed: Pick<CommitFeed, 'notify'>;
}

const kindSchema = z.enum(NOTIFICATION_KINDS);
export const notificationSchema = z.object({
  notification_id: z.number(),
  kind: kindSchema,
  item_type: z.string(),
  item_id: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  actor: z.string().nullable(),
  work_event_id: z.number(),
  created_at: z.string(),
  read_at: z.string().nullable(),
  email_state: z.enum(['off', 'pending', 'sent']),
  emailed_at: z.string().nullable(),
});
const prefSchema = z.object({ kind: kindSchema, in_app: z.boolean(), email: z.boolean() });
const prefsResponse = z.object({ data: z.array(prefSchema) });
const unreadResponse = z.object({ unread_count: z.number() });

/** Notifications belong to a person: the session's. */
function personOf(request: FastifyRequest): { orgId: number; userId: number } {
  const auth = request.auth!;
  if (auth.via !== 'session' || auth.userId === null) {
    throw new AppError('bad_request', 'Notifications belong to a signed-in person: an API key has none (sign in to the dashboard)', { reason: 'session_required' });
  }
  return { orgId: auth.orgId, userId: auth.userId };
}

async function prefsOf(db: Database['db'], orgId: number, userId: number) {
  const stored = new Map((await listPrefs(db, orgId, userId)).map((p) => [p.kind, p]));
  return NOTIFICATION_KINDS.map((kind: NotificationKind) => {
    const p = stored.get(kind);
    return { kind, in_app: p ? toBool(p.in_app) : true, email: p ? toBool(p.email) : true };
  });
}

const anyRole = { minRole: 'viewer' as const };

export const notificationRoutes: FastifyPluginAsync<{ deps: NotificationRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  app.get(
    '/',
    {
      config: anyRole,
      schema: {
        tags: ['notifications'],
        summary: "The signed-in person's notifications in this org, newest first (unread=true: unread only)",
        querystring: pageQuery.extend({ unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }),
        response: { 200: listResponse(notificationSchema).extend({ unread_count: z.number() }) },
      },
    },
    async (request) => {
      const me = personOf(request);
      const q = request.query;
      const p = pageFrom(q, NOTIFICATION_ORDER);
      const [{ data, total }, unread] = await Promise.all([
        listNotifications(db, { ...me, unread: q.unread ?? false, limit: p.limit, offset: pageOffset(p), after: p.after }),
        unreadCount(db, me.orgId, me.userId),
      ]);
      return { ...paged(data, p, total, cursorBy(NOTIFICATION_ORDER)), unread_count: unread };
    },
  );

  app.get(
    '/unread-count',
    { config: anyRole, schema: { tags: ['notifications'], summary: "How many of the signed-in person's notifications in this org are unread", response: { 200: unreadResponse } } },
    async (request) => {
      const me = personOf(request);
      return { unread_count: await unreadCount(db, me.orgId, me.userId) };
    },
  );

  app.post(
    '/read',
    {
      config: anyRole,
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read: {ids} (others\u2019 ids are ignored) or {all: true}',
        body: z.union([
          z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
          z.object({ all: z.literal(true) }).strict(),
        ]),
        response: { 200: z.object({ updated: z.number(), unread_count: z.number() }) },
      },
    },
    async (request) => {
      const me = personOf(request);
      const body = request.body;
      const updated = await markRead(db, { ...me, ids: 'all' in body ? 'all' : body.ids, now: deps.clock.now().toISOString() });
      return { updated, unread_count: await unreadCount(db, me.orgId, me.userId) };
    },
  );

  app.get(
    '/preferences',
    { config: anyRole, schema: { tags: ['notifications'], summary: 'Per kind: shown in the app, sent by email (both on unless switched off)', response: { 200: prefsResponse } } },
    async (request) => {
      const me = personOf(request);
      return { data: await prefsOf(db, me.orgId, me.userId) };
    },
  );

  app.put(
    '/preferences',
    {
      config: anyRole,
      schema: {
        tags: ['notifications'],
        summary: 'Set switches per kind (kinds not listed keep theirs); answers every kind',
        body: z
          .object({
            data: z
              .array(prefSchema.strict())
              .min(1)
              .max(NOTIFICATION_KINDS.length)
              .refine((l) => new Set(l.map((p) => p.kind)).size === l.length, { message: 'each kind at most once' }),
          })
          .strict(),
        response: { 200: prefsResponse },
      },
    },
    async (request) => {
      const me = personOf(request);
      await transact(deps, (trx) => upsertPrefs(trx, me.orgId, me.userId, request.body.data, deps.clock.now().toISOString()));
      return { data: await prefsOf(db, me.orgId, me.userId) };
    },
  );
};
