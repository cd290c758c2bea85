/**
 * SLA engine: each open task carries the next instant its SLA state can change (sla_next_at),
 * computed with its rule's business calendar when the task is written. The monitor then only reads
 * the tasks whose moment has come — an index range scan — so a pass costs what changes, not what
 * exists. Also seeds every org's default task rules (by priority), editable through the API.
 *
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';
import { dbNow, refType, tsType, type Engine } from './helpers.js';

export const DEFAULT_PRIORITY_HOURS_0006: Record<string, number> = { CRITICAL: 4, HIGH: 8, MEDIUM: 24, NORMAL: 48 };

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ts = tsType(engine);
  await db.schema.alterTable('workflow_tasks').addColumn('sla_warn_at', ts).execute();
  await db.schema.alterTable('workflow_tasks').addColumn('sla_next_at', ts).execute();
  await db.schema.alterTable('workflow_tasks').addColumn('sla_rule_id', refType(engine)).execute();
  await db.schema
    .createIndex('workflow_tasks_sla_next_idx')
    .on('workflow_tasks')
    .columns(['sla_next_at'])
    .where(sql.ref('sla_next_at'), 'is not', null)
    .execute();
  // proposal_sla looks for early-stage pursuits older than a cutoff.
  await db.schema
    .createIndex('pursuit_org_stage_created_idx')
    .on('pursuit')
    .columns(['org_id', 'pursuit_stage', 'created_at'])
    .execute();
  await db.schema
    .createIndex('sla_breach_org_open_idx')
    .on('sla_breach')
    .columns(['org_id', 'rule_id', 'item_id'])
    .where(sql.ref('resolved_at'), 'is', null)
    .execute();

  for (const [priority, hours] of Object.entries(DEFAULT_PRIORITY_HOURS_0006)) {
    await sql`
      insert into sla_rule (org_id, metric, threshold_hrs, warn_pct, is_active, created_at, updated_at)
      select org_id, ${`priority:${priority}`}, ${hours}, 75, ${engine === 'sqlite' ? sql.raw('1') : sql.raw('true')}, ${dbNow(engine)}, ${dbNow(engine)}
      from org`.execute(db);
  }
}
