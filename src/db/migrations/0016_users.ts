/**
 * Accounts and sign-in (#19): people, their role per org, their browser sessions, the one-time
 * tokens of invitations and password resets, and the single-sign-on identities linked to them.
 *
 * These tables span orgs: a person is one `app_user` row whatever orgs they belong to, and what
 * they may see in an org comes only from their `org_membership` of it.
 *
 * - `app_user`: `email` stored lowercased, so the unique constraint is case-insensitive on both
 *   engines; `password_hash` null until a password is set (invited, or single sign-on only).
 * - `org_membership`: one role per (org, user).
 * - `user_session`: the sha256 of the cookie's token, never the token; `org_id` is the org the
 *   session acts in now; idle timeout from `last_seen_at`, absolute end at `expires_at`.
 * - `user_token`: invitations and password resets (hashes too), single-use through `used_at`.
 * - `oidc_identity`: (issuer, subject) of a provider's account, linked to one user.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { idColumn, refType, tsType, type Engine } from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  const ref = refType(engine);

  await idColumn(engine, db.schema.createTable('app_user'), 'user_id')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('deactivated_at', ts)
    .addUniqueConstraint('app_user_email_uq', ['email'])
    .addCheckConstraint('app_user_status_check', sql`status in ('active','deactivated')`)
    // Lowercased by the application; the check keeps any other writer honest.
    .addCheckConstraint('app_user_email_lower_check', sql`email = lower(email)`)
    .execute();

  await db.schema
    .createTable('org_membership')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('user_id', ref, (c) => c.notNull().references('app_user.user_id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('org_membership_pk', ['org_id', 'user_id'])
    .addCheckConstraint('org_membership_role_check', sql`role in ('admin','member','viewer')`)
    .execute();
  // "Which orgs is this user in" (sign-in, the org switcher).
  await db.schema.createIndex('org_membership_user_idx').on('org_membership').column('user_id').execute();

  await idColumn(engine, db.schema.createTable('user_session'), 'session_id')
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('user_id', ref, (c) => c.notNull().references('app_user.user_id').onDelete('cascade'))
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'text')
    .addUniqueConstraint('user_session_token_hash_uq', ['token_hash'])
    .execute();
  await db.schema.createIndex('user_session_user_idx').on('user_session').columns(['user_id', 'org_id']).execute();
  // Retention drops sessions long past their end.
  await db.schema.createIndex('user_session_expires_idx').on('user_session').column('expires_at').execute();

  await db.schema
    .createTable('user_token')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', ref, (c) => c.references('app_user.user_id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('org_id', ref, (c) => c.references('org.org_id').onDelete('cascade'))
    .addColumn('role', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('used_at', ts)
    .addCheckConstraint('user_token_kind_check', sql`kind in ('invite','reset')`)
    .addCheckConstraint('user_token_role_check', sql`role is null or role in ('admin','member','viewer')`)
    .execute();
  await db.schema.createIndex('user_token_email_idx').on('user_token').columns(['email', 'kind']).execute();

  await db.schema
    .createTable('oidc_identity')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', ref, (c) => c.notNull().references('app_user.user_id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('oidc_identity_pk', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('oidc_identity_user_idx').on('oidc_identity').column('user_id').execute();
}
