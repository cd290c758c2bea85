/**
 * Idempotent writes (#22): a POST sent with an `Idempotency-Key` header claims (org_id, key) here
 * before it runs; its successful answer is kept with the request's hash for 24 hours, so a retry
 * gets the same answer instead of a second item, and a different request under the same key is
 * refused. `state` is `pending` while the first request runs, `done` once its answer is stored.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { refType, tsType, type Engine } from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  await db.schema
    .createTable('idempotency_key')
    .addColumn('org_id', refType(engine), (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('idem_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('content_type', 'text')
    .addColumn('response_body', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('completed_at', ts)
    .addPrimaryKeyConstraint('idempotency_key_pk', ['org_id', 'idem_key'])
    .addCheckConstraint('idempotency_key_state_check', sql`state in ('pending','done')`)
    .execute();
  // The retention pass drops keys older than their 24 hours.
  await db.schema.createIndex('idempotency_key_created_idx').on('idempotency_key').column('created_at').execute();
}
