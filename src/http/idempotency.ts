/**
 * Idempotent writes: an authenticated POST sent with `Idempotency-Key: <key>` runs at most once per
 * org and key within IDEMPOTENCY_TTL (24h), as payment APIs do.
 *
 * - The first request claims (org_id, key) with its request hash before the handler runs (the
 *   primary key decides between concurrent duplicates), and its 2xx answer is stored when sent.
 * - A retry with the same method, path and body gets that stored answer again (status, body,
 *   `Idempotent-Replayed: true`) instead of running; one with another request is 422
 *   `idempotency_mismatch`.
 * - A duplicate arriving while the first still runs waits for it (up to IDEMPOTENCY_WAIT) and gets
 *   its answer; past the wait, 409 `idempotency_in_progress`.
 * - A non-2xx answer wrote nothing (every write is one transaction), so the claim is dropped and the
 *   same key may be sent again. Answers that set cookies are never stored.
 * - A process that dies after the handler committed but before the answer was stored leaves the
 *   claim pending: later duplicates get 409 rather than a second item (never a duplicate write).
 *
 * Hand-written: Fastify has no maintained idempotency plugin that stores in our database with
 * these semantics, and the behaviour is a few hooks over one table.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type { Database, DbOrTrx } from '../db/create-db.js';
import type { PruneBatch } from '../db/prune.js';
import type { Clock } from '../shared/clock.js';
import { AppError, badRequest } from '../shared/errors.js';

export interface IdempotencyDeps {
  database: Database;
  clock: Clock;
  config: { idempotencyTtlMs: number; idempotencyWaitMs: number };
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** Printable ASCII, as the IETF draft's examples and payment APIs accept; UUIDs fit easily. */
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
const POLL_MS = 25;

interface Claim {
  orgId: number;
  key: string;
}
const claims = new WeakMap<FastifyRequest, Claim>();

function requestHash(request: FastifyRequest): string {
  const hash = createHash('sha256').update(`${request.method} ${request.url}\n`);
  const body = request.body;
  // Raw bodies (mail as text, an mbox as bytes) are hashed as they are, not as JSON of their bytes.
  if (typeof body === 'string' || Buffer.isBuffer(body)) hash.update(body);
  else hash.update(JSON.stringify(body ?? null));
  return hash.digest('hex');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const isSuccess = (status: number) => status >= 200 && status < 300;
const isReadable = (p: unknown): p is Readable => p instanceof Readable;

async function fromResponse(reply: FastifyReply, res: Response): Promise<string> {
  reply.code(res.status);
  res.headers.forEach((value, name) => {
    if (name !== 'content-length') void reply.header(name, value);
  });
  return res.text();
}
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

const plugin: FastifyPluginAsync<{ deps: IdempotencyDeps }> = async (app, { deps }) => {
  const db = deps.database.db;

  /**
   * Claims the key in one statement; false when another request holds it. A claim older than the TTL
   * is forgotten: the insert takes its place (not yet pruned by retention).
   */
  async function claim(c: Claim, hash: string): Promise<boolean> {
    const now = deps.clock.now();
    const expired = new Date(now.getTime() - deps.config.idempotencyTtlMs).toISOString();
    const fresh = { request_hash: hash, state: 'pending' as const, status_code: null, content_type: null, response_body: null, created_at: now.toISOString(), completed_at: null };
    const r = await db
      .insertInto('idempotency_key')
      .values({ org_id: c.orgId, idem_key: c.key, ...fresh })
      .onConflict((oc) => oc.columns(['org_id', 'idem_key']).doUpdateSet(fresh).where('idempotency_key.created_at', '<=', expired))
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  const load = (c: Claim) => db.selectFrom('idempotency_key').selectAll().where('org_id', '=', c.orgId).where('idem_key', '=', c.key).executeTakeFirst();

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || !request.auth) return;
    const raw = request.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw.join(',') : raw;
    if (!KEY_SHAPE.test(key)) throw badRequest('Idempotency-Key must be 1 to 255 printable ASCII characters (a UUID, for example)', { field: 'Idempotency-Key' });
    const c: Claim = { orgId: request.auth.orgId, key };
    const hash = requestHash(request);
    const deadline = performance.now() + deps.config.idempotencyWaitMs;
    for (;;) {
      if (await claim(c, hash)) {
        claims.set(request, c);
        return;
      }
      const row = await load(c);
      // The first request failed and let go between our insert and this read: claim again.
      if (!row && performance.now() < deadline) continue;
      if (row && row.request_hash !== hash) {
        throw new AppError('idempotency_mismatch', 'This Idempotency-Key was used for another request (method, path or body); use a new key for a new request', {
          field: 'Idempotency-Key',
        });
      }
      if (row?.state === 'done') {
        reply.code(row.status_code ?? 200).header(REPLAYED_HEADER, 'true');
        if (row.content_type) reply.header('content-type', row.content_type);
        return reply.send(row.response_body ?? '');
      }
      if (performance.now() >= deadline) {
        throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed (or its answer was lost); check before sending it again', {
          field: 'Idempotency-Key',
        });
      }
      await sleep(POLL_MS);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const c = claims.get(request);
    if (!c) return payload;
    claims.delete(request);
    // tRPC answers with a fetch Response: its status and headers become the reply's, and its body
    // (a mutation's answer is small) is read here to be kept and sent.
    if (payload instanceof Response) payload = await fromResponse(reply, payload);
    else if (isReadable(payload) && isSuccess(reply.statusCode)) payload = await readAll(payload);
    const storable = isSuccess(reply.statusCode) && !reply.hasHeader('set-cookie') && (typeof payload === 'string' || Buffer.isBuffer(payload));
    const row = db.updateTable('idempotency_key').where('org_id', '=', c.orgId).where('idem_key', '=', c.key).where('state', '=', 'pending');
    try {
      if (storable) {
        const contentType = reply.getHeader('content-type');
        await row
          .set({
            state: 'done',
            status_code: reply.statusCode,
            content_type: typeof contentType === 'string' ? contentType : null,
            response_body: Buffer.isBuffer(payload) ? payload.toString('utf8') : (payload as string),
            completed_at: deps.clock.now().toISOString(),
          })
          .execute();
      } else {
        await db.deleteFrom('idempotency_key').where('org_id', '=', c.orgId).where('idem_key', '=', c.key).where('state', '=', 'pending').execute();
      }
    } catch (err) {
      // The answer goes out all the same. A claim left pending makes a retry wait and then get
      // 409: never a second run of a write that may have committed.
      request.log.error({ err, idempotencyKeyOrg: c.orgId }, 'could not store the answer of an idempotent request');
    }
    return payload;
  });
};

/** Not encapsulated: it applies to every route registered after it. */
export const idempotencyPlugin = fp(plugin, { name: 'flowledger-idempotency' });

/** Retention: keys (and their answers) older than IDEMPOTENCY_TTL, `limit` at a time. */
export async function pruneIdempotencyKeys(db: DbOrTrx, b: PruneBatch): Promise<number> {
  const old = sql`select org_id, idem_key from idempotency_key where created_at < ${b.before} limit ${b.limit}`;
  const r = await sql`delete from idempotency_key where (org_id, idem_key) in (${old})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
