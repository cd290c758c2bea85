/**
 * Set-based seeding (one INSERT … SELECT per table over a generated series) of one org with
 * 100k signals, 10k candidates in a realistic status mix, and 10k pursuits in every stage (each
 * pursuit needs its own promoted candidate, so the candidate table holds 20k rows), plus open SLA
 * breaches on ~3% of open items.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../src/db/create-db.js';
import type { DB } from '../../src/db/types.js';

export const SEED = { signals: 100_000, candidates: 10_000, pursuits: 10_000 };

/** `counts`: how many of each (bench:mixed seeds ten smaller orgs). */
export async function seed(database: Database, orgId: number, nowIso: string, counts: typeof SEED = SEED): Promise<void> {
  const db: Kysely<DB> = database.db;
  const pg = database.engine === 'postgres';
  const series = (n: number) =>
    pg ? sql`generate_series(1, ${sql.lit(n)}) as n(i)` : sql`(with recursive s(i) as (select 1 union all select i + 1 from s where i < ${sql.lit(n)}) select i from s) as n`;
  /** now − seconds (seconds: an SQL expression over i), in the engine's stored time form. */
  const ago = (seconds: RawBuilder<unknown>): RawBuilder<unknown> =>
    pg
      ? sql`(${nowIso}::timestamptz - make_interval(secs => (${seconds})::int))`
      : sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${nowIso}, '-' || (${seconds}) || ' seconds')`;
  const inDays = (days: RawBuilder<unknown>): RawBuilder<unknown> =>
    pg ? sql`(${nowIso}::timestamptz + make_interval(days => (${days})::int))` : sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${nowIso}, (${days}) || ' days')`;
  const org = sql.lit(orgId);

  await sql`insert into signal (org_id, source_type, source_ref, snippet, ts, urgency_score, dedupe_key, created_at, updated_at)
    select ${org}, case i % 3 when 0 then 'email' when 1 then 'call' else 'web_form' end, 'ref-' || i, 'Inbound request ' || i,
      ${ago(sql`(i * 313) % 31536000`)}, i % 100, 'bench-' || i, ${ago(sql`(i * 313) % 31536000`)}, ${ago(sql`(i * 313) % 31536000`)}
    from ${series(counts.signals)}`.execute(db);

  // 10k working candidates: 20% new, 30% triaged, 20% nurture, 10% on_hold, 20% archived; touched in the last 30 days.
  await sql`insert into candidate (org_id, title, status, owner_user_id, last_touch_at, created_at, updated_at)
    select ${org}, 'Candidate ' || i,
      case when i % 10 < 2 then 'new' when i % 10 < 5 then 'triaged' when i % 10 < 7 then 'nurture' when i % 10 < 8 then 'on_hold' else 'archived' end,
      'user-' || (i % 20), ${ago(sql`(i * 97) % 2592000`)}, ${ago(sql`(i * 211) % 7776000`)}, ${ago(sql`(i * 97) % 2592000`)}
    from ${series(counts.candidates)}`.execute(db);
  await sql`insert into candidate (org_id, title, status, owner_user_id, last_touch_at, created_at, updated_at)
    select ${org}, 'Won over ' || i, 'promoted', 'user-' || (i % 20), ${ago(sql`(i * 89) % 2592000`)}, ${ago(sql`(i * 211) % 7776000`)}, ${ago(sql`(i * 89) % 2592000`)}
    from ${series(counts.pursuits)}`.execute(db);

  // Pursuits in every stage; due dates spread over ±30 days, 20% without one.
  await sql`insert into pursuit (org_id, candidate_id, title, pursuit_stage, due_date, value, owner_user_id, created_at, updated_at)
    select org_id, candidate_id, title,
      case candidate_id % 20 when 0 then 'won' when 1 then 'won' when 2 then 'lost' when 3 then 'lost' when 4 then 'lost'
        when 5 then 'submit' when 6 then 'submit' when 7 then 'red' when 8 then 'red' when 9 then 'red'
        when 10 then 'pink' when 11 then 'pink' when 12 then 'pink' when 13 then 'pink' else 'qual' end,
      case when candidate_id % 5 = 0 then null else ${inDays(sql`(candidate_id * 7) % 61 - 30`)} end,
      (candidate_id % 50) * 1000, owner_user_id, created_at, updated_at
    from candidate where org_id = ${org} and status = 'promoted'`.execute(db);

  await sql`insert into sla_breach (org_id, item_type, item_id, rule_id, metric, reason_code, breached_at)
    select org_id, 'pursuit', cast(pursuit_id as text), 1, 'submit_sla', 'threshold_exceeded', updated_at
    from pursuit where org_id = ${org} and pursuit_id % 37 = 0 and pursuit_stage in ('qual', 'pink', 'red', 'submit')`.execute(db);
  await sql`insert into sla_breach (org_id, item_type, item_id, rule_id, metric, reason_code, breached_at)
    select org_id, 'candidate', cast(candidate_id as text), 1, 'triage_sla', 'threshold_exceeded', last_touch_at
    from candidate where org_id = ${org} and candidate_id % 41 = 0 and status in ('triaged', 'nurture', 'on_hold')`.execute(db);

  if (pg) await sql`analyze`.execute(db);
  else await sql`analyze`.execute(db);
}
