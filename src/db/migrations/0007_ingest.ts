/**
 * Email ingestion: each batch (API call, CLI run, demo seed) is recorded with its counts, and every
 * message of it as an item (what it became, or why it failed). Routing rules send a category's new
 * tasks to an owner; the per-org extraction config tunes the categoriser. All keyed by org_id first.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { idColumn, realType, refType, tsType, type Engine } from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  const ref = refType(engine);

  await idColumn(engine, db.schema.createTable('ingest_batch'), 'batch_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    // api | cli | demo
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('running'))
    .addColumn('read_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_signals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_tasks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_actionable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('completed_at', ts)
    .addColumn('duration_ms', realType(engine))
    .addUniqueConstraint('ingest_batch_org_id_uq', ['org_id', 'batch_id'])
    .addCheckConstraint('ingest_batch_status_check', sql`status in ('running','completed','failed')`)
    .execute();
  await db.schema.createIndex('ingest_batch_org_started_idx').on('ingest_batch').columns(['org_id', 'batch_id']).execute();

  await idColumn(engine, db.schema.createTable('ingest_batch_item'), 'item_id')
    .addColumn('org_id', ref, (c) => c.notNull())
    .addColumn('batch_id', ref, (c) => c.notNull())
    // Position of the message in the batch, from 1.
    .addColumn('seq', 'integer', (c) => c.notNull())
    // created (signal + task) | signal_only (not actionable) | duplicate | failed
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('subject', 'text')
    .addColumn('sender', 'text')
    .addColumn('signal_id', ref)
    .addColumn('task_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addForeignKeyConstraint('ingest_batch_item_batch_fk', ['org_id', 'batch_id'], 'ingest_batch', ['org_id', 'batch_id'], (f) => f.onDelete('cascade'))
    .addCheckConstraint('ingest_batch_item_outcome_check', sql`outcome in ('created','signal_only','duplicate','failed')`)
    .execute();
  await db.schema
    .createIndex('ingest_batch_item_batch_idx')
    .on('ingest_batch_item')
    .columns(['org_id', 'batch_id', 'seq'])
    .execute();

  await db.schema
    .createTable('ingest_routing_rule')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('owner_email', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('ingest_routing_rule_pk', ['org_id', 'category'])
    .execute();

  await db.schema
    .createTable('ingest_config')
    .addColumn('org_id', ref, (c) => c.primaryKey().references('org.org_id').onDelete('cascade'))
    .addColumn('config_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
