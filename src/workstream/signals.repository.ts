import type { DbOrTrx } from '../db/create-db.js';
import { insertRows, statementPartsFor } from '../db/statement-parts.js';
import type { Row } from '../db/types.js';
import { totalOf } from './stats.repository.js';
import { seekPage } from '../db/keyset.js';
import { listOrder, type KeyValue } from '../shared/paging.js';
import { versionIn } from '../db/versions.js';
import type { ExpectedVersion } from '../shared/expected-version.js';

export type Signal = Row<'signal'>;

/** The fields a client may set; ts and dedupe_key are resolved by the service. */
export interface SignalFields {
  source_type: string;
  source_ref?: string | null;
  snippet?: string | null;
  contact_id?: string | null;
  client_id?: string | null;
  ts: string;
  problem_phrase?: string | null;
  solution_hint?: string | null;
  urgency_score?: number | null;
  dedupe_key: string;
  cluster_id?: string | null;
  owner_user_id?: string | null;
}

export type SignalPatch = Partial<
  Pick<SignalFields, 'owner_user_id' | 'cluster_id' | 'urgency_score' | 'problem_phrase' | 'solution_hint'>
>;

/** INSERT of signals in one statement; a dedupe_key the org already has keeps the existing row. */
function insertSignalsQuery(db: DbOrTrx, orgId: number, inputs: SignalFields[], now: string) {
  const rows = inputs.map((s) => ({
    org_id: orgId,
    source_type: s.source_type,
    source_ref: s.source_ref ?? null,
    snippet: s.snippet ?? null,
    contact_id: s.contact_id ?? null,
    client_id: s.client_id ?? null,
    ts: s.ts,
    problem_phrase: s.problem_phrase ?? null,
    solution_hint: s.solution_hint ?? null,
    urgency_score: s.urgency_score ?? null,
    dedupe_key: s.dedupe_key,
    cluster_id: s.cluster_id ?? null,
    owner_user_id: s.owner_user_id ?? null,
    created_at: now,
    updated_at: now,
  }));
  return insertRows(db, 'signal', rows).onConflict((oc) => oc.columns(['org_id', 'dedupe_key']).doNothing());
}

/**
 * Inserts signals in one statement; a dedupe_key the org already has (or that repeats within the
 * batch) keeps the existing row. Returns the rows in input order and which of them are new.
 */
export async function insertSignals(
  db: DbOrTrx,
  orgId: number,
  inputs: SignalFields[],
  now: string,
): Promise<{ rows: Signal[]; createdIds: Set<number> }> {
  const inserted = await insertSignalsQuery(db, orgId, inputs, now).returningAll().execute();
  const byKey = new Map(inserted.map((r) => [r.dedupe_key, r]));
  const missing = [...new Set(inputs.map((s) => s.dedupe_key).filter((k) => !byKey.has(k)))];
  if (missing.length > 0) {
    const existing = await db
      .selectFrom('signal')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('dedupe_key', 'in', missing)
      .execute();
    for (const r of existing) byKey.set(r.dedupe_key, r);
  }
  return {
    rows: inputs.map((s) => byKey.get(s.dedupe_key)!),
    createdIds: new Set(inserted.map((r) => r.signal_id)),
  };
}

/** Keys per IN-list: far under SQLite's 32,766 bound parameters. */
const KEY_CHUNK = 512;

/** The org's signal ids by dedupe key, for those of `keys` it already has (one IN-list statement per 512 keys). */
export async function signalIdsByDedupeKey(db: DbOrTrx, orgId: number, keys: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of statementPartsFor(db, keys, KEY_CHUNK)) {
    const rows = await db.selectFrom('signal').select(['signal_id', 'dedupe_key']).where('org_id', '=', orgId).where('dedupe_key', 'in', part).execute();
    for (const r of rows) ids.set(r.dedupe_key, r.signal_id);
  }
  return ids;
}

/**
 * The same insert for bulk writers (ingestion), answering only what it created: signal ids by dedupe
 * key. A key the org already has is simply absent (no rows read back).
 */
export async function insertNewSignals(db: DbOrTrx, orgId: number, inputs: SignalFields[], now: string): Promise<Map<string, number>> {
  const inserted = await insertSignalsQuery(db, orgId, inputs, now).returning(['signal_id', 'dedupe_key']).execute();
  return new Map(inserted.map((r) => [r.dedupe_key, r.signal_id]));
}

export interface SignalFilter {
  orgId: number;
  sourceType?: string;
  since?: string;
  until?: string;
  limit: number;
  offset: number;
  after?: readonly KeyValue[] | undefined;
}

/** The list's order (newest first), which its cursors hold. */
export const SIGNAL_ORDER = listOrder('signals', ['ts', 'signal_id'] as const, 'desc');

/** An org's signals with the list's filters: the list pages it, the export streams it. */
export function filteredSignals(db: DbOrTrx, f: Omit<SignalFilter, 'limit' | 'offset' | 'after'>) {
  let q = db.selectFrom('signal').where('org_id', '=', f.orgId);
  if (f.sourceType !== undefined) q = q.where('source_type', '=', f.sourceType);
  if (f.since !== undefined) q = q.where('ts', '>=', f.since);
  if (f.until !== undefined) q = q.where('ts', '<', f.until);
  return q;
}

/** Newest first by ts (the (org_id, ts, signal_id) index serves the order and the page). */
export async function listSignals(db: DbOrTrx, f: SignalFilter): Promise<{ rows: Signal[]; total: number }> {
  const q = filteredSignals(db, f);
  const [rows, count] = await Promise.all([
    seekPage(q.selectAll(), SIGNAL_ORDER, f).execute(),
    // Unfiltered, the total comes from the daily counters instead of counting every row.
    f.sourceType === undefined && f.since === undefined && f.until === undefined
      ? totalOf(db, f.orgId, 'signal')
      : q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
  return { rows, total: count };
}

export async function getSignal(db: DbOrTrx, orgId: number, signalId: number): Promise<Signal | undefined> {
  return db.selectFrom('signal').selectAll().where('org_id', '=', orgId).where('signal_id', '=', signalId).executeTakeFirst();
}

export async function updateSignal(
  db: DbOrTrx,
  orgId: number,
  signalId: number,
  patch: SignalPatch,
  now: string,
  expected?: ExpectedVersion,
): Promise<Signal | undefined> {
  return db
    .updateTable('signal')
    .set({ ...patch, updated_at: now })
    .where('org_id', '=', orgId)
    .where('signal_id', '=', signalId)
    .$if(expected !== undefined, (q) => q.where(versionIn('version', expected!)))
    .returningAll()
    .executeTakeFirst();
}

/** The subset of ids that are signals of this org (another org's ids are simply absent). */
export async function existingSignalIds(db: DbOrTrx, orgId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('signal')
    .select('signal_id')
    .where('org_id', '=', orgId)
    .where('signal_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.signal_id));
}
