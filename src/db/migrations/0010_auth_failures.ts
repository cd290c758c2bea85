/**
 * Failed authentications per client address and fixed time window, shared by every process that
 * answers requests, so the limit holds across nodes behind a load balancer. Not tenant data: a
 * failed attempt has no org. Rows older than their window are pruned by the limiter itself.
 *
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { refType, type Engine } from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('auth_failure')
    .addColumn('address', 'text', (c) => c.notNull())
    // Start of the fixed window, epoch milliseconds (a multiple of the window length).
    .addColumn('window_start', refType(engine), (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('auth_failure_pk', ['address', 'window_start'])
    .execute();
  await db.schema.createIndex('auth_failure_window_idx').on('auth_failure').column('window_start').execute();
}
