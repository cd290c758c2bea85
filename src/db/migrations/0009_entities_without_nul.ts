/**
 * Before the NUL guard, a task's entities could be stored holding the JSON escape \u0000 (PostgreSQL
 * kept it as text; SQLite too). PostgreSQL's jsonb refuses that escape, so entity search over such a
 * row failed. Those rows are rewritten once with the NUL characters dropped; rows whose text is not
 * JSON at all are left as they are (search skips them).
 *
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';

const NUL = '\u0000';

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll(NUL, '');
  if (Array.isArray(value)) return value.map(withoutNul);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replaceAll(NUL, ''), withoutNul(v)]));
  }
  return value;
}

export async function up(db: Kysely<any>): Promise<void> {
  // 'u0000' without its backslash: LIKE treats backslash differently on the two engines.
  const rows = await db.selectFrom('workflow_tasks').select(['org_id', 'task_id', 'entities']).where('entities', 'like', '%u0000%').execute();
  for (const row of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.entities as string);
    } catch {
      continue;
    }
    const cleaned = JSON.stringify(withoutNul(parsed));
    if (cleaned === row.entities) continue;
    await db.updateTable('workflow_tasks').set({ entities: cleaned }).where('org_id', '=', row.org_id).where('task_id', '=', row.task_id).execute();
  }
}
