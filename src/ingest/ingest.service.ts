/**
 * Ingestion: raw messages in, signals and workflow tasks out.
 *
 * Parsing is CPU-bound and runs in a worker pool, several chunks ahead of the writer; the writer
 * (this thread) turns each parsed chunk into a handful of multi-row statements in one transaction
 * (ingest.writer.ts): signals (ON CONFLICT DO NOTHING on the per-org dedupe key), patterns (upsert),
 * tasks, their first status-history rows, batch items and work events. Chunked transactions keep the
 * SQLite write lock short for the API and the SLA monitor; re-ingesting is idempotent because of the
 * dedupe key, so a batch cut short by a crash can simply be run again.
 */
import type { Database, Trx } from '../db/create-db.js';
import type { CommitFeed } from '../db/commit-feed.js';
import { GrownTables } from '../db/grown-tables.js';
import { appendEvents } from '../outbox/work-events.repository.js';
import type { Clock } from '../shared/clock.js';
import { notFound } from '../shared/errors.js';
import { listRules } from '../sla/rules.repository.js';
import type { AnalysisContext, ParseResult } from './analyse.js';
import { createBatch, finishBatch, type BatchView } from './batch.repository.js';
import { getIngestConfig } from './config.js';
import { writeChunk, type Env, type IngestItemSummary, type State } from './ingest.writer.js';

export type { IngestItemSummary };
import type { IngestInput } from './parse.worker.js';
import type { ParsePool } from './parse-pool.js';
import { listRoutingRules } from './routing.repository.js';

export interface IngestDeps {
  database: Database;
  clock: Clock;
  pool: ParsePool;
  commitFeed?: CommitFeed;
}

export interface IngestOptions {
  orgId: number;
  actor: string;
  source: 'api' | 'cli' | 'demo' | 'imap';
  sourceName?: string | null;
  /**
   * Runs inside each chunk's write transaction, after its rows, with the positions (1-based seq)
   * of the messages it wrote: a caller's own bookkeeping (an IMAP folder checkpoint) then commits
   * with the ingested rows or not at all. Throwing rolls the chunk back and fails the batch.
   */
  inChunkTransaction?: (trx: Trx, written: { firstSeq: number; lastSeq: number }) => Promise<void>;
  /** Mail domains of the org besides its ingest config's `own_domains` (a mailbox's): mail from them is outbound. */
  ownDomains?: string[];
  /** Every message is the org's own (a watched Sent folder). */
  outbound?: boolean;
  /** Called after each written chunk. */
  onProgress?: (p: { read: number; processed: number }) => void;
  /** Messages per parse job / write transaction. */
  chunkSize?: number;
}

export interface IngestResult {
  batch: BatchView;
  /** Per-message outcomes (kept for the first `keepItems` messages). */
  items: IngestItemSummary[];
}

const DEFAULT_CHUNK = 250;

async function loadContext(database: Database, orgId: number) {
  const org = await database.db.selectFrom('org').select(['org_id', 'name', 'currency', 'high_value_threshold']).where('org_id', '=', orgId).executeTakeFirst();
  if (!org) throw notFound(`Organisation ${orgId}`);
  const [{ config }, slaRules, routes] = await Promise.all([
    getIngestConfig(database.db, orgId),
    listRules(database.db, orgId, { activeOnly: true }),
    listRoutingRules(database.db, orgId),
  ]);
  const ctx: AnalysisContext = {
    config,
    currency: org.currency,
    highValueThreshold: Number(org.high_value_threshold),
    selfNames: [org.name, ...config.self_names],
  };
  return { ctx, currency: org.currency, slaRules, routes };
}

