/**
 * Every integration test runs once per engine: SQLite always, PostgreSQL when TEST_DATABASE_URL is
 * set (CI sets it and fails if PostgreSQL is unreachable, rather than skipping). Each test file gets
 * a fresh database: a temp SQLite file, or a fresh PostgreSQL schema dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { createDatabase, type Database, type Engine } from '../../src/db/create-db.js';

export interface TestEngine {
  name: Engine;
  /** PostgreSQL: the server url (the schema comes separately). */
  url: string;
}

export function testEngines(): TestEngine[] {
  const list: TestEngine[] = [{ name: 'sqlite', url: 'sqlite:' }];
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) list.push({ name: 'postgres', url: pgUrl });
  return list;
}

export function describeEachEngine(title: string, body: (engine: TestEngine) => void): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine.name}]`, () => body(engine));
  }
}

export interface TestDatabase {
  database: Database;
  /** The DATABASE_URL another process would use to reach the same data (SQLite file path). */
  url: string;
  /** PostgreSQL schema name, for other processes (search_path). */
  schema?: string;
  /** The DATABASE_URL a child process (CLI, worker) uses for this data: on PostgreSQL it carries the schema. */
  processUrl: string;
  /** Opens another handle on the same data (a second "process" within a test). */
  reopen(): Database;
  drop(): Promise<void>;
}

export async function openTestDatabase(engine: TestEngine, opts: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  let result: TestDatabase;
  if (engine.name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'flowledger-test-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const database = createDatabase(url);
    result = {
      database,
      url,
      processUrl: url,
      reopen: () => createDatabase(url),
      async drop() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } else {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: engine.url });
    await admin.connect();
    try {
      await admin.query(`create schema ${schema}`);
    } finally {
      await admin.end();
    }
    const database = createDatabase(engine.url, { schema, poolSize: opts.poolSize ?? 10 });
    result = {
      database,
      url: engine.url,
      schema,
      processUrl: `${engine.url}${engine.url.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`,
      reopen: () => createDatabase(engine.url, { schema, poolSize: opts.poolSize ?? 10 }),
      async drop() {
        await database.close();
        const c = new pg.Client({ connectionString: engine.url });
        await c.connect();
        try {
          await c.query(`drop schema if exists ${schema} cascade`);
        } finally {
          await c.end();
        }
      },
    };
  }
  if (opts.migrate !== false) await result.database.migrate();
  return result;
}
