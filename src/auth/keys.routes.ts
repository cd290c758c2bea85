import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, notFound } from '../shared/errors.js';
import { transact } from '../db/transact.js';
import { ROLES, auditKeyChange, createApiKey, getApiKey, listApiKeys, revokeApiKey } from './api-keys.repository.js';
import type { CommitFeed } from '../db/commit-feed.js';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import type { KeyResolver } from './key-resolver.js';
import { idParams } from '../http/params.js';

const keyInfo = z.object({
  key_id: z.number(),
  org_id: z.number(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  key_prefix: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});



export interface KeyRouteDeps {
  database: Database;
  clock: Clock;
  commitFeed: CommitFeed;
  keys: Pick<KeyResolver, 'invalidate'>;
}

/** Admins manage their own org's keys over HTTP; the secret is shown once, at creation. Registered with the prefix /api/keys. */
export const keyRoutes: FastifyPluginAsync<{ deps: KeyRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const admin = { minRole: 'admin' as const };

  app.get(
    '',
    { config: admin, schema: { tags: ['auth'], operationId: 'listApiKeys', summary: "List this org's API keys", response: { 200: z.object({ data: z.array(keyInfo) }) } } },
    async (request) => ({ data: await listApiKeys(deps.database.db, request.auth!.orgId) }),
  );

  app.post(
    '',
    {
      config: admin,
      schema: {
        tags: ['auth'],
        operationId: 'createApiKey', summary: 'Create an API key (the key is returned once)',
        body: z
          .object({
            role: z.enum(ROLES),
            name: z.string().trim().min(1).max(100).optional(),
            org_id: z.number().int().optional(),
          })
          .strict(),
        response: { 201: keyInfo.extend({ key: z.string() }) },
      },
    },
    async (request, reply) => {
      const now = deps.clock.now().toISOString();
      const created = await transact(deps, async (trx) => {
        const key = await createApiKey(trx, { orgId: request.auth!.orgId, role: request.body.role, name: request.body.name ?? null, now });
        await auditKeyChange(trx, request.auth!, 'created', null, key, now);
        return key;
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/:id',
    { config: admin, schema: { tags: ['auth'], operationId: 'revokeApiKey', summary: 'Revoke an API key', params: idParams, response: { 200: keyInfo } } },
    async (request) => {
      if (request.params.id === request.auth!.keyId) throw badRequest('You cannot revoke the key you are using');
      const orgId = request.auth!.orgId;
      const now = deps.clock.now().toISOString();
      const key = await transact(deps, async (trx) => {
        const before = await getApiKey(trx, orgId, request.params.id);
        if (!before) throw notFound(`API key ${request.params.id}`);
        const after = (await revokeApiKey(trx, orgId, request.params.id, now))!;
        await auditKeyChange(trx, request.auth!, 'revoked', before, after, now);
        return after;
      });
      deps.keys.invalidate();
      return key;
    },
  );
};
