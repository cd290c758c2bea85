/**
 * CSV export of the lists (#22): `format=csv` or `Accept: text/csv` on tasks, signals, candidates
 * and pursuits gives every matching row (paging does not apply), with the list's filters, in its
 * order, as RFC 4180 CSV with formula-like text defused; bad input is still a JSON 400.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from './helpers/engines.js';
import { insertTask } from './helpers/factories.js';
import { createTestApp, type TestApp, type TestOrg } from './helpers/test-app.js';

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describeEachEngine('CSV export of lists', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await t.createOrg('Acme');
    b = await t.createOrg('Beta');
    const titles = ['plain', 'with, comma', 'say "hi"', 'two\nlines', '=HYPERLINK("http://evil")'];
    // 1,205 tasks: more than one export page (1,000); written directly, the API's create is not what is tested.
    const db = t.db.database.db;
    const at = new Date(Date.UTC(2026, 0, 1)).toISOString();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 1_205; i++) {
        await insertTask(trx, a.orgId, { createdAt: at, category: i % 2 ? 'Support' : 'Sales', title: titles[i % titles.length]!, dollarValue: i });
      }
    });
    await t.call(b.member, { method: 'POST', url: '/api/workflow/tasks', payload: { workflow_category: 'Support', title: 'other org' } });
  });
  afterAll(() => t.close());

  it('exports every matching task in the list order, header first, quoting and defusing text', async () => {
    const res = await t.call(a.viewer, { method: 'GET', url: '/api/workflow/tasks?format=csv&category=Support&sort=dollar_value&direction=asc&limit=5&page=3' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="tasks.csv"');
    const [header, ...rows] = parseCsv(res.body);
    expect(header!.slice(0, 4)).toEqual(['task_id', 'workflow_category', 'task_status', 'title']);
    expect(rows).toHaveLength(602); // paging does not apply: every Support task of the org
    const col = (name: string) => header!.indexOf(name);
    expect(rows.every((r) => r[col('workflow_category')] === 'Support')).toBe(true);
    const values = rows.map((r) => Number(r[col('dollar_value')]));
    expect(values).toEqual([...values].sort((x, y) => x - y));
    const titles = new Set(rows.map((r) => r[col('title')]));
    expect(titles).toEqual(new Set(['plain', 'with, comma', 'say "hi"', 'two\nlines', `'=HYPERLINK("http://evil")`]));
    expect(res.body).not.toContain('other org');
  });

  it('answers CSV to Accept: text/csv on both task lists, and JSON otherwise', async () => {
    for (const url of ['/api/workflow/tasks', '/api/workflow/list']) {
      const csv = await t.call(a.viewer, { method: 'GET', url, headers: { accept: 'text/csv' } });
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(parseCsv(csv.body)).toHaveLength(1_206);
      const json = await t.call(a.viewer, { method: 'GET', url, headers: { accept: 'application/json, text/csv' } });
      expect(json.headers['content-type']).toContain('application/json');
    }
  });

  it('exports signals, candidates and pursuits with their filters', async () => {
    for (let i = 0; i < 3; i++) {
      await t.call(a.member, { method: 'POST', url: '/api/workstream/signals', payload: { source_type: i ? 'email' : 'call', snippet: `s${i}` } });
      const cand = await t.call(a.member, { method: 'POST', url: '/api/workstream/candidates', payload: { title: `-deal ${i}` } });
      if (i === 0) {
        const cid = cand.json().candidate_id;
        for (const to of ['triaged', 'promoted']) await t.call(a.member, { method: 'POST', url: `/api/workstream/candidates/${cid}/transition`, payload: { to } });
      }
    }
    const signals = parseCsv((await t.call(a.viewer, { method: 'GET', url: '/api/workstream/signals?format=csv&source_type=email' })).body);
    expect(signals[0]![0]).toBe('signal_id');
    expect(signals.slice(1).map((r) => r[signals[0]!.indexOf('source_type')])).toEqual(['email', 'email']);
    const candidates = parseCsv((await t.call(a.viewer, { method: 'GET', url: '/api/workstream/candidates?format=csv&status=new' })).body);
    expect(candidates.slice(1).map((r) => r[candidates[0]!.indexOf('title')]).sort()).toEqual([`'-deal 1`, `'-deal 2`]);
    const pursuits = parseCsv((await t.call(a.viewer, { method: 'GET', url: '/api/workstream/pursuits', headers: { accept: 'text/csv' } })).body);
    expect(pursuits).toHaveLength(2);
  });

  it('refuses bad filters with a JSON 400 before any CSV is sent', async () => {
    const res = await t.call(a.viewer, { method: 'GET', url: '/api/workflow/tasks?format=csv&status=PURPLE' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/json');
    expect((await t.call(a.viewer, { method: 'GET', url: '/api/workflow/tasks?format=xml' })).statusCode).toBe(400);
  });
});
