/**
 * Before the NUL guard, a task's entities could be stored holding the JSON escape \u0000 (PostgreSQL
 * kept it as text; SQLite too). PostgreSQL's jsonb refuses that escape, so entity search over such a
 * row failed. Those rows are rewritten once with the NUL characters dropped. Rows whose text is not
 * JSON at all are left as they are (only direct SQL can write those; SQLite's search skips them,
 * PostgreSQL's fails on them).
 *
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';

const NUL = '\u0000';

/** Whether the JSON value holds a NUL anywhere (strings or keys). */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => k.includes(NUL) || holdsNul(v));
  return false;
}

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
    // Only rows that really hold one: re-serialising others could change them (big integers, "U0000-12").
    if (!holdsNul(parsed)) continue;
    const cleaned = JSON.stringify(withoutNul(parsed));
    await db.updateTable('workflow_tasks').set({ entities: cleaned }).where('org_id', '=', row.org_id).where('task_id', '=', row.task_id).execute();
  }
}
