import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Engine } from './migrations/helpers.js';
import { MIGRATIONS } from './migrations/index.js';

class RecordMigrationProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, mod] of Object.entries(MIGRATIONS)) {
      out[name] = {
        up: (db) => mod.up(db, this.engine),
        ...(mod.down ? { down: (db: Kysely<any>) => mod.down!(db, this.engine) } : {}),
      };
    }
    return out;
  }
}

async function migrator(db: Kysely<any>, engine: Engine): Promise<Migrator> {
  // Kysely's Migrator takes its own lock (a lock table row; LOCK TABLE on PostgreSQL), so several
  // processes starting at once migrate once and the rest wait.
  // On PostgreSQL it decides whether its tables exist by introspecting EVERY schema: another schema's
  // kysely_migration_lock (a concurrent test file, another tenant database) made it skip creating
  // ours and fail with "relation does not exist". Pin it to the schema this handle resolves to.
  const migrationTableSchema =
    engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  return new Migrator({ db, provider: new RecordMigrationProvider(engine), ...(migrationTableSchema ? { migrationTableSchema } : {}) });
}

export async function migrateToLatest(db: Kysely<any>, engine: Engine): Promise<string[]> {
  const { error, results }: MigrationResultSet = await (await migrator(db, engine)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const err = new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message ?? error}`);
    (err as Error & { cause: unknown }).cause = error;
    throw err;
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied. */
export async function isMigrated(db: Kysely<any>, engine: Engine): Promise<boolean> {
  const list = await (await migrator(db, engine)).getMigrations();
  return list.every((m) => m.executedAt !== undefined);
}
