/**
 * Benchmarks run on both engines in the same run: a temp SQLite file, and a fresh schema on
 * PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the machine's local server).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../../src/db/create-db.js';

export interface BenchDb {
  name: 'sqlite' | 'postgres';
  database: Database;
  /** A DATABASE_URL for child processes reaching the same data. */
  url: string;
  drop(): Promise<void>;
}

export function pgUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export function benchEngines(): Array<'sqlite' | 'postgres'> {
  const only = process.env.BENCH_ENGINES;
  return only ? (only.split(',') as Array<'sqlite' | 'postgres'>) : ['sqlite', 'postgres'];
}

export async function openBenchDb(name: 'sqlite' | 'postgres', poolSize = 10): Promise<BenchDb> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'flowledger-bench-'));
    const url = `sqlite:${join(dir, 'bench.db')}`;
    const database = createDatabase(url);
    await database.migrate();
    return {
      name,
      database,
      url,
      async drop() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = pgUrl();
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = createDatabase(base, { schema, poolSize });
  await database.migrate();
  return {
    name,
    database,
    url: `${base}${base.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}
