/** Ingest batches and their items: what each message of a batch became, or why it failed. */
import type { DbOrTrx } from '../db/create-db.js';
import type { ExpressionBuilder } from 'kysely';
import type { DB, IngestItemOutcome, NewRow, Row } from '../db/types.js';
import { deletedRows, deleteOlderThan, type PruneBatch } from '../db/prune.js';
import { insertParts } from '../db/statement-parts.js';
import { seekPage } from '../db/keyset.js';
import { listOrder } from '../shared/paging.js';

export interface BatchView {
  batch_id: number;
  org_id: number;
  source: string;
  source_name: string | null;
  actor: string;
  status: string;
  read: number;
  new_signals: number;
  new_tasks: number;
  duplicates: number;
  failed: number;
  not_actionable: number;
  error: string | null;
  started_at: string;
  completed_at: string | null;
  duration_ms: number | null;
}

export function toBatchView(r: Row<'ingest_batch'>): BatchView {
  return {
    batch_id: r.batch_id,
    org_id: r.org_id,
    source: r.source,
    source_name: r.source_name,
    actor: r.actor,
    status: r.status,
    read: r.read_count,
    new_signals: r.new_signals,
    new_tasks: r.new_tasks,
    duplicates: r.duplicates,
    failed: r.failed,
    not_actionable: r.not_actionable,
    error: r.error,
    started_at: r.started_at,
    completed_at: r.completed_at,
    duration_ms: r.duration_ms === null ? null : Number(r.duration_ms),
  };
}

export type BatchItem = Omit<Row<'ingest_batch_item'>, 'org_id'>;

export async function createBatch(
  db: DbOrTrx,
  input: { orgId: number; source: string; sourceName: string | null; actor: string; now: string },
): Promise<number> {
  const r = await db
    .insertInto('ingest_batch')
    .values({ org_id: input.orgId, source: input.source, source_name: input.sourceName, actor: input.actor, started_at: input.now })
    .returning('batch_id')
    .executeTakeFirstOrThrow();
  return r.batch_id;
}

export interface BatchCounts {
  read: number;
  new_signals: number;
  new_tasks: number;
  duplicates: number;
  failed: number;
  not_actionable: number;
}

export async function finishBatch(
  db: DbOrTrx,
  orgId: number,
  batchId: number,
  counts: BatchCounts,
  input: { status: 'completed' | 'failed'; error?: string | null; now: string; durationMs: number },
): Promise<BatchView> {
  const r = await db
    .updateTable('ingest_batch')
    .set({
      status: input.status,
      read_count: counts.read,
      new_signals: counts.new_signals,
      new_tasks: counts.new_tasks,
      duplicates: counts.duplicates,
      failed: counts.failed,
      not_actionable: counts.not_actionable,
      error: input.error ?? null,
      completed_at: input.now,
      duration_ms: input.durationMs,
    })
    .where('org_id', '=', orgId)
    .where('batch_id', '=', batchId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBatchView(r);
}

const ITEM_CHUNK = 1024;

export async function insertItems(db: DbOrTrx, rows: Array<NewRow<'ingest_batch_item'>>): Promise<void> {
  for (const q of insertParts(db, 'ingest_batch_item', rows, ITEM_CHUNK)) await q.execute();
}

export async function getBatch(db: DbOrTrx, orgId: number, batchId: number): Promise<BatchView | undefined> {
  const r = await db.selectFrom('ingest_batch').selectAll().where('org_id', '=', orgId).where('batch_id', '=', batchId).executeTakeFirst();
  return r ? toBatchView(r) : undefined;
}

/** List orders (what their cursors hold). */
export const BATCH_ORDER = listOrder('ingest_batches', ['batch_id'] as const, 'desc');
export const ITEM_ORDER = listOrder('ingest_items', ['seq'] as const, 'asc');

export async function listBatches(db: DbOrTrx, orgId: number, page: { limit: number; offset: number; after?: readonly unknown[] | undefined }): Promise<{ data: BatchView[]; total: number }> {
  const base = db.selectFrom('ingest_batch').where('org_id', '=', orgId);
  const [rows, count] = await Promise.all([
    seekPage(base.selectAll(), BATCH_ORDER, page).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map(toBatchView), total: Number(count.n) };
}

const ITEM_COLUMNS = ['item_id', 'batch_id', 'seq', 'outcome', 'message_id', 'dedupe_key', 'subject', 'sender', 'signal_id', 'task_id', 'reason', 'created_at'] as const;

export async function listItems(
  db: DbOrTrx,
  orgId: number,
  batchId: number,
  q: { outcome?: IngestItemOutcome; limit: number; offset: number; after?: readonly unknown[] | undefined },
): Promise<{ data: BatchItem[]; total: number }> {
  let base = db.selectFrom('ingest_batch_item').where('org_id', '=', orgId).where('batch_id', '=', batchId);
  if (q.outcome) base = base.where('outcome', '=', q.outcome);
  const [rows, count] = await Promise.all([
    seekPage(base.select(ITEM_COLUMNS), ITEM_ORDER, q).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows, total: Number(count.n) };
}

/** Retention: per-message items of old batches, one bounded statement. */
export const pruneBatchItems = (db: DbOrTrx, b: PruneBatch): Promise<number> => deleteOlderThan(db, 'ingest_batch_item', 'item_id', 'created_at', b);

/**
 * Retention: finished batches that ended before the cutoff and whose items are gone already (so
 * the delete cascades to nothing and stays bounded). A batch still running is never touched.
 */
export async function pruneFinishedBatches(db: DbOrTrx, b: PruneBatch): Promise<number> {
  const old = db
    .selectFrom('ingest_batch as bt')
    .select('bt.batch_id')
    .where('bt.status', '<>', 'running')
    .where('bt.completed_at', '<', b.before)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('ingest_batch_item as i').select('i.item_id').whereRef('i.org_id', '=', 'bt.org_id').whereRef('i.batch_id', '=', 'bt.batch_id'))),
    )
    .limit(b.limit);
  return deletedRows(await db.deleteFrom('ingest_batch').where('batch_id', 'in', old).executeTakeFirstOrThrow());
}

