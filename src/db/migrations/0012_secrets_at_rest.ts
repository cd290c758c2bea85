/**
 * Secrets at rest: webhook signing secrets become sealed values (AES-256-GCM, src/shared/secret-box.ts).
 * A migration cannot read the key (it knows no configuration), so this one only prepares the table:
 *
 * - `secret_key_id`: the id of the key a secret is sealed under; NULL marks a secret still in
 *   plaintext. The first start after this migration seals every such row under the configured key
 *   (src/app/secrets.ts), idempotently, before any worker runs.
 * - `secret_prefix`: what the API shows to tell secrets apart, kept beside the sealed value so that
 *   listing endpoints never needs the key. At most four characters of secret material: `whsec_`
 *   plus four for generated secrets, the first four of any other.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webhook_endpoint').addColumn('secret_key_id', 'text').execute();
  await db.schema.alterTable('webhook_endpoint').addColumn('secret_prefix', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db
    .updateTable('webhook_endpoint')
    .set({ secret_prefix: sql`case when substr(secret, 1, 6) = 'whsec_' then substr(secret, 1, 10) else substr(secret, 1, 4) end` })
    .execute();
}
