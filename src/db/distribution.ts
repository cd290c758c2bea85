/**
 * How the schema would be distributed (Citus, #21): every tenant table by org_id, whose primary key
 * and unique constraints lead with it on PostgreSQL (migration 0027); the tables below span orgs
 * and would be reference tables (copied to every node). docs/contract.md lists the same tables with
 * the same reasons, and test/citus-ready.test.ts holds the catalog and the document to this list.
 */
export const DISTRIBUTION_COLUMN = 'org_id';

export const REFERENCE_TABLES: Readonly<Record<string, string>> = Object.freeze({
  org: 'the tenants themselves: every tenant table references it, and a few statements (the SLA workstream rules, retention) join it for every org',
  api_key: 'looked up by key_hash on every request before the org is known',
  app_user: 'a person is one row whatever orgs they belong to',
  org_membership: "read by user across orgs (sign-in, the org switcher) as well as by org",
  user_session: 'looked up by token_hash on every request before the org is known; a session moves between its user\'s orgs',
  user_token: 'invitations and resets are looked up by token_hash before any org is known; a reset has no org',
  oidc_identity: 'maps (issuer, subject) to a person, before any org is known',
  auth_failure: 'counts failed sign-ins per client address, before any org is known',
  work_event_feed: 'one row for the whole database (its feed epoch and how far retention has pruned the event feed), read by every realtime resume whatever the org',
  kysely_migration: 'the migrator\'s record of applied migrations, not data',
  kysely_migration_lock: 'the migrator\'s lock row, not data',
});