/**
 * Closes as failed the batches of one source that are still `running` although nothing writes them
 * any more: the process ingesting them died mid-batch (only the caller can know that, say by
 * holding the lease of the mailbox they came from). The counts come from the items their committed
 * chunks wrote, so the batch list adds up to what was actually ingested.
 */
export async function failAbandonedBatches(db: DbOrTrx, q: { orgId: number; source: string; sourceName: string; error: string; now: string }): Promise<number> {
  const r = await db
    .updateTable('ingest_batch')
    .set(closedAsFailed(q.error, q.now))
    .where('org_id', '=', q.orgId)
    .where('source', '=', q.source)
    .where('source_name', '=', q.sourceName)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The SET of a batch closed as failed: counts from the items its committed chunks wrote. */
function closedAsFailed(error: string, now: string) {
  return (eb: ExpressionBuilder<DB, 'ingest_batch'>) => {
    const items = (outcomes?: IngestItemOutcome[]) => {
      let s = eb
        .selectFrom('ingest_batch_item as i')
        .select((ib) => ib.fn.countAll<number>().as('n'))
        .whereRef('i.org_id', '=', 'ingest_batch.org_id')
        .whereRef('i.batch_id', '=', 'ingest_batch.batch_id');
      if (outcomes) s = s.where('i.outcome', 'in', outcomes);
      return s;
    };
    return {
      status: 'failed' as const,
      error,
      completed_at: now,
      read_count: items(),
      new_signals: items(['created', 'signal_only']),
      new_tasks: items(['created']),
      not_actionable: items(['signal_only']),
      duplicates: items(['duplicate']),
      failed: items(['failed']),
    };
  };
}

/**
 * Closes as failed every batch still `running` that has written nothing since `before`: started
 * before it and no item committed after it. A live ingestion commits a chunk every few seconds
 * (files, HTTP and mailboxes alike), so such a batch was left by a process that died mid-batch —
 * a killed `flowledger ingest`, a server stopped during a request. Run by the retention pass.
 */
export async function failStalledBatches(db: DbOrTrx, q: { before: string; error: string; now: string }): Promise<number> {
  const r = await db
    .updateTable('ingest_batch')
    .set(closedAsFailed(q.error, q.now))
    .where('status', '=', 'running')
    .where('started_at', '<', q.before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ingest_batch_item as i')
            .select('i.item_id')
            .whereRef('i.org_id', '=', 'ingest_batch.org_id')
            .whereRef('i.batch_id', '=', 'ingest_batch.batch_id')
            .where('i.created_at', '>=', q.before),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
