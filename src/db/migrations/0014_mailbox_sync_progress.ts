/**
 * Sync progress per watched folder, so a first sync of a large folder shows how far it is:
 *
 * - `synced`: messages taken from the folder under its current UIDVALIDITY (ingested, or recorded
 *   as failed items); advanced in the same transaction as the checkpoint, reset with it.
 * - `pending`: messages above the checkpoint found at the last listing, counting down as each page
 *   commits; 0 when the folder is up to date.
 *
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mailbox_folder_checkpoint').addColumn('synced', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('mailbox_folder_checkpoint').addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
