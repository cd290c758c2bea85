/**
 * Notifications (#20): what a person is told about (assigned to them, an SLA warning or violation
 * of their task, a critical alert, a customer's reply, an @mention), in the app and by email.
 *
 * - `notification`: one row per (person, work event, kind); the unique key is what makes a
 *   redelivered event notify nobody twice. `in_app` false: the person switched the kind off in the
 *   app but not by email (the row exists for the mail only and is never listed). `email_state`:
 *   `off` (not to be mailed), `pending` (waits for its mail), `sent`; `mail_event_id` is the
 *   `mail.notification` outbox job that carries it (one id shared by the rows of a digest).
 *   No foreign key to work_event: retention prunes processed events, notifications stay.
 * - `notification_pref`: a person's switches per org and kind; no row means both on.
 * - `notification_mail_window`: per (org, person) when the last mail went and the mail job
 *   scheduled now, if any; the row is what producers and the mail job lock to agree on who sends.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { boolDefault, boolType, idColumn, refType, tsType, type Engine } from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  const ref = refType(engine);
  const bool = boolType(engine);

  await idColumn(engine, db.schema.createTable('notification'), 'notification_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('user_id', ref, (c) => c.notNull().references('app_user.user_id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('actor', 'text')
    .addColumn('work_event_id', ref, (c) => c.notNull())
    .addColumn('in_app', bool, (c) => c.notNull().defaultTo(boolDefault(engine, true)))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .addColumn('email_state', 'text', (c) => c.notNull().defaultTo('off'))
    .addColumn('mail_event_id', ref)
    .addColumn('emailed_at', ts)
    .addUniqueConstraint('notification_event_uq', ['user_id', 'work_event_id', 'kind'])
    .addCheckConstraint(
      'notification_kind_check',
      sql`kind in ('assigned','sla_warning','sla_violated','critical_alert','customer_reply','mention')`,
    )
    .addCheckConstraint('notification_email_state_check', sql`email_state in ('off','pending','sent')`)
    .execute();
  // A person's list in an org, newest first; the unread count reads the partial one.
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['org_id', 'user_id', 'notification_id']).execute();
  await db.schema
    .createIndex('notification_unread_idx')
    .on('notification')
    .columns(['org_id', 'user_id'])
    .where(sql.ref('read_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('notification_mail_pending_idx')
    .on('notification')
    .columns(['org_id', 'user_id'])
    .where(sql.ref('email_state'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('notification_pref')
    .addColumn('user_id', ref, (c) => c.notNull().references('app_user.user_id').onDelete('cascade'))
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('in_app', bool, (c) => c.notNull().defaultTo(boolDefault(engine, true)))
    .addColumn('email', bool, (c) => c.notNull().defaultTo(boolDefault(engine, true)))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_pref_pk', ['user_id', 'org_id', 'kind'])
    .execute();

  await db.schema
    .createTable('notification_mail_window')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('user_id', ref, (c) => c.notNull().references('app_user.user_id').onDelete('cascade'))
    .addColumn('last_sent_at', ts)
    .addColumn('scheduled_event_id', ref)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_mail_window_pk', ['org_id', 'user_id'])
    .execute();
}
