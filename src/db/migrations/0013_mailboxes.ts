/**
 * Mailboxes: per-org IMAP accounts that FlowLedger watches, and one checkpoint per watched folder.
 *
 * - `mailbox`: connection settings; the credential sealed like webhook secrets (`secret`,
 *   `secret_key_id`; for XOAUTH2 the sealed value holds the tokens); what to watch and what to do
 *   with processed mail; the health the API shows (`state`, `last_sync_at`, `last_error`,
 *   `messages_ingested`); `config_version`, bumped by every settings change so a watcher knows to
 *   reconnect with the new ones; and the lease (`lease_owner`, `lease_expires_at`) that lets one
 *   worker of all processes hold the mailbox's connection.
 * - `mailbox_folder_checkpoint`: per folder, the UIDVALIDITY and the last UID whose message is
 *   ingested (advanced in the ingestion's own transaction), and `effects_uid`, the last UID whose
 *   IMAP side effect (flag as seen, move) is done: side effects run after the commit, so those
 *   between effects_uid and last_uid are retried after a crash.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { boolDefault, boolType, idColumn, refType, tsType, type Engine } from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  const ref = refType(engine);

  await idColumn(engine, db.schema.createTable('mailbox'), 'mailbox_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('tls_mode', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('auth_kind', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('secret_key_id', 'text')
    // XOAUTH2: where a refresh token is exchanged for a new access token, and the client it names.
    .addColumn('oauth_token_url', 'text')
    .addColumn('oauth_client_id', 'text')
    .addColumn('folders_json', 'text', (c) => c.notNull())
    .addColumn('own_domains_json', 'text', (c) => c.notNull())
    // none | seen | move:<folder>
    .addColumn('after_processing', 'text', (c) => c.notNull())
    .addColumn('enabled', boolType(engine), (c) => c.notNull().defaultTo(boolDefault(engine, true)))
    .addColumn('config_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('idle'))
    .addColumn('last_sync_at', ts)
    .addColumn('last_error', 'text')
    .addColumn('messages_ingested', ref, (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('mailbox_org_id_uq', ['org_id', 'mailbox_id'])
    .addUniqueConstraint('mailbox_org_name_uq', ['org_id', 'name'])
    .addCheckConstraint('mailbox_tls_mode_check', sql`tls_mode in ('tls','starttls','none')`)
    .addCheckConstraint('mailbox_auth_kind_check', sql`auth_kind in ('password','xoauth2')`)
    .addCheckConstraint('mailbox_state_check', sql`state in ('idle','connecting','syncing','watching','error','disabled')`)
    .addCheckConstraint('mailbox_after_processing_check', sql`after_processing in ('none','seen') or after_processing like 'move:_%'`)
    .execute();

  await db.schema
    .createTable('mailbox_folder_checkpoint')
    .addColumn('org_id', ref, (c) => c.notNull())
    .addColumn('mailbox_id', ref, (c) => c.notNull())
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('uidvalidity', ref, (c) => c.notNull())
    .addColumn('last_uid', ref, (c) => c.notNull())
    .addColumn('effects_uid', ref, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('mailbox_folder_checkpoint_pk', ['org_id', 'mailbox_id', 'folder'])
    .addForeignKeyConstraint('mailbox_folder_checkpoint_mailbox_fk', ['org_id', 'mailbox_id'], 'mailbox', ['org_id', 'mailbox_id'], (f) => f.onDelete('cascade'))
    .execute();
}
