/**
 * The whole schema of DESIGN.md on both engines. Every business table leads with org_id; unique
 * constraints and foreign keys include org_id (composite keys reference UNIQUE (org_id, id)), so a
 * tenant's rows stay together and could be sharded by org_id later.
 *
 * Frozen: once landed this file is never edited; later changes come as new migrations.
 */
import { sql, type Kysely } from 'kysely';
import {
  boolDefault,
  boolType,
  dbNow,
  idColumn,
  moneyType,
  realType,
  refType,
  tsType,
  type Engine,
} from './helpers.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  const ref = refType(engine);
  const bool = boolType(engine);
  const money = moneyType(engine);
  const real = realType(engine);
  const now = dbNow(engine);

  // ---------------------------------------------------------------- tenancy and auth
  await idColumn(engine, db.schema.createTable('org'), 'org_id')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD'))
    .addColumn('high_value_threshold', money, (c) => c.notNull().defaultTo(50000))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await idColumn(engine, db.schema.createTable('api_key'), 'key_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('name', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('last_used_at', ts)
    .addColumn('revoked_at', ts)
    .addCheckConstraint('api_key_role_check', sql`role in ('admin','member','viewer')`)
    .execute();
  await db.schema.createIndex('api_key_org_idx').on('api_key').columns(['org_id', 'key_id']).execute();

  // ---------------------------------------------------------------- workstream
  await idColumn(engine, db.schema.createTable('signal'), 'signal_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('snippet', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('client_id', 'text')
    .addColumn('ts', ts, (c) => c.notNull())
    .addColumn('problem_phrase', 'text')
    .addColumn('solution_hint', 'text')
    .addColumn('urgency_score', real)
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('cluster_id', 'text')
    .addColumn('owner_user_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('signal_org_id_uq', ['org_id', 'signal_id'])
    .addUniqueConstraint('signal_org_dedupe_uq', ['org_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('signal_org_ts_idx').on('signal').columns(['org_id', 'ts', 'signal_id']).execute();
  await db.schema.createIndex('signal_org_created_idx').on('signal').columns(['org_id', 'created_at']).execute();
  await db.schema
    .createIndex('signal_org_source_ts_idx')
    .on('signal')
    .columns(['org_id', 'source_type', 'ts'])
    .execute();

  await idColumn(engine, db.schema.createTable('candidate'), 'candidate_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('owner_user_id', 'text')
    .addColumn('last_touch_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('candidate_org_id_uq', ['org_id', 'candidate_id'])
    .addCheckConstraint(
      'candidate_status_check',
      sql`status in ('new','triaged','nurture','on_hold','promoted','archived')`,
    )
    .execute();
  await db.schema
    .createIndex('candidate_org_status_touch_idx')
    .on('candidate')
    .columns(['org_id', 'status', 'last_touch_at'])
    .execute();
  await db.schema.createIndex('candidate_org_created_idx').on('candidate').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('candidate_signal')
    .addColumn('org_id', ref, (c) => c.notNull())
    .addColumn('candidate_id', ref, (c) => c.notNull())
    .addColumn('signal_id', ref, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('candidate_signal_pk', ['org_id', 'candidate_id', 'signal_id'])
    .addForeignKeyConstraint('candidate_signal_candidate_fk', ['org_id', 'candidate_id'], 'candidate', ['org_id', 'candidate_id'], (f) => f.onDelete('cascade'))
    .addForeignKeyConstraint('candidate_signal_signal_fk', ['org_id', 'signal_id'], 'signal', ['org_id', 'signal_id'], (f) => f.onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('candidate_signal_signal_idx')
    .on('candidate_signal')
    .columns(['org_id', 'signal_id'])
    .execute();

  await idColumn(engine, db.schema.createTable('pursuit'), 'pursuit_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('candidate_id', ref, (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('pursuit_stage', 'text', (c) => c.notNull().defaultTo('qual'))
    .addColumn('due_date', ts)
    .addColumn('value', money)
    .addColumn('lost_reason', 'text')
    .addColumn('owner_user_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('pursuit_org_id_uq', ['org_id', 'pursuit_id'])
    // A candidate is promoted once (promoted is final), so it has at most one pursuit.
    .addUniqueConstraint('pursuit_org_candidate_uq', ['org_id', 'candidate_id'])
    .addForeignKeyConstraint('pursuit_candidate_fk', ['org_id', 'candidate_id'], 'candidate', ['org_id', 'candidate_id'], (f) => f.onDelete('cascade'))
    .addCheckConstraint('pursuit_stage_check', sql`pursuit_stage in ('qual','pink','red','submit','won','lost')`)
    .execute();
  await db.schema
    .createIndex('pursuit_org_stage_due_idx')
    .on('pursuit')
    .columns(['org_id', 'pursuit_stage', 'due_date'])
    .execute();
  await db.schema.createIndex('pursuit_org_created_idx').on('pursuit').columns(['org_id', 'created_at']).execute();

  await idColumn(engine, db.schema.createTable('proposal'), 'proposal_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('pursuit_id', ref, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('recipient_email', 'text')
    .addColumn('subject', 'text')
    .addColumn('doc_url', 'text')
    .addColumn('body', 'text')
    .addColumn('message_id', 'text')
    .addColumn('sent_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('proposal_org_id_uq', ['org_id', 'proposal_id'])
    .addUniqueConstraint('proposal_org_pursuit_version_uq', ['org_id', 'pursuit_id', 'version'])
    .addForeignKeyConstraint('proposal_pursuit_fk', ['org_id', 'pursuit_id'], 'pursuit', ['org_id', 'pursuit_id'], (f) => f.onDelete('cascade'))
    .addCheckConstraint('proposal_status_check', sql`status in ('draft','sent','accepted','rejected')`)
    .execute();

  await idColumn(engine, db.schema.createTable('pursuit_checklist'), 'item_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('pursuit_id', ref, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_required', bool, (c) => c.notNull().defaultTo(boolDefault(engine, true)))
    .addColumn('is_done', bool, (c) => c.notNull().defaultTo(boolDefault(engine, false)))
    .addColumn('done_at', ts)
    .addColumn('done_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('pursuit_checklist_org_id_uq', ['org_id', 'item_id'])
    .addUniqueConstraint('pursuit_checklist_name_uq', ['org_id', 'pursuit_id', 'name'])
    .addForeignKeyConstraint('pursuit_checklist_pursuit_fk', ['org_id', 'pursuit_id'], 'pursuit', ['org_id', 'pursuit_id'], (f) => f.onDelete('cascade'))
    .execute();

  // ---------------------------------------------------------------- SLA
  await idColumn(engine, db.schema.createTable('sla_rule'), 'rule_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    // triage_sla | proposal_sla | submit_sla, or a workflow category / priority key.
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('threshold_hrs', real, (c) => c.notNull())
    .addColumn('warn_pct', real, (c) => c.notNull().defaultTo(75))
    .addColumn('is_active', bool, (c) => c.notNull().defaultTo(boolDefault(engine, true)))
    // Optional business-hours calendar: {"time_zone","days","start","end","holidays"} as JSON text.
    .addColumn('calendar_json', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('sla_rule_org_id_uq', ['org_id', 'rule_id'])
    .addCheckConstraint('sla_rule_threshold_check', sql`threshold_hrs > 0`)
    .addCheckConstraint('sla_rule_warn_check', sql`warn_pct > 0 and warn_pct <= 100`)
    .execute();
  await db.schema.createIndex('sla_rule_org_metric_idx').on('sla_rule').columns(['org_id', 'metric']).execute();

  await idColumn(engine, db.schema.createTable('sla_breach'), 'breach_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('item_type', 'text', (c) => c.notNull())
    // Text so it holds both integer ids and workflow task ids.
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', ref, (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('breached_at', ts, (c) => c.notNull())
    .addColumn('resolved_at', ts)
    .addUniqueConstraint('sla_breach_org_id_uq', ['org_id', 'breach_id'])
    .execute();
  // At most one unresolved breach per (org, item, rule), enforced by the database.
  await db.schema
    .createIndex('sla_breach_open_uq')
    .on('sla_breach')
    .columns(['org_id', 'item_type', 'item_id', 'rule_id'])
    .unique()
    .where(sql.ref('resolved_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('sla_breach_org_item_idx')
    .on('sla_breach')
    .columns(['org_id', 'item_type', 'item_id'])
    .execute();
  await db.schema
    .createIndex('sla_breach_org_breached_idx')
    .on('sla_breach')
    .columns(['org_id', 'breached_at'])
    .execute();

  // ---------------------------------------------------------------- webhooks
  await idColumn(engine, db.schema.createTable('webhook_endpoint'), 'webhook_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    // JSON array of event names or patterns ("pursuit.*"); empty = all events.
    .addColumn('events_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_active', bool, (c) => c.notNull().defaultTo(boolDefault(engine, true)))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('webhook_endpoint_org_id_uq', ['org_id', 'webhook_id'])
    .execute();

  await idColumn(engine, db.schema.createTable('webhook_delivery'), 'delivery_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('webhook_id', ref, (c) => c.notNull())
    .addColumn('work_event_id', ref, (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('succeeded', bool, (c) => c.notNull().defaultTo(boolDefault(engine, false)))
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addForeignKeyConstraint('webhook_delivery_webhook_fk', ['org_id', 'webhook_id'], 'webhook_endpoint', ['org_id', 'webhook_id'], (f) => f.onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('webhook_delivery_webhook_idx')
    .on('webhook_delivery')
    .columns(['org_id', 'webhook_id', 'delivery_id'])
    .execute();
  await db.schema
    .createIndex('webhook_delivery_event_idx')
    .on('webhook_delivery')
    .columns(['org_id', 'webhook_id', 'work_event_id'])
    .execute();

  // ---------------------------------------------------------------- work events = activity log + outbox
  await idColumn(engine, db.schema.createTable('work_event'), 'work_event_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('event_name', 'text', (c) => c.notNull())
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('actor', 'text')
    .addColumn('happened_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('claimed_at', ts)
    .addColumn('claimed_by', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts)
    .addColumn('last_error', 'text')
    .addColumn('processed_at', ts)
    .addColumn('dead_letter_at', ts)
    .execute();
  await db.schema
    .createIndex('work_event_org_item_idx')
    .on('work_event')
    .columns(['org_id', 'item_type', 'item_id', 'work_event_id'])
    .execute();
  await db.schema
    .createIndex('work_event_org_id_idx')
    .on('work_event')
    .columns(['org_id', 'work_event_id'])
    .execute();
  // The outbox queue: only unfinished events are indexed, so the index stays small as history grows.
  await db.schema
    .createIndex('work_event_pending_idx')
    .on('work_event')
    .columns(['work_event_id'])
    .where(sql.ref('processed_at'), 'is', null)
    .execute();

  // ---------------------------------------------------------------- workflow intelligence
  await db.schema
    .createTable('workflow_patterns')
    .$call((t) => idColumn(engine, t, 'pattern_id'))
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('example_subject', 'text')
    .addColumn('occurrences', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_seen', ts, (c) => c.notNull())
    .addColumn('last_seen', ts, (c) => c.notNull())
    .addColumn('avg_resolution_hrs', real)
    .addUniqueConstraint('workflow_patterns_org_id_uq', ['org_id', 'pattern_id'])
    .addUniqueConstraint('workflow_patterns_signature_uq', ['org_id', 'signature'])
    .execute();
  await db.schema
    .createIndex('workflow_patterns_occ_idx')
    .on('workflow_patterns')
    .columns(['org_id', 'occurrences'])
    .execute();

  await db.schema
    .createTable('workflow_tasks')
    .addColumn('task_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('workflow_category', 'text', (c) => c.notNull())
    .addColumn('task_status', 'text', (c) => c.notNull().defaultTo('GREEN'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('NORMAL'))
    .addColumn('current_owner', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('dollar_value', money, (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD'))
    .addColumn('sla_deadline', ts)
    .addColumn('sla_status', 'text', (c) => c.notNull().defaultTo('ok'))
    .addColumn('sla_paused_at', ts)
    .addColumn('sla_warned_at', ts)
    .addColumn('sla_breached_at', ts)
    .addColumn('entities', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('customer_name', 'text')
    .addColumn('po_number', 'text')
    .addColumn('quote_number', 'text')
    .addColumn('source_type', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('source_message_id', 'text')
    .addColumn('source_sender', 'text')
    .addColumn('source_subject', 'text')
    .addColumn('source_received_at', ts)
    .addColumn('signal_id', ref)
    .addColumn('pattern_id', ref)
    .addColumn('category_reason', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('first_response_at', ts)
    .addColumn('completed_at', ts)
    .addColumn('resolution_hours', real)
    .addUniqueConstraint('workflow_tasks_org_id_uq', ['org_id', 'task_id'])
    .addForeignKeyConstraint('workflow_tasks_signal_fk', ['org_id', 'signal_id'], 'signal', ['org_id', 'signal_id'], (f) => f.onDelete('set null'))
    .addForeignKeyConstraint('workflow_tasks_pattern_fk', ['org_id', 'pattern_id'], 'workflow_patterns', ['org_id', 'pattern_id'], (f) => f.onDelete('set null'))
    .addCheckConstraint('workflow_tasks_status_check', sql`task_status in ('RED','YELLOW','GREEN','COMPLETED')`)
    .addCheckConstraint('workflow_tasks_priority_check', sql`priority in ('CRITICAL','HIGH','MEDIUM','NORMAL')`)
    .addCheckConstraint('workflow_tasks_sla_status_check', sql`sla_status in ('ok','warning','breached')`)
    .addCheckConstraint('workflow_tasks_source_type_check', sql`source_type in ('email','manual','api')`)
    .execute();
  for (const [name, cols] of [
    ['workflow_tasks_org_created_idx', ['org_id', 'created_at']],
    ['workflow_tasks_org_updated_idx', ['org_id', 'updated_at']],
    ['workflow_tasks_org_status_deadline_idx', ['org_id', 'task_status', 'sla_deadline']],
    ['workflow_tasks_org_category_status_idx', ['org_id', 'workflow_category', 'task_status']],
    ['workflow_tasks_org_owner_status_idx', ['org_id', 'current_owner', 'task_status']],
    ['workflow_tasks_org_deadline_idx', ['org_id', 'sla_deadline']],
    ['workflow_tasks_org_value_idx', ['org_id', 'dollar_value']],
    ['workflow_tasks_org_source_msg_idx', ['org_id', 'source_message_id']],
    ['workflow_tasks_org_pattern_idx', ['org_id', 'pattern_id']],
  ] as const) {
    await db.schema.createIndex(name).on('workflow_tasks').columns([...cols]).execute();
  }

  await idColumn(engine, db.schema.createTable('workflow_status_history'), 'history_id')
    .addColumn('org_id', ref, (c) => c.notNull().references('org.org_id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('changed_at', ts, (c) => c.notNull())
    .addForeignKeyConstraint('workflow_status_history_task_fk', ['org_id', 'task_id'], 'workflow_tasks', ['org_id', 'task_id'], (f) => f.onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('workflow_status_history_task_idx')
    .on('workflow_status_history')
    .columns(['org_id', 'task_id', 'history_id'])
    .execute();
  await db.schema
    .createIndex('workflow_status_history_changed_idx')
    .on('workflow_status_history')
    .columns(['org_id', 'changed_at'])
    .execute();
}
