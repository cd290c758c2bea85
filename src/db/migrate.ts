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

/**
 * Kysely's Migrator checks for its tables by introspecting every schema (has_schema_privilege on
 * each name), which fails with "schema … does not exist" (3F000) when another schema is dropped at
 * that instant — e.g. other test files or tenants dropping theirs on the same database. Such an
 * error says nothing about ours: retry a few times.
 */
async function withSchemaRaceRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await fn();
      const error = (r as { error?: unknown }).error;
      if (attempt < 5 && isDroppedSchemaRace(error)) continue;
      return r;
    } catch (e) {
      if (attempt < 5 && isDroppedSchemaRace(e)) continue;
      throw e;
    }
  }
}

function isDroppedSchemaRace(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '3F000';
}

export async function migrateToLatest(db: Kysely<any>, engine: Engine): Promise<string[]> {
  const { error, results }: MigrationResultSet = await withSchemaRaceRetry(async () => (await migrator(db, engine)).migrateToLatest());
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
  const list = await withSchemaRaceRetry(async () => (await migrator(db, engine)).getMigrations());
  return list.every((m) => m.executedAt !== undefined);
}

export interface MigrationState {
  name: string;
  /** When it ran, or null while it is pending. */
  executed_at: string | null;
}

/** Every migration this version knows, applied or pending, without applying anything. */
export async function migrationStatus(db: Kysely<any>, engine: Engine): Promise<MigrationState[]> {
  const list = await withSchemaRaceRetry(async () => (await migrator(db, engine)).getMigrations());
  return list.map((m) => ({ name: m.name, executed_at: m.executedAt ? m.executedAt.toISOString() : null }));
}
