/**
 * Values whose SQL spelling differs from JavaScript's (test/task-json.test.ts covers the common
 * ones): money and doubles at their extremes (numeric 1000000000000.00, REAL 1.0e+21, 1e-07, 1/3),
 * control characters, U+2028, a BOM, NUL and a lone surrogate in text (SQLite only: PostgreSQL
 * text holds neither), JSON documents with big numbers, exponents, duplicate keys, whitespace and
 * nesting, times at year ends with microseconds. Each list item parses to the detail route's task,
 * cursors walk every sort, gzip bodies are the same bytes, and Today parses to the view's rows.
 */
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayOrder, todayPanelQuery } from '../src/workstream/today.query.js';
import { toTodayItem } from '../src/workstream/today.repository.js';
import { describeEachEngine } from './helpers/engines.js';
import { expectPagesMatchDetail } from './helpers/task-pages.js';
import { insertCandidate, insertPursuit, insertTask } from './helpers/factories.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

describeEachEngine('task list and Today JSON: edge values', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  const ids: string[] = [];
  const pg = engine.name === 'postgres';

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    const db = t.db.database.db;
    const base = Date.parse('2026-03-01T10:00:00.000Z');
    const dollars = [0, 0.01, 1e12, 1234.5, 999999999999.99, 0.3, 100, 5e-3];
    const hours = [1 / 3, 1e-7, 1e21, -0, 0.1 + 0.2, 123456789.12345679, null, 2.5];
    const titles = ['ctl \u0001\u0007\u001f\u007f \u2028\u2029 \ufeff 😀 é \\ "', 'x'.repeat(500), 'a\u0000b', 'lone \ud800 x'];
    for (let i = 0; i < 8; i++) {
      const id = await insertTask(db, org.orgId, {
        createdAt: new Date(base + i * 1000).toISOString(),
        dollarValue: dollars[i]!,
        ...(i % 2 ? { deadline: new Date(base + i * 86_400_000).toISOString() } : {}),
        title: titles[i] !== undefined && (pg ? !/\u0000|\ud800/.test(titles[i]!) : true) ? titles[i]! : `T${i}`,
      });
      ids.push(id);
      await db.updateTable('workflow_tasks').set({ resolution_hours: hours[i] ?? null, dollar_value: dollars[i]! }).where('task_id', '=', id).execute();
    }
    const docs = [
      '{"big":12345678901234567890,"f":1.0,"e":1E2,"neg":-1,"dup":1,"dup":2}',
      '{ "ws" :  [ 1 ,\n 2 ] }',
      JSON.stringify({ deep: JSON.parse('['.repeat(30) + ']'.repeat(30)) }),
      '{"s":"\\u2028\\ud83d\\ude00\\u0001"}',
      '{"k":"v"}',
    ];
    for (let i = 0; i < docs.length; i++) {
      await db.updateTable('workflow_tasks').set({ entities: docs[i]!, tags: i === 1 ? '[ "a" , "b" ]' : '["t"]' }).where('task_id', '=', ids[i]!).execute();
    }
    if (pg) {
      await sql`update workflow_tasks set created_at = '2026-12-31 23:59:59.999999+00', sla_deadline = '9999-12-31 23:59:59.999999+00', completed_at = '1000-01-01 00:00:00.000001+00', first_response_at = '2027-01-01 00:59:59.9995+01' where task_id = ${ids[2]!}`.execute(db);
    } else {
      await db.updateTable('workflow_tasks').set({ created_at: '2026-12-31T23:59:59.999Z', sla_deadline: '9999-12-31T23:59:59.999Z' }).where('task_id', '=', ids[2]!).execute();
    }
    // Today: candidates and pursuits with microsecond times.
    await insertCandidate(db, org.orgId, { lastTouchAt: '2026-03-01T09:00:00.000Z', title: 'c "☃" \u2028' });
    await insertPursuit(db, org.orgId, { createdAt: '2026-02-01T00:00:00.000Z', dueDate: '2026-12-31T23:59:59.999Z' });
    if (pg) await sql`update candidate set updated_at = '2026-03-01 09:00:00.123999+00', last_touch_at = '2026-03-01 09:00:00.123999+00' where org_id = ${org.orgId}`.execute(db);
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.call(org.viewer, { method: 'GET', url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('lists every task as the detail route answers it, through cursors of every sort', async () => {
    await expectPagesMatchDetail(async (url: string) => (await get(url)).json(), ids, 3);
  });

  it('sends the same bytes to gzip clients, and Today as the view orders it', async () => {
    const plain = await get('/api/workflow/tasks?limit=100');
    const gz = await get('/api/workflow/tasks?limit=100', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const body = gz.headers['content-encoding'] === 'gzip' ? gunzipSync(gz.rawPayload).toString('utf8') : gz.body;
    expect(body).toBe(plain.body);
    const today = await get('/api/workstream/today');
    const db = t.db.database.db;
    const now = t.clock.now();
    const view = await db
      .selectFrom(todayPanelQuery(db as never, { now: sql.val(now.toISOString()), staleBefore: sql.val(new Date(now.getTime() - 72 * 3600_000).toISOString()), orgId: org.orgId }).as('k'))
      .selectAll()
      .orderBy(todayOrder('k'))
      .execute();
    expect(today.json()).toEqual(view.map((r) => toTodayItem(r as never)));
  });
});
