/**
 * Comments on tasks and pursuits (#20): `item_comment`, one row per comment, on either kind of item
 * (`item_type` 'task' | 'pursuit', `item_id` the task id or the pursuit id as text, as work events
 * and breaches name items).
 *
 * - `author_actor` is who wrote it (`user:<id>` or `key:<id>`): only they may edit it;
 *   `author_user_id` / `author_key_id` name the person or the key for display.
 * - `body` is the Markdown source as written (never HTML); `mentioned_user_ids` a JSON array of the
 *   users it mentions, resolved within the org when written.
 * - A deleted comment keeps its row (its events still name it) with `deleted_at` set and its body
 *   and mentions cleared.
 * - No foreign key to the item: a comment names one of two tables; the application checks the item
 *   exists in the comment's org before writing.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { idColumn, refType, tsType, type Engine } from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  const ref = refType(engine);

  await idColumn(engine, db.schema.createTable('item_comment'), 'comment_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('author_actor', 'text', (c) => c.notNull())
    .addColumn('author_user_id', ref)
    .addColumn('author_key_id', ref)
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentioned_user_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('deleted_at', ts)
    .addCheckConstraint('item_comment_item_type_check', sql`item_type in ('task','pursuit')`)
    .execute();
  // An item's comments in the order they were written (the timeline), deleted ones skipped by the query.
  await db.schema.createIndex('item_comment_item_idx').on('item_comment').columns(['org_id', 'item_type', 'item_id', 'created_at']).execute();
}