/** The org's context, and a new batch to write into. */
async function openBatch(deps: IngestDeps, opts: IngestOptions, keepItems: number) {
  const { ctx, currency, slaRules, routes } = await loadContext(deps.database, opts.orgId);
  const batchId = await createBatch(deps.database.db, {
    orgId: opts.orgId,
    source: opts.source,
    sourceName: opts.sourceName ?? null,
    actor: opts.actor,
    now: deps.clock.now().toISOString(),
  });
  const env: Env = {
    orgId: opts.orgId,
    actor: opts.actor,
    batchId,
    currency,
    slaRules,
    routes,
    threading: {
      ownDomains: [...new Set([...ctx.config.own_domains, ...(opts.ownDomains ?? [])].map((d) => d.toLowerCase()))],
      outbound: opts.outbound ?? false,
      windowMs: ctx.config.thread_window_days * 86_400_000,
      reopen: ctx.config.reopen_on_reply,
    },
  };
  const state: State = {
    seen: new Set(),
    counts: { read: 0, new_signals: 0, new_tasks: 0, duplicates: 0, failed: 0, not_actionable: 0 },
    items: [],
    keepItems,
  };
  return { ctx, env, state };
}

/**
 * Ingests raw messages for one org as one batch and returns its summary. Malformed messages are
 * recorded as failed items; only a database failure stops the batch (it is then marked failed).
 */
export async function ingestMessages(
  deps: IngestDeps,
  opts: IngestOptions,
  messages: AsyncIterable<IngestInput> | Iterable<IngestInput>,
  keepItems = 1000,
): Promise<IngestResult> {
  const started = Date.now();
  const { ctx, env, state } = await openBatch(deps, opts, keepItems);
  const grown = GrownTables.for(deps.database);
  try {
    await parseAndWrite(deps, opts, ctx, env, state, messages, grown);
  } catch (err) {
    await grown?.settle();
    await finishBatch(deps.database.db, env.orgId, env.batchId, state.counts, {
      status: 'failed',
      error: (err as Error).message ?? String(err),
      now: deps.clock.now().toISOString(),
      durationMs: Date.now() - started,
    });
    throw err;
  }
  await grown?.settle();
  const batch = await completeBatch(deps, env, state, started);
  deps.commitFeed?.notify();
  // Within a chunk, failures and duplicates are settled before creations: answer in message order.
  return { batch, items: state.items.sort((a, b) => a.seq - b.seq) };
}

/**
 * Reads the messages in chunks, hands them to the parse pool ahead of the writer and writes each
 * parsed chunk in its own transaction, in order. On a failure, in-flight parses settle before it is
 * thrown, so nothing writes after the batch is marked failed.
 */
