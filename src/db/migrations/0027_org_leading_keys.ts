/**
 * Ready for Citus (#21): on PostgreSQL every tenant table's primary key becomes (org_id, <id>) and
 * every unique constraint leads with org_id, so the tables could be distributed by org_id (Citus
 * requires the distribution column in every primary key and unique constraint). The ids keep coming
 * from their identity columns, so they stay unique and the API does not change; only the
 * constraints do. Each table keeps a plain index on its id alone, so a lookup by id that does not
 * name the org (the commit tap's `work_event_id > n`, for one) is exactly as fast as before.
 *
 * Tables that span orgs (org, api_key, app_user, org_membership, user_session, user_token,
 * oidc_identity, auth_failure) keep their keys: they would be reference tables (docs/contract.md).
 *
 * It runs on upgrade, on databases with data, inside the migrator's transaction (so no CREATE
 * INDEX CONCURRENTLY). Each key is swapped by building the new unique index first and then
 * `ADD CONSTRAINT … PRIMARY KEY USING INDEX`, which only attaches the index already built: one sort
 * per index instead of ALTER TABLE … ADD PRIMARY KEY building it again under its own lock, and the
 * old key is dropped only once the new one exists. The `*_org_id_uq` constraints that foreign keys
 * pointed at become redundant with the new primary key and are dropped; those foreign keys are
 * re-created from their own definitions (pg_get_constraintdef) against the new key, which checks
 * each child table once with a single join.
 *
 * SQLite keeps its rowid keys; it only gains team_member.org_id, which the application writes on
 * both engines.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { refType, type Engine } from './helpers.js';

/** Tenant tables keyed by one id column, and that column. */
const ID_KEYED: ReadonlyArray<readonly [table: string, id: string]> = [
  ['signal', 'signal_id'],
  ['candidate', 'candidate_id'],
  ['pursuit', 'pursuit_id'],
  ['proposal', 'proposal_id'],
  ['pursuit_checklist', 'item_id'],
  ['sla_rule', 'rule_id'],
  ['sla_breach', 'breach_id'],
  ['webhook_endpoint', 'webhook_id'],
  ['webhook_delivery', 'delivery_id'],
  ['work_event', 'work_event_id'],
  ['workflow_patterns', 'pattern_id'],
  ['workflow_tasks', 'task_id'],
  ['workflow_status_history', 'history_id'],
  ['ingest_batch', 'batch_id'],
  ['ingest_batch_item', 'item_id'],
  ['mailbox', 'mailbox_id'],
  ['task_message', 'task_message_id'],
  ['item_comment', 'comment_id'],
  ['team', 'team_id'],
  ['notification', 'notification_id'],
];

/** Plain (org_id, id) indexes the new primary keys make redundant. */
const REDUNDANT_INDEXES = ['work_event_org_id_idx', 'ingest_batch_org_started_idx'];

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') {
    // The team a membership belongs to carries its org on both engines, so the application writes
    // the same rows everywhere; SQLite's keys stay as they are.
    await db.schema.alterTable('team_member').addColumn('org_id', refType(engine)).execute();
    await sql`update team_member set org_id = (select t.org_id from team t where t.team_id = team_member.team_id)`.execute(db);
    return;
  }

  // team_member had no org_id: add it from its team, key it (org_id, team_id, user_id), and point
  // its foreign key at team's new (org_id, team_id) key once that exists (below).
  await sql`alter table team_member add column org_id bigint`.execute(db);
  await sql`update team_member tm set org_id = t.org_id from team t where t.team_id = tm.team_id`.execute(db);
  await sql`alter table team_member alter column org_id set not null`.execute(db);
  await sql`alter table team_member drop constraint team_member_team_id_fkey`.execute(db);
  await swapKey(db, 'team_member', 'team_member_pk', 'primary key', ['org_id', 'team_id', 'user_id']);

  for (const [table, id] of ID_KEYED) await rekeyById(db, table, id);

  await sql`alter table team_member add constraint team_member_team_fk foreign key (org_id, team_id) references team (org_id, team_id) on delete cascade`.execute(db);

  // The remaining keys that did not lead with org_id.
  await swapKey(db, 'notification', 'notification_event_uq', 'unique', ['org_id', 'user_id', 'work_event_id', 'kind']);
  await swapKey(db, 'notification_pref', 'notification_pref_pk', 'primary key', ['org_id', 'user_id', 'kind']);

  for (const name of REDUNDANT_INDEXES) await sql`drop index ${sql.id(name)}`.execute(db);
}

/**
 * (org_id, id) becomes the primary key of `table`; the old key on the id alone and the
 * `<table>_org_id_uq` constraint (when there is one) go, and the foreign keys that referenced
 * either are re-created from their definitions, now resolving to the new key.
 */
async function rekeyById(db: Kysely<any>, table: string, id: string): Promise<void> {
  const { rows: fks } = await sql<{ child: string; name: string; def: string }>`
    select c.conrelid::regclass::text as child, c.conname as name, pg_get_constraintdef(c.oid) as def
    from pg_constraint c
    where c.contype = 'f' and c.confrelid = ${table}::regclass
    order by c.conname`.execute(db);
  for (const fk of fks) await sql`alter table ${sql.id(fk.child)} drop constraint ${sql.id(fk.name)}`.execute(db);
  await sql`alter table ${sql.id(table)} drop constraint if exists ${sql.id(`${table}_org_id_uq`)}`.execute(db);
  await swapKey(db, table, `${table}_pkey`, 'primary key', ['org_id', id]);
  await sql`create index ${sql.id(`${table}_id_idx`)} on ${sql.id(table)} (${sql.id(id)})`.execute(db);
  for (const fk of fks) await sql`alter table ${sql.id(fk.child)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.def)}`.execute(db);
}

/** Builds the new unique index, drops the constraint `name`, and re-creates it on that index under the same name. */
async function swapKey(db: Kysely<any>, table: string, name: string, kind: 'primary key' | 'unique', columns: string[]): Promise<void> {
  const next = `${name}_next`;
  await sql`create unique index ${sql.id(next)} on ${sql.id(table)} (${sql.join(columns.map((c) => sql.id(c)))})`.execute(db);
  await sql`alter table ${sql.id(table)} drop constraint ${sql.id(name)}`.execute(db);
  await sql`alter table ${sql.id(table)} add constraint ${sql.id(name)} ${sql.raw(kind)} using index ${sql.id(next)}`.execute(db);
}
