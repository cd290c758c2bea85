/**
 * A per-org change version (#21): `org_version.version` grows with every committed transaction that
 * wrote rows the cached answers read (src/answer-cache), so one org's writes no longer invalidate
 * every other org's answers. Kept by triggers, so writes from any process, the CLI, a retention pass
 * or a hand-run statement count too.
 *
 * The tables are those the cached answers (task list, executive metrics, Today panel, workstream
 * stats, signal pages) read; the counter tables they also read are kept by triggers on these.
 * Not every write to them appends a work event (an SLA pass resolving breaches, retention, a user
 * renamed, hand-run SQL), so the triggers sit on the tables themselves, not on work_event. A user's
 * new name shows in the answers of every org they are a member of.
 *
 * - SQLite (one writer at a time): a plain row trigger per table and operation, an update by
 *   primary key.
 * - PostgreSQL: one DEFERRABLE INITIALLY DEFERRED constraint trigger event per transaction. Each
 *   written row notes its org in a transaction-local setting (set_config(…, true)) from the
 *   trigger's WHEN clause, which for constraint triggers runs at once; only the first row of a
 *   transaction queues the deferred event. At commit that one event bumps every noted org in
 *   org_id order (so two multi-org transactions cannot deadlock), which takes the rows' locks only
 *   for the instant before commit: two long transactions of one org do not wait on each other. A
 *   savepoint rolled back takes its notes and its queued event with it (both are transactional).
 *
 * Every org gets its row when it is inserted (trigger) or here (backfill); the triggers only update.
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { refType, type Engine } from './helpers.js';

/** Tables with an org_id whose rows the cached answers read. */
const ORG_TABLES = ['org', 'signal', 'candidate', 'pursuit', 'pursuit_checklist', 'sla_breach', 'workflow_tasks', 'workflow_status_history'];

const SETTING = 'flowledger.touched_orgs';

const SQLITE_BUMP = (org: string) => `update org_version set version = version + 1 where org_id = ${org};`;

function sqliteStatements(): string[] {
  const out = [
    `create trigger org_version_org_new after insert on org begin insert into org_version (org_id, version) values (new.org_id, 0); end`,
    // Names only: what the answers show of a user (a task's owner_name, the workload's owner).
    `create trigger org_version_app_user_upd after update of name on app_user begin
       update org_version set version = version + 1 where org_id in (select org_id from org_membership where user_id = new.user_id); end`,
  ];
  for (const table of ORG_TABLES) {
    if (table !== 'org') {
      out.push(`create trigger org_version_${table}_ins after insert on ${table} begin ${SQLITE_BUMP('new.org_id')} end`);
      out.push(`create trigger org_version_${table}_del after delete on ${table} begin ${SQLITE_BUMP('old.org_id')} end`);
    }
    out.push(`create trigger org_version_${table}_upd after update on ${table} begin ${SQLITE_BUMP('new.org_id')} end`);
  }
  return out;
}

function postgresStatements(): string[] {
  const out = [
    // True only for the first org noted in the transaction (the list was empty): that row queues the
    // one deferred event. The list is ',1,5,' — one setting, not one per org, so a connection does
    // not accumulate a placeholder setting for every org it ever wrote.
    `create function org_version_note(org bigint) returns boolean language plpgsql as $fn$
declare
  seen text := coalesce(current_setting('${SETTING}', true), '');
begin
  if org is null or position(',' || org || ',' in seen) > 0 then
    return false;
  end if;
  perform set_config('${SETTING}', case when seen = '' then ',' else seen end || org || ',', true);
  return seen = '';
end
$fn$`,
    `create function org_version_note_user(uid bigint) returns boolean language plpgsql as $fn$
declare
  m record;
  first boolean := false;
begin
  for m in select org_id from org_membership where user_id = uid loop
    first := org_version_note(m.org_id) or first;
  end loop;
  return first;
end
$fn$`,
    // At commit. The list is emptied first: rows written after this (by another deferred trigger)
    // queue a new event, which PostgreSQL fires before the commit completes.
    `create function org_version_bump() returns trigger language plpgsql as $fn$
declare
  seen text := coalesce(current_setting('${SETTING}', true), '');
  ids bigint[];
begin
  if seen = '' then
    return null;
  end if;
  perform set_config('${SETTING}', '', true);
  ids := string_to_array(trim(both ',' from seen), ',')::bigint[];
  perform 1 from org_version where org_id = any(ids) order by org_id for update;
  update org_version set version = version + 1 where org_id = any(ids);
  return null;
end
$fn$`,
    `create function org_version_new_org() returns trigger language plpgsql as $fn$
begin
  insert into org_version (org_id, version) values (new.org_id, 0);
  return null;
end
$fn$`,
    `create trigger org_version_org_new after insert on org for each row execute function org_version_new_org()`,
    `create constraint trigger org_version_app_user_upd after update of name on app_user deferrable initially deferred
       for each row when (org_version_note_user(new.user_id)) execute function org_version_bump()`,
  ];
  for (const table of ORG_TABLES) {
    const ops = table === 'org' ? 'update' : 'insert or update';
    out.push(`create constraint trigger org_version_${table}_upd after ${ops} on ${table} deferrable initially deferred
       for each row when (org_version_note(new.org_id)) execute function org_version_bump()`);
    if (table !== 'org') {
      out.push(`create constraint trigger org_version_${table}_del after delete on ${table} deferrable initially deferred
         for each row when (org_version_note(old.org_id)) execute function org_version_bump()`);
    }
  }
  return out;
}

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('org_version')
    .addColumn('org_id', refType(engine), (c) => c.primaryKey().references('org.org_id').onDelete('cascade'))
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into org_version (org_id, version) select org_id, 0 from org`.execute(db);
  for (const statement of engine === 'sqlite' ? sqliteStatements() : postgresStatements()) await sql.raw(statement).execute(db);
}