async function parseAndWrite(
  deps: IngestDeps,
  opts: IngestOptions,
  ctx: AnalysisContext,
  env: Env,
  state: State,
  messages: AsyncIterable<IngestInput> | Iterable<IngestInput>,
  grown?: GrownTables,
): Promise<void> {
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK;
  // Chunks handed to the pool and not yet parsed: the workers' share plus a few for this thread's
  // help(). The count is of unparsed chunks, not of unwritten ones, and the queue is topped up as
  // soon as a chunk is parsed (not only when this thread is between steps): while a write took
  // long — a PostgreSQL transaction's round trips — the worker finished everything it had been
  // given and idled (measured: 30% of a 4,000-message ingest on PostgreSQL, 15% on SQLite).
  const ahead = deps.pool.capacity + 4;
  // Parsed chunks waiting for the writer are bounded too (memory), at twice that.
  const buffered = 2 * ahead;
  // `settled` is set by the chunk's own callback: a promise cannot be asked whether it has settled,
  // and one awaited to find out costs a turn of the microtask queue.
  const inFlight: Array<{ results: Promise<ParseResult[]>; settled: boolean }> = [];
  const source = toAsyncIterator(messages);
  let exhausted = false;
  let sourceError: unknown;
  let unparsed = 0;
  let processed = 0;

  const readChunks = async () => {
    while (!exhausted && unparsed < ahead && inFlight.length < buffered) {
      const chunk: Array<{ seq: number; raw: IngestInput }> = [];
      while (chunk.length < chunkSize) {
        let r: IteratorResult<IngestInput>;
        try {
          r = await source.next();
        } catch (err) {
          sourceError = err;
          exhausted = true;
          break;
        }
        if (r.done) {
          exhausted = true;
          break;
        }
        state.counts.read += 1;
        chunk.push({ seq: state.counts.read, raw: r.value });
      }
      if (!chunk.length || sourceError !== undefined) break;
      const parsed = { results: deps.pool.parse(ctx, chunk), settled: false };
      unparsed += 1;
      // Handled here (and awaited by the writer): a failed parse fails the batch when its turn comes.
      parsed.results.then(
        () => {
          parsed.settled = true;
          unparsed -= 1;
          void fill();
        },
        () => {
          parsed.settled = true;
          unparsed -= 1;
        },
      );
      inFlight.push(parsed);
    }
  };
  // One reader of the source at a time: fill() joins a read already under way.
  let filling: Promise<void> | undefined;
  const fill = (): Promise<void> => (filling ??= readChunks().finally(() => (filling = undefined)));
  const checkSource = () => {
    if (sourceError !== undefined) throw sourceError;
  };

  /**
   * Parses queued chunks on this thread until `next` has settled or nothing is queued. Checked before
   * the first one: a flag set from `next.then` (as this was) is still false when `next` had settled
   * before the call, and this thread parsed a whole chunk before every write — half the parsing,
   * with the parsed chunks waiting for it: at the end of a 10,000-message SQLite ingest ~16 of them,
   * ~1.5 s of writing on this thread alone, the worker idle.
   */
  const helpWhile = async (next: (typeof inFlight)[number]) => {
    while (!next.settled && (await deps.pool.help())) await fill();
  };

  const writeNext = async () => {
    const next = inFlight.shift()!;
    void fill();
    // A turn of the event loop between chunks: answers the workers posted meanwhile land (so
    // `settled` is current, and this thread does not parse a chunk while the one it waits for sits
    // parsed in the message queue), and requests waiting on this thread (the API server) get a
    // turn between two transactions rather than after a whole backlog of chunks.
    await new Promise<void>((resolve) => setImmediate(resolve));
    // Rather than wait for the workers, parse queued chunks here until the next one is ready.
    await helpWhile(next);
    const results = await next.results;
    const before = { signals: state.counts.new_signals, tasks: state.counts.new_tasks };
    const write = deps.database.db.transaction().execute(async (trx) => {
      await writeChunk(trx, env, state, results, deps.clock.now());
      if (opts.inChunkTransaction && results.length) {
        const seqs = results.map((r) => r.seq);
        await opts.inChunkTransaction(trx, { firstSeq: Math.min(...seqs), lastSeq: Math.max(...seqs) });
      }
    });
    // Not parsing here while the transaction waits on the server: when the writes are the slower
    // half (PostgreSQL), a chunk parsed meanwhile (~250 ms) delays the next transaction by as much
    // (measured 0.37× bare against 0.43× without), and on SQLite it would hold the write lock.
    await write;
    // The foreign-key checks of the next chunks are planned on these tables' statistics (db/grown-tables.ts).
    grown?.wrote('workflow_tasks', state.counts.new_tasks - before.tasks);
    grown?.wrote('signal', state.counts.new_signals - before.signals);
    deps.commitFeed?.notify();
    processed += results.length;
    opts.onProgress?.({ read: state.counts.read, processed });
  };

  try {
    await fill();
    checkSource();
    while (inFlight.length) {
      await writeNext();
      await fill();
      checkSource();
    }
  } catch (err) {
    await filling;
    await Promise.allSettled(inFlight.map((p) => p.results));
    throw err;
  }
}

/** Marks the batch completed with its `ingest.batch_completed` event, in one transaction. */
async function completeBatch(deps: IngestDeps, env: Env, state: State, started: number): Promise<BatchView> {
  return deps.database.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const view = await finishBatch(trx, env.orgId, env.batchId, state.counts, { status: 'completed', now, durationMs: Date.now() - started });
    await appendEvents(trx, [
      {
        orgId: env.orgId,
        eventName: 'ingest.batch_completed',
        itemType: 'ingest_batch',
        itemId: env.batchId,
        actor: env.actor,
        happenedAt: now,
        payload: {
          batchId: env.batchId,
          read: view.read,
          newSignals: view.new_signals,
          newTasks: view.new_tasks,
          duplicates: view.duplicates,
          failed: view.failed,
        },
      },
    ]);
    return view;
  });
}

function toAsyncIterator<T>(xs: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in xs ? xs[Symbol.asyncIterator]() : xs[Symbol.iterator]();
}
