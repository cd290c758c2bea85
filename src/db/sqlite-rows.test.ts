import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fastRows } from './sqlite-rows.js';

describe('fastRows (SQLite rows built from raw arrays)', () => {
  const open = () => {
    const db = new BetterSqlite3(':memory:');
    db.exec(`create table t (id integer primary key, name text, v real, n text); insert into t (name, v, n) values ('a', 1.5, null), ('b', 2, 'x')`);
    return db;
  };

  it('gives the same rows as better-sqlite3, for all() and iterate()', () => {
    const db = open();
    const sql = 'select * from t where id >= ? order by id';
    const plain = db.prepare(sql).all(1);
    const fast = fastRows(db.prepare(sql));
    expect(fast.reader).toBe(true);
    expect(fast.all([1])).toEqual(plain);
    expect(JSON.stringify(fast.all([1]))).toBe(JSON.stringify(plain)); // same keys in the same order
    expect([...fast.iterate([1])]).toEqual(plain);
  });

  it('lets a later column of the same name win, as better-sqlite3 does, and keeps __proto__ a plain key', () => {
    const db = open();
    const dup = 'select name as x, v as x from t order by id';
    expect(fastRows(db.prepare(dup)).all([])).toEqual(db.prepare(dup).all());
    const proto = fastRows(db.prepare('select name as "__proto__" from t order by id')).all([]) as Array<Record<string, unknown>>;
    expect(Object.getPrototypeOf(proto[0])).toBe(Object.prototype);
    expect(Object.keys(proto[0]!)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(proto[0], '__proto__')?.value).toBe('a');
  });

  it('follows a select * whose columns changed after DDL (SQLite re-prepares the statement)', () => {
    const db = open();
    const fast = fastRows(db.prepare('select * from t order by id'));
    expect(fast.all([])[0]).toEqual({ id: 1, name: 'a', v: 1.5, n: null });
    db.exec(`alter table t add column extra text default 'e'`);
    expect(fast.all([])[0]).toEqual({ id: 1, name: 'a', v: 1.5, n: null, extra: 'e' });
  });

  it('passes writes through, and answers RETURNING as rows', () => {
    const db = open();
    expect(fastRows(db.prepare(`insert into t (name) values (?)`)).run(['c']).changes).toBe(1);
    const returning = fastRows(db.prepare(`insert into t (name) values (?) returning id, name`));
    expect(returning.reader).toBe(true);
    expect(returning.all(['d'])).toEqual([{ id: 4, name: 'd' }]);
  });
});
