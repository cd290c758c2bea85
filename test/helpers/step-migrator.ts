/**
 * A Kysely Migrator over the app's migrations for one engine, for upgrade tests: migrate to a
 * landed migration, write rows in the schema of that day, then migrate on and check what the later
 * migrations did with them.
 */
import { Migrator, type Kysely, type Migration } from 'kysely';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import type { Engine } from '../../src/db/migrations/helpers.js';

export function stepMigrator(db: Kysely<any>, engine: Engine, schema?: string): Migrator {
  const migrations: Record<string, Migration> = Object.fromEntries(Object.entries(MIGRATIONS).map(([n, m]) => [n, { up: (k) => m.up(k, engine) }]));
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}
