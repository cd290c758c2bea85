import type { DbOrTrx } from '../db/create-db.js';
import type { PursuitStage, Row } from '../db/types.js';
import { totalOf } from './stats.repository.js';
import { seekPage } from '../db/keyset.js';
import { listOrder, type KeyValue } from '../shared/paging.js';
import { versionIn } from '../db/versions.js';
import type { ExpectedVersion } from '../shared/expected-version.js';

export type Pursuit = Row<'pursuit'>;

export interface PursuitPatch {
  title?: string | null;
  due_date?: string | null;
  value?: number | null;
  owner_user_id?: string | null;
}

/** A new pursuit, by default at stage `qual` with no due date, value or lost reason (the demo seed sets them). */
export async function insertPursuit(
  db: DbOrTrx,
  p: {
    orgId: number;
    candidateId: number;
    title: string;
    ownerUserId: string | null;
    now: string;
    stage?: PursuitStage;
    dueDate?: string | null;
    value?: number | null;
    lostReason?: string | null;
  },
): Promise<Pursuit> {
  return db
    .insertInto('pursuit')
    .values({
      org_id: p.orgId,
      candidate_id: p.candidateId,
      title: p.title,
      pursuit_stage: p.stage ?? 'qual',
      due_date: p.dueDate ?? null,
      value: p.value ?? null,
      lost_reason: p.lostReason ?? null,
      owner_user_id: p.ownerUserId,
      created_at: p.now,
      updated_at: p.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The list's order (newest first), which its cursors hold. */
export const PURSUIT_ORDER = listOrder('pursuits', ['created_at', 'pursuit_id'] as const, 'desc');

/** An org's pursuits with the list's filters: the list pages it, the export streams it. */
export function filteredPursuits(db: DbOrTrx, f: { orgId: number; stage?: PursuitStage; ownerUserId?: number }) {
  let q = db.selectFrom('pursuit').where('org_id', '=', f.orgId);
  if (f.stage !== undefined) q = q.where('pursuit_stage', '=', f.stage);
  if (f.ownerUserId !== undefined) q = q.where('owner_user_id', '=', String(f.ownerUserId));
  return q;
}

export async function listPursuits(
  db: DbOrTrx,
  f: { orgId: number; stage?: PursuitStage; ownerUserId?: number; limit: number; offset: number; after?: readonly KeyValue[] | undefined },
): Promise<{ rows: Pursuit[]; total: number }> {
  const q = filteredPursuits(db, f);
  const [rows, count] = await Promise.all([
    seekPage(q.selectAll(), PURSUIT_ORDER, f).execute(),
    f.stage === undefined && f.ownerUserId === undefined
      ? totalOf(db, f.orgId, 'pursuit')
      : q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
  return { rows, total: count };
}

export async function getPursuit(db: DbOrTrx, orgId: number, pursuitId: number): Promise<Pursuit | undefined> {
  return db.selectFrom('pursuit').selectAll().where('org_id', '=', orgId).where('pursuit_id', '=', pursuitId).executeTakeFirst();
}

export async function updatePursuit(
  db: DbOrTrx,
  orgId: number,
  pursuitId: number,
  patch: PursuitPatch,
  now: string,
  expected?: ExpectedVersion,
): Promise<Pursuit | undefined> {
  return db
    .updateTable('pursuit')
    .set({ ...patch, updated_at: now })
    .where('org_id', '=', orgId)
    .where('pursuit_id', '=', pursuitId)
    .$if(expected !== undefined, (q) => q.where(versionIn('version', expected!)))
    .returningAll()
    .executeTakeFirst();
}

/**
 * Marks the pursuit touched. Besides keeping updated_at honest for checklist and proposal changes,
 * the UPDATE takes the pursuit's row lock on PostgreSQL, so concurrent writers of the same pursuit's
 * children (next proposal version, submit vs. checklist edits) serialise behind it.
 */
export async function touchPursuit(db: DbOrTrx, orgId: number, pursuitId: number, now: string): Promise<boolean> {
  const res = await db
    .updateTable('pursuit')
    .set({ updated_at: now })
    .where('org_id', '=', orgId)
    .where('pursuit_id', '=', pursuitId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Conditional on the stage it was read in (and an expected version, if any); undefined = lost the race (409 or 412). */
export async function movePursuitStage(
  db: DbOrTrx,
  m: { orgId: number; pursuitId: number; from: PursuitStage; to: PursuitStage; lostReason?: string; now: string; expected?: ExpectedVersion },
): Promise<Pursuit | undefined> {
  const expected = m.expected;
  return db
    .updateTable('pursuit')
    .set({ pursuit_stage: m.to, updated_at: m.now, ...(m.lostReason !== undefined ? { lost_reason: m.lostReason } : {}) })
    .where('org_id', '=', m.orgId)
    .where('pursuit_id', '=', m.pursuitId)
    .where('pursuit_stage', '=', m.from)
    .$if(expected !== undefined, (q) => q.where(versionIn('version', expected!)))
    .returningAll()
    .executeTakeFirst();
}

/** The pursuit a promoted candidate became, if any. */
export async function pursuitIdOfCandidate(db: DbOrTrx, orgId: number, candidateId: number): Promise<number | null> {
  const r = await db
    .selectFrom('pursuit')
    .select('pursuit_id')
    .where('org_id', '=', orgId)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst();
  return r?.pursuit_id ?? null;
}

/** Open pursuits (not won or lost) of the org owned by a user, counted. */
export async function countOpenPursuitsOf(db: DbOrTrx, orgId: number, userId: number): Promise<number> {
  const r = await db
    .selectFrom('pursuit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('owner_user_id', '=', String(userId))
    .where('pursuit_stage', 'not in', ['won', 'lost'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Moves every open pursuit of `from` to `to` (or nobody) in one statement; answers those moved. */
export async function moveOpenPursuits(
  db: DbOrTrx,
  m: { orgId: number; from: number; to: number | null; now: string },
): Promise<Array<{ pursuit_id: number; title: string | null }>> {
  return db
    .updateTable('pursuit')
    .set({ owner_user_id: m.to === null ? null : String(m.to), updated_at: m.now })
    .where('org_id', '=', m.orgId)
    .where('owner_user_id', '=', String(m.from))
    .where('pursuit_stage', 'not in', ['won', 'lost'])
    .returning(['pursuit_id', 'title'])
    .execute();
}
