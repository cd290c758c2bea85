import { sql } from 'kysely';
import type { Database } from './create-db.js';
import type { DB } from './types.js';

type Table = keyof DB & string;

/** Below this many rows written, a table's statistics are not looked at (one message through the API). */
const MIN_ROWS = 128;

/**
 * Keeps the planner's statistics of the tables a bulk write grows (ingestion) in step with them:
 * once the rows a batch wrote to a table reach what the statistics say it holds, ANALYZE it.
 * PostgreSQL only; on SQLite it does nothing.
 *
 * Why: every foreign-key check is a statement PostgreSQL plans once per connection and caches until
 * the table's statistics change. Planned while the parent table is new or small and never analysed
 * (a first import; autovacuum looks at most once a minute, and not at all when it is off), the
 * check on workflow_tasks (org_id, task_id) ties on cost between the primary key and the other
 * (org_id, …) indexes, and may take one of those: each child row (status history, thread row) then
 * reads every task of the org. Measured on a 10,000-message import into a new schema:
 * 7.2 s of its 14 s in those two checks, growing with each chunk (14 → 190 ms per statement). One
 * ANALYZE (a sample; milliseconds) gives the planner the org's size, and the plans are made again
 * on the primary key. A table that already holds more rows than the batch adds is never analysed:
 * a statistics lookup (one catalog row) each time the batch has written four times as many rows.
 *
 * The checks and refreshes run on another connection of the pool, one at a time, never awaited by
 * the writer; `settle()` waits for the one under way (a batch's end).
 */
export class GrownTables {
  private readonly written = new Map<Table, number>();
  private readonly nextLook = new Map<Table, number>();
  private pending: Promise<void> = Promise.resolve();

  private constructor(private readonly database: Database) {}

  /** A tracker for one batch's writes; undefined where statistics need no care (SQLite). */
  static for(database: Database): GrownTables | undefined {
    return database.engine === 'postgres' ? new GrownTables(database) : undefined;
  }

  /** `rows` more rows committed to `table`. */
  wrote(table: Table, rows: number): void {
    const written = (this.written.get(table) ?? 0) + rows;
    this.written.set(table, written);
    if (written < (this.nextLook.get(table) ?? MIN_ROWS)) return;
    // Not looked at again before the batch has written three times as many rows more.
    this.nextLook.set(table, 4 * written);
    this.pending = this.pending.then(() => this.refreshIfBehind(table, written)).catch(() => {
      // Statistics are an optimisation: a failure (the database going away) is the next write's to report.
    });
  }

  /** Waits for the statistics work under way. */
  settle(): Promise<void> {
    return this.pending;
  }

  private async refreshIfBehind(table: Table, written: number): Promise<void> {
    const { rows } = await sql<{ n: number }>`select greatest(reltuples, 0)::float8 as n from pg_class where oid = to_regclass(${table})`.execute(this.database.db);
    const known = rows[0]?.n ?? 0;
    if (written >= known) await this.database.refreshStatistics(table);
  }
}
