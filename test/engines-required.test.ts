import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { testEngines } from './helpers/engines.js';

/**
 * CI must run the PostgreSQL half: when REQUIRE_POSTGRES is set (by .ci/run) a missing or
 * unreachable TEST_DATABASE_URL fails the suite instead of silently running SQLite only.
 */
describe('engine coverage', () => {
  it.runIf(process.env.REQUIRE_POSTGRES)('runs the PostgreSQL half when it is required', async () => {
    expect(process.env.TEST_DATABASE_URL, 'TEST_DATABASE_URL must be set').toBeTruthy();
    expect(testEngines().map((e) => e.name)).toEqual(['sqlite', 'postgres']);
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
    await client.connect();
    const res = await client.query('select 1 as ok');
    await client.end();
    expect(res.rows[0].ok).toBe(1);
  });

  it('always runs SQLite', () => {
    expect(testEngines()[0]!.name).toBe('sqlite');
  });
});
