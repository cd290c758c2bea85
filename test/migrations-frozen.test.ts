/**
 * Landed migrations mean the same thing forever: 0002 and 0003 run exactly the statements they ran
 * when they landed, and a fresh fully migrated database has exactly the recorded schema.
 *
 * The fixtures in test/fixtures/migrations/ were written by
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx test/fixtures/migrations/capture.ts
 *
 * The statement fixtures (000N.<engine>.sql) were captured once, from 0002 and 0003 as they stood
 * while they still built their SQL from app code; they must never be regenerated (the script
 * refuses to overwrite one that differs). The schema fixtures (schema.<engine>.txt) cover every
 * migration, so a new migration regenerates them (and the diff shows what it changed). The
 * PostgreSQL schema text is pg_get_*def output of the server it was written on (PostgreSQL 15).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations/index.js';
import {
  CAPTURED_MIGRATIONS,
  captureMigrationStatements,
  readFixture,
  schemaFixture,
  schemaSnapshot,
  statementsFixture,
  type CapturedMigration,
} from './fixtures/migrations/capture.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';

const MIGRATIONS_DIR = new URL('../src/db/migrations/', import.meta.url);

/** Every module a file imports or re-exports from, statically or dynamically. */
function importedModules(file: URL): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\b(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
}

describe('migration imports', () => {
  it('lets every migration import nothing but kysely and ./helpers.js, and helpers.ts nothing but kysely', () => {
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(files).toContain('0002_workstream_views.ts');
    for (const file of files) {
      const allowed = file === 'helpers.ts' ? ['kysely'] : ['kysely', './helpers.js'];
      expect(importedModules(new URL(file, MIGRATIONS_DIR)).filter((m) => !allowed.includes(m)), file).toEqual([]);
    }
  });
});

describeEachEngine('landed migrations stay as they landed', (engine) => {
  let empty: TestDatabase;
  let migrated: TestDatabase;
  let scratch: TestDatabase;

  beforeAll(async () => {
    [empty, migrated, scratch] = await Promise.all([
      openTestDatabase(engine, { migrate: false }),
      openTestDatabase(engine),
      openTestDatabase(engine, { migrate: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([empty?.drop(), migrated?.drop(), scratch?.drop()]);
  });

  it('runs, in 0002 and 0003, byte for byte the statements and parameters recorded when they landed', async () => {
    const captured = await captureMigrationStatements(empty.database);
    for (const name of Object.keys(CAPTURED_MIGRATIONS) as CapturedMigration[]) {
      expect(captured[name], name).toBe(readFixture(statementsFixture(name, engine.name)));
    }
  });

  it('gives a fresh fully migrated database exactly the recorded schema objects', async () => {
    expect(await schemaSnapshot(migrated.database)).toBe(readFixture(schemaFixture(engine.name)));
  });

  it("undoes 0002's up with its down, leaving the schema as 0001 made it", async () => {
    const { database } = scratch;
    await MIGRATIONS['0001_initial_schema']!.up(database.db, engine.name);
    const before = await schemaSnapshot(database);
    await MIGRATIONS['0002_workstream_views']!.up(database.db, engine.name);
    expect(await schemaSnapshot(database)).not.toBe(before);
    await MIGRATIONS['0002_workstream_views']!.down!(database.db, engine.name);
    expect(await schemaSnapshot(database)).toBe(before);
  });
});
