/**
 * Migrations are listed in code, not discovered on disk: Kysely's FileMigrationProvider cannot load
 * .ts files under vitest, and an explicit record works the same under vitest, tsx and dist/.
 * Append new migrations here; never edit or reorder landed ones.
 */
import type { MigrationModule } from './helpers.js';
import * as m0001 from './0001_initial_schema.js';
import * as m0002 from './0002_workstream_views.js';
import * as m0003 from './0003_workflow_views.js';
import * as m0004 from './0004_outbox.js';
import * as m0006 from './0006_sla_engine.js';
import * as m0007 from './0007_ingest.js';
import * as m0008 from './0008_task_item_type.js';
import * as m0009 from './0009_entities_without_nul.js';
import * as m0010 from './0010_auth_failures.js';
import * as m0011 from './0011_retention.js';
import * as m0012 from './0012_secrets_at_rest.js';
import * as m0013 from './0013_mailboxes.js';
import * as m0014 from './0014_mailbox_sync_progress.js';
import * as m0015 from './0015_task_threads.js';
import * as m0016 from './0016_users.js';
import * as m0017 from './0017_task_owner_user.js';
import * as m0018 from './0018_teams_assignment.js';
import * as m0019 from './0019_comments.js';
import * as m0020 from './0020_notifications.js';
import * as m0021 from './0021_audit_trail_index.js';
import * as m0023 from './0023_idempotency_keys.js';
import * as m0024 from './0024_event_feed_xact.js';
import * as m0025 from './0025_org_version.js';
import * as m0026 from './0026_item_versions.js';
import * as m0027 from './0027_org_leading_keys.js';
import * as m0028 from './0028_outbox_queue.js';
import * as m0029 from './0029_task_list_indexes.js';
import * as m0030 from './0030_task_status_rank_index.js';

export const MIGRATIONS: Record<string, MigrationModule> = {
  '0001_initial_schema': m0001,
  '0002_workstream_views': m0002,
  '0003_workflow_views': m0003,
  '0004_outbox': m0004,
  '0006_sla_engine': m0006,
  '0007_ingest': m0007,
  '0008_task_item_type': m0008,
  '0009_entities_without_nul': m0009,
  '0010_auth_failures': m0010,
  '0011_retention': m0011,
  '0012_secrets_at_rest': m0012,
  '0013_mailboxes': m0013,
  '0014_mailbox_sync_progress': m0014,
  '0015_task_threads': m0015,
  '0016_users': m0016,
  '0017_task_owner_user': m0017,
  '0018_teams_assignment': m0018,
  '0019_comments': m0019,
  '0020_notifications': m0020,
  '0021_audit_trail_index': m0021,
  '0023_idempotency_keys': m0023,
  '0024_event_feed_xact': m0024,
  '0025_org_version': m0025,
  '0026_item_versions': m0026,
  '0027_org_leading_keys': m0027,
  '0028_outbox_queue': m0028,
  '0029_task_list_indexes': m0029,
  '0030_task_status_rank_index': m0030,
};
