/**
 * Ready for Citus (#21): on PostgreSQL every table that is not a reference table could be
 * distributed by org_id — its primary key and every unique constraint or index lead with org_id, and
 * its foreign keys to other tenant tables carry org_id — and docs/contract.md names the same
 * reference tables as src/db/distribution.ts, each with a reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DISTRIBUTION_COLUMN, REFERENCE_TABLES } from '../src/db/distribution.js';
import { openTestDatabase, testEngines } from './helpers/engines.js';

const pgEngine = testEngines().find((e) => e.name === 'postgres');

/** The reference tables docs/contract.md lists, with the reason written beside each. */
function documentedReferenceTables(): Map<string, string> {
  const doc = readFileSync(new URL('../docs/contract.md', import.meta.url), 'utf8');
  const start = doc.indexOf('**Reference tables.**');
  expect(start, 'docs/contract.md has a "Reference tables." paragraph').toBeGreaterThan(-1);
  const out = new Map<string, string>();
  for (const line of doc.slice(start).split('\n').slice(1)) {
    if (line.trim() === '') {
      if (out.size > 0) break;
      continue;
    }
    const m = /^- `([a-z_]+)`: (.+)$/.exec(line);
    if (!m) break;
    out.set(m[1]!, m[2]!);
  }
  return out;
}

describe('reference tables', () => {
  it('docs/contract.md lists exactly the reference tables of src/db/distribution.ts, each with a reason', () => {
    const documented = documentedReferenceTables();
    expect([...documented.keys()].sort()).toEqual(Object.keys(REFERENCE_TABLES).sort());
    for (const [table, reason] of documented) expect(reason.length, `${table} has a reason`).toBeGreaterThan(20);
  });
});

(pgEngine ? describe : describe.skip)('distribution by org_id [postgres]', () => {
  it('every non-reference table has a primary key, and it and every unique index lead with org_id; foreign keys between them carry org_id', async () => {
    const tdb = await openTestDatabase(pgEngine!, { poolSize: 2 });
    try {
      const db = tdb.database.db;
      const tables = (await sql<{ table: string }>`
        select c.relname as table from pg_class c
        where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')`.execute(db)).rows.map((r) => r.table);
      const distributed = tables.filter((t) => !(t in REFERENCE_TABLES)).sort();
      expect(distributed).toContain('workflow_tasks');
      expect(distributed).toContain('work_event');
      // A reference table that no longer exists is a stale list.
      for (const t of Object.keys(REFERENCE_TABLES)) expect(tables, `reference table ${t} exists`).toContain(t);

      const keys = (await sql<{ table: string; index: string; primary: boolean; first: string; predicate: string | null }>`
        select t.relname as table, i.relname as index, x.indisprimary as primary,
          a.attname as first, pg_get_expr(x.indpred, x.indrelid) as predicate
        from pg_index x
        join pg_class t on t.oid = x.indrelid
        join pg_class i on i.oid = x.indexrelid
        left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
        where t.relnamespace = current_schema()::regnamespace and x.indisunique`.execute(db)).rows;
      const problems: string[] = [];
      for (const table of distributed) {
        if (!keys.some((k) => k.table === table && k.primary)) problems.push(`${table}: no primary key`);
      }
      for (const k of keys) {
        if (distributed.includes(k.table) && k.first !== DISTRIBUTION_COLUMN) problems.push(`${k.table}: unique index ${k.index} leads with ${k.first ?? 'an expression'}`);
      }

      const fks = (await sql<{ table: string; name: string; referenced: string; pairs: string[] }>`
        select t.relname as table, c.conname as name, r.relname as referenced,
          array(select a.attname || '=' || b.attname
                from unnest(c.conkey, c.confkey) as k(ck, fk)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.ck
                join pg_attribute b on b.attrelid = c.confrelid and b.attnum = k.fk) as pairs
        from pg_constraint c
        join pg_class t on t.oid = c.conrelid
        join pg_class r on r.oid = c.confrelid
        where c.contype = 'f' and t.relnamespace = current_schema()::regnamespace`.execute(db)).rows;
      for (const fk of fks) {
        const between = distributed.includes(fk.table) && distributed.includes(fk.referenced);
        if (between && !fk.pairs.includes(`${DISTRIBUTION_COLUMN}=${DISTRIBUTION_COLUMN}`)) problems.push(`${fk.table}: foreign key ${fk.name} to ${fk.referenced} without org_id`);
        // Citus allows distributed → reference, never reference → distributed.
        if (fk.table in REFERENCE_TABLES && distributed.includes(fk.referenced)) problems.push(`${fk.table}: reference table with a foreign key to ${fk.referenced}`);
      }
      expect(problems).toEqual([]);
    } finally {
      await tdb.drop();
    }
  });
});
