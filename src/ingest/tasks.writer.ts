/**
 * The one place ingestion writes workflow task rows. Ingestion inserts tasks set-based (hundreds per
 * statement) inside its own transaction, so anything that must change with every new task — e.g. the
 * workflow module's pre-aggregated counters — hooks in here, in the same transaction.
 */
import type { Trx } from '../db/create-db.js';
import type { NewRow } from '../db/types.js';
import { statementParts } from '../db/statement-parts.js';

/** Rows per INSERT: 40 columns × 512 rows stays under SQLite's 32,766 bound parameters. */
const TASK_CHUNK = 512;

export async function insertTasks(trx: Trx, rows: Array<NewRow<'workflow_tasks'>>): Promise<void> {
  for (const part of statementParts(rows, TASK_CHUNK)) await trx.insertInto('workflow_tasks').values(part).execute();
}
