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
  // On PostgreSQL its "does the migration table exist" check looks at every schema, so a
  // kysely_migration table in another schema would be mistaken for ours: pin it to current_schema().
  let migrationTableSchema: string | undefined;
  if (engine === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({
    db,
    provider: new RecordMigrationProvider(engine),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
    // Migration numbers are handed out to parallel branches, so one can land after a higher number
    // already ran (0002 after 0003–0006): apply it then instead of refusing the database as corrupt.
    allowUnorderedMigrations: true,
  });
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
