/**
 * Landed migrations mean the same thing forever: 0002 and 0003 run exactly the statements they ran
 * when they landed, and a fresh fully migrated database has exactly the recorded schema.
 *
 * The fixtures in test/fixtures/migrations/ were written by
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx test/fixtures/migrations/capture.ts
 *
 * The statement fixtures (000N.<engine>.sql) were captured once, from 0002 and 0003 as they stood
 * while they still built their SQL from app code; they must never be regenerated. The schema
 * fixtures (schema.<engine>.txt) cover every migration, so a new migration regenerates them (and
 * the diff shows what it changed). The PostgreSQL schema text is pg_get_*def output of the server
 * it was written on (PostgreSQL 15).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
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

describeEachEngine('landed migrations stay as they landed', (engine) => {
  let empty: TestDatabase;
  let migrated: TestDatabase;

  beforeAll(async () => {
    [empty, migrated] = await Promise.all([openTestDatabase(engine, { migrate: false }), openTestDatabase(engine)]);
  });
  afterAll(async () => {
    await Promise.all([empty?.drop(), migrated?.drop()]);
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
});
