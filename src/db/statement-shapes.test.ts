import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { shapedStatement, slot, type Slot } from './statement-shapes.js';

interface Tables {
  t: { id: number; name: string };
}

const newDb = () =>
  new Kysely<Tables>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });

describe('shapedStatement', () => {
  it('builds a shape once and binds each call its own values', () => {
    const db = newDb();
    let builds = 0;
    const byName = (name: string, limit: number) =>
      shapedStatement(
        db,
        'by-name',
        () => {
          builds += 1;
          return db.selectFrom('t').select('id').where('name', '=', slot('name')).limit(slot('limit') as unknown as number);
        },
        new Map<Slot, unknown>([[slot('name'), name], [slot('limit'), limit]]),
      );
    const a = byName('alpha', 5);
    const b = byName('beta', 7);
    expect(builds).toBe(1);
    expect(b.sql).toBe(a.sql);
    expect(a.parameters).toEqual(['alpha', 5]);
    expect(b.parameters).toEqual(['beta', 7]);
    // Another handle compiles its own.
    shapedStatement(newDb(), 'by-name', () => (builds++, db.selectFrom('t').select('id').where('name', '=', slot('name'))), new Map([[slot('name'), 'y']]));
    expect(builds).toBe(2);
  });

  it('refuses a slot a helper rewrote before binding, and a call without a value for a slot', () => {
    const db = newDb();
    expect(() =>
      shapedStatement(db, 'pattern', () => db.selectFrom('t').select('id').where('name', 'like', `%${slot('term')}%`), new Map([[slot('term'), 'x']])),
    ).toThrow(/rewritten/);
    expect(() => shapedStatement(db, 'missing', () => db.selectFrom('t').select('id').where(sql<boolean>`id = ${slot('id')}`), new Map())).toThrow(/no value/);
  });
});
