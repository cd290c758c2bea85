/**
 * insertRows / insertParts (src/db/statement-parts.ts) and SqlHelpers.jsonRows: rows written as one
 * JSON parameter on PostgreSQL store exactly what multi-row VALUES stored — each value in its
 * column's type, defaults for columns a row leaves out, RETURNING in input order, text that JSON
 * escapes (quotes, backslashes, a cut surrogate pair) — on both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sqlHelpers } from '../src/db/sql-helpers.js';
import { insertParts, insertRows, rowsAsJson } from '../src/db/statement-parts.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';

const AT = '2026-03-02T09:30:00.125Z';

function event(orgId: number, i: number, extra: Record<string, unknown> = {}) {
  return { org_id: orgId, event_name: 'test.row', item_type: 'thing', item_id: String(i), payload_json: `{"i":${i}}`, actor: 'tester', happened_at: AT, created_at: AT, next_attempt_at: AT, ...extra };
}

describeEachEngine('insertRows (rows as one JSON parameter on PostgreSQL)', (engine) => {
  let tdb: TestDatabase;
  let orgId: number;

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    const row = await tdb.database.db.insertInto('org').values({ name: 'Rows', created_at: AT }).returning('org_id').executeTakeFirstOrThrow();
    orgId = row.org_id;
  });
  afterAll(() => tdb.drop());

  const read = (ids: number[]) =>
    tdb.database.db
      .selectFrom('work_event')
      .select(['work_event_id', 'item_id', 'payload_json', 'actor', 'happened_at', 'attempts'])
      .where('work_event_id', 'in', ids)
      .orderBy('work_event_id')
      .execute();

  it('stores every row with its values in their column types and returns ids in input order', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => event(orgId, i));
    const inserted = await insertRows(tdb.database.db, 'work_event', rows).returning(['work_event_id', 'item_id']).execute();
    expect(inserted.map((r) => r.item_id)).toEqual(rows.map((r) => r.item_id));
    const ids = inserted.map((r) => r.work_event_id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const stored = await read(ids);
    expect(stored.map((r) => [r.item_id, r.payload_json, r.actor, r.happened_at, r.attempts])).toEqual(rows.map((r) => [r.item_id, r.payload_json, 'tester', AT, 0]));
  });

  /** What insertRows stores for these rows, and what multi-row VALUES stores (or the error of each). */
  async function bothWays(rows: Array<Record<string, unknown>>) {
    const stored = async (write: () => Promise<Array<{ work_event_id: number }>>) => {
      try {
        const rs = await read((await write()).map((r) => r.work_event_id));
        return rs.map(({ work_event_id: _, ...r }) => r);
      } catch (e) {
        return `error: ${(e as Error).message}`;
      }
    };
    const db = tdb.database.db;
    return {
      json: await stored(() => insertRows(db, 'work_event', rows as never).returning('work_event_id').execute()),
      values: await stored(() => db.insertInto('work_event').values(rows as never).returning('work_event_id').execute()),
    };
  }

  it('keeps text that JSON escapes as VALUES does, a surrogate pair cut in half included', async () => {
    const texts = ['quote " and backslash \\ and \\ud83d written out', 'tab\tnewline\ncontrol\u0001', 'emoji 😀 whole', `cut ${'😀'.slice(0, 1)}`, `${'😀'.slice(1)} low first`, 'ünïcödé'];
    const { json, values } = await bothWays(texts.map((t, i) => event(orgId, 1000 + i, { payload_json: t })));
    expect(json).toEqual(values);
    expect(typeof json === 'string' ? json : json.map((r) => r.payload_json).slice(0, 3)).toEqual(texts.slice(0, 3));
  });

  it('gives a column a row leaves out what VALUES gives it', async () => {
    const { payload_json: _, ...bare } = event(orgId, 2000);
    const { json, values } = await bothWays([event(orgId, 2001), bare, { ...event(orgId, 2002), actor: undefined }]);
    expect(json).toEqual(values);
    if (engine.name === 'postgres') expect(typeof json === 'string' ? json : json.map((r) => [r.payload_json, r.actor])).toEqual([['{"i":2001}', 'tester'], ['{}', 'tester'], ['{"i":2002}', null]]);
  });

  it('writes every part of a larger set, in order', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => event(orgId, 3000 + i));
    const ids: number[] = [];
    for (const q of insertParts(tdb.database.db, 'work_event', rows, 32)) ids.push(...(await q.returning('work_event_id').execute()).map((r) => r.work_event_id));
    expect((await read(ids)).map((r) => r.item_id)).toEqual(rows.map((r) => r.item_id));
  });

  it('SqlHelpers.jsonRows reads the rows on either engine, ON CONFLICT included', async () => {
    const h = sqlHelpers(tdb.database.engine);
    const signal = (key: string, ref: string) => ({ org_id: orgId, source_type: 'email', source_ref: ref, ts: AT, dedupe_key: key, urgency_score: 0.75, created_at: AT, updated_at: AT });
    const columns = Object.keys(signal('', ''));
    const write = (rows: Array<ReturnType<typeof signal>>) =>
      tdb.database.db
        .insertInto('signal')
        .columns(columns as never)
        .expression(h.jsonRows('signal', columns, rowsAsJson(rows)!.json))
        .onConflict((oc) => oc.columns(['org_id', 'dedupe_key']).doNothing())
        .returning(['dedupe_key'])
        .execute();
    expect((await write([signal('k1', 'a'), signal('k2', 'b')])).map((r) => r.dedupe_key)).toEqual(['k1', 'k2']);
    expect((await write([signal('k2', 'again'), signal('k3', 'c')])).map((r) => r.dedupe_key)).toEqual(['k3']);
    const stored = await tdb.database.db.selectFrom('signal').select(['dedupe_key', 'source_ref', 'urgency_score', 'ts']).where('org_id', '=', orgId).orderBy('dedupe_key').execute();
    expect(stored).toEqual([
      { dedupe_key: 'k1', source_ref: 'a', urgency_score: 0.75, ts: AT },
      { dedupe_key: 'k2', source_ref: 'b', urgency_score: 0.75, ts: AT },
      { dedupe_key: 'k3', source_ref: 'c', urgency_score: 0.75, ts: AT },
    ]);
  });
});
