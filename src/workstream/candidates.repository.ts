import type { DbOrTrx } from '../db/create-db.js';
import type { CandidateStatus, Row } from '../db/types.js';
import type { Signal } from './signals.repository.js';
import { totalOf } from './stats.repository.js';
import { seekPage } from '../db/keyset.js';
import { listOrder, type KeyValue } from '../shared/paging.js';
import { versionIn } from '../db/versions.js';
import type { ExpectedVersion } from '../shared/expected-version.js';

export type Candidate = Row<'candidate'>;

/** A new candidate, by default in status `new` and created `now` (the demo seed back-dates both). */
export async function insertCandidate(
  db: DbOrTrx,
  c: { orgId: number; title: string; ownerUserId: string | null; now: string; status?: CandidateStatus; createdAt?: string },
): Promise<Candidate> {
  return db
    .insertInto('candidate')
    .values({
      org_id: c.orgId,
      title: c.title,
      status: c.status ?? 'new',
      owner_user_id: c.ownerUserId,
      last_touch_at: c.now,
      created_at: c.createdAt ?? c.now,
      updated_at: c.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function linkSignals(db: DbOrTrx, orgId: number, candidateId: number, signalIds: number[], now: string): Promise<void> {
  if (signalIds.length === 0) return;
  await db
    .insertInto('candidate_signal')
    .values(signalIds.map((signal_id) => ({ org_id: orgId, candidate_id: candidateId, signal_id, created_at: now })))
    .onConflict((oc) => oc.columns(['org_id', 'candidate_id', 'signal_id']).doNothing())
    .execute();
}

export async function linkedSignals(db: DbOrTrx, orgId: number, candidateId: number): Promise<Signal[]> {
  return db
    .selectFrom('candidate_signal as cs')
    .innerJoin('signal as s', (j) => j.onRef('s.org_id', '=', 'cs.org_id').onRef('s.signal_id', '=', 'cs.signal_id'))
    .selectAll('s')
    .where('cs.org_id', '=', orgId)
    .where('cs.candidate_id', '=', candidateId)
    .orderBy('s.ts', 'desc')
    .orderBy('s.signal_id', 'desc')
    .execute();
}

/** The list's order (newest first), which its cursors hold. */
export const CANDIDATE_ORDER = listOrder('candidates', ['last_touch_at', 'candidate_id'] as const, 'desc');

/** An org's candidates with the list's filters: the list pages it, the export streams it. */
export function filteredCandidates(db: DbOrTrx, f: { orgId: number; status?: CandidateStatus }) {
  let q = db.selectFrom('candidate').where('org_id', '=', f.orgId);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  return q;
}

export async function listCandidates(
  db: DbOrTrx,
  f: { orgId: number; status?: CandidateStatus; limit: number; offset: number; after?: readonly KeyValue[] | undefined },
): Promise<{ rows: Candidate[]; total: number }> {
  const q = filteredCandidates(db, f);
  const [rows, count] = await Promise.all([
    seekPage(q.selectAll(), CANDIDATE_ORDER, f).execute(),
    f.status === undefined
      ? totalOf(db, f.orgId, 'candidate')
      : q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
  return { rows, total: count };
}

export async function getCandidate(db: DbOrTrx, orgId: number, candidateId: number): Promise<Candidate | undefined> {
  return db
    .selectFrom('candidate')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst();
}

export async function updateCandidate(
  db: DbOrTrx,
  orgId: number,
  candidateId: number,
  patch: { title?: string; owner_user_id?: string | null },
  now: string,
  expected?: ExpectedVersion,
): Promise<Candidate | undefined> {
  return db
    .updateTable('candidate')
    .set({ ...patch, updated_at: now, last_touch_at: now })
    .where('org_id', '=', orgId)
    .where('candidate_id', '=', candidateId)
    .$if(expected !== undefined, (q) => q.where(versionIn('version', expected!)))
    .returningAll()
    .executeTakeFirst();
}

/**
 * Moves a candidate only if it is still in the status it was read in (and at an expected version,
 * if any): undefined means another request changed it first (the caller answers 409 or 412). On
 * PostgreSQL the row lock makes a concurrent mover wait and then re-check the condition against the
 * committed row.
 */
export async function moveCandidateStatus(
  db: DbOrTrx,
  m: { orgId: number; candidateId: number; from: CandidateStatus; to: CandidateStatus; now: string; expected?: ExpectedVersion },
): Promise<Candidate | undefined> {
  const expected = m.expected;
  return db
    .updateTable('candidate')
    .set({ status: m.to, updated_at: m.now, last_touch_at: m.now })
    .where('org_id', '=', m.orgId)
    .where('candidate_id', '=', m.candidateId)
    .where('status', '=', m.from)
    .$if(expected !== undefined, (q) => q.where(versionIn('version', expected!)))
    .returningAll()
    .executeTakeFirst();
}
