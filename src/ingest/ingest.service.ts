/**
 * Ingestion: raw messages in, signals and workflow tasks out.
 *
 * Parsing is CPU-bound and runs in a worker pool, several chunks ahead of the writer; the writer
 * (this thread) turns each parsed chunk into a handful of multi-row statements in one transaction:
 * signals (ON CONFLICT DO NOTHING on the per-org dedupe key), patterns (upsert), tasks, their first
 * status-history rows, batch items and work events. Chunked transactions keep the SQLite write lock
 * short for the API and the SLA monitor; re-ingesting is idempotent because of the dedupe key, so a
 * batch cut short by a crash can simply be run again.
 */
import { MIN_INSTANT_YEAR } from '../shared/iso-instant.js';
import { sql } from 'kysely';
import type { Database, Trx } from '../db/create-db.js';
import { statementParts } from '../db/statement-parts.js';
import type { NewRow, TaskStatus } from '../db/types.js';
import type { CommitFeed } from '../db/commit-feed.js';
import { appendEvents, type NewWorkEvent } from '../outbox/work-events.repository.js';
import type { Clock } from '../shared/clock.js';
import { notFound } from '../shared/errors.js';
import { newTaskId } from '../shared/ids.js';
import { listRules, pickTaskRule, type SlaRule } from '../sla/rules.repository.js';
import { escalatedStatus, planTaskSla } from '../sla/task-sla.js';
import type { AnalysedMessage, AnalysisContext, ParseResult } from './analyse.js';
import { createBatch, finishBatch, insertItems, type BatchCounts, type BatchView } from './batch.repository.js';
import { getIngestConfig } from './config.js';
import type { ParsePool } from './parse-pool.js';
import { listRoutingRules, routeFor, type RoutingRule } from './routing.repository.js';
import { insertTasks } from './tasks.writer.js';

export interface IngestDeps {
  database: Database;
  clock: Clock;
  pool: ParsePool;
  commitFeed?: CommitFeed;
}

export interface IngestOptions {
  orgId: number;
  actor: string;
  source: 'api' | 'cli' | 'demo';
  sourceName?: string | null;
  /** Called after each written chunk. */
  onProgress?: (p: { read: number; processed: number }) => void;
  /** Messages per parse job / write transaction. */
  chunkSize?: number;
}

export interface IngestItemSummary {
  seq: number;
  outcome: 'created' | 'signal_only' | 'duplicate' | 'failed';
  message_id: string | null;
  signal_id: number | null;
  task_id: string | null;
  reason: string | null;
}

export interface IngestResult {
  batch: BatchView;
  /** Per-message outcomes (kept for the first `keepItems` messages). */
  items: IngestItemSummary[];
}

interface Env {
  orgId: number;
  actor: string;
  batchId: number;
  currency: string;
  slaRules: SlaRule[];
  routes: RoutingRule[];
}

/** Kept in memory across chunks: dedupe within the batch and counts. */
interface State {
  seen: Set<string>;
  counts: BatchCounts;
  items: IngestItemSummary[];
  keepItems: number;
}

const DEFAULT_CHUNK = 250;
/** Rows (or IN-list keys) per statement: 16 columns × 512 stays far under SQLite's 32,766 parameters. */
const SELECT_CHUNK = 512;

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

/**
 * Ingests raw messages for one org as one batch and returns its summary. Malformed messages are
 * recorded as failed items; only a database failure stops the batch (it is then marked failed).
 */
export async function ingestMessages(
  deps: IngestDeps,
  opts: IngestOptions,
  messages: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  keepItems = 1000,
): Promise<IngestResult> {
  const started = Date.now();
  const { ctx, currency, slaRules, routes } = await loadContext(deps.database, opts.orgId);
  const batchId = await createBatch(deps.database.db, {
    orgId: opts.orgId,
    source: opts.source,
    sourceName: opts.sourceName ?? null,
    actor: opts.actor,
    now: deps.clock.now().toISOString(),
  });
  const env: Env = { orgId: opts.orgId, actor: opts.actor, batchId, currency, slaRules, routes };
  const state: State = {
    seen: new Set(),
    counts: { read: 0, new_signals: 0, new_tasks: 0, duplicates: 0, failed: 0, not_actionable: 0 },
    items: [],
    keepItems,
  };
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK;
  // Chunks read and handed to the pool but not yet written. The queue is topped up whenever this
  // thread is between steps (before and after each chunk it parses itself, after each write), not
  // only after a write: otherwise this thread's help() emptied the queue and the worker idled until
  // the next write was done (measured: the worker idle ~17% of a 10,000-message ingest).
  const ahead = deps.pool.capacity + 4;
  const inFlight: Array<Promise<ParseResult[]>> = [];
  const source = toAsyncIterator(messages);
  let exhausted = false;
  let processed = 0;

  const fill = async () => {
    while (!exhausted && inFlight.length < ahead) {
      const chunk: Array<{ seq: number; raw: Buffer | string }> = [];
      while (chunk.length < chunkSize) {
        const r = await source.next();
        if (r.done) {
          exhausted = true;
          break;
        }
        state.counts.read += 1;
        chunk.push({ seq: state.counts.read, raw: r.value });
      }
      if (chunk.length) inFlight.push(deps.pool.parse(ctx, chunk));
    }
  };

  const writeNext = async () => {
    const next = inFlight.shift()!;
    // Rather than wait for the workers, parse queued chunks here until the next one is ready.
    let ready = false;
    void next.then(
      () => (ready = true),
      () => (ready = true),
    );
    while (!ready && (await deps.pool.help())) await fill();
    const results = await next;
    await deps.database.db.transaction().execute((trx) => writeChunk(trx, deps, env, state, results));
    deps.commitFeed?.notify();
    processed += results.length;
    opts.onProgress?.({ read: state.counts.read, processed });
  };

  try {
    await fill();
    while (inFlight.length) {
      await writeNext();
      await fill();
    }
  } catch (err) {
    // Let in-flight parses settle before marking the batch, so nothing writes after it.
    await Promise.allSettled(inFlight);
    await finishBatch(deps.database.db, env.orgId, batchId, state.counts, {
      status: 'failed',
      error: (err as Error).message ?? String(err),
      now: deps.clock.now().toISOString(),
      durationMs: Date.now() - started,
    });
    throw err;
  }

  const batch = await deps.database.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const view = await finishBatch(trx, env.orgId, batchId, state.counts, { status: 'completed', now, durationMs: Date.now() - started });
    await appendEvents(trx, [
      {
        orgId: env.orgId,
        eventName: 'ingest.batch_completed',
        itemType: 'ingest_batch',
        itemId: batchId,
        actor: env.actor,
        happenedAt: now,
        payload: {
          batchId,
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
  deps.commitFeed?.notify();
  // Within a chunk, failures and duplicates are settled before creations: answer in message order.
  return { batch, items: state.items.sort((a, b) => a.seq - b.seq) };
}

function toAsyncIterator<T>(xs: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in xs ? xs[Symbol.asyncIterator]() : xs[Symbol.iterator]();
}

function keep(state: State, item: IngestItemSummary): void {
  if (state.items.length < state.keepItems) state.items.push(item);
}

/** One chunk of parsed messages → a few multi-row statements in the caller's transaction. */
async function writeChunk(trx: Trx, deps: IngestDeps, env: Env, state: State, results: ParseResult[]): Promise<void> {
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const nowMs = nowDate.getTime();
  const items: Array<NewRow<'ingest_batch_item'>> = [];
  const item = (r: ParseResult, outcome: IngestItemSummary['outcome'], extra: { signal_id?: number | null; task_id?: string | null; reason?: string | null; dedupe_key?: string | null }) => {
    const ok = r.ok ? r : undefined;
    items.push({
      org_id: env.orgId,
      batch_id: env.batchId,
      seq: r.seq,
      outcome,
      message_id: r.messageId,
      dedupe_key: extra.dedupe_key ?? null,
      subject: (r.subject ?? '').slice(0, 500) || null,
      sender: ok?.fromAddress ?? null,
      signal_id: extra.signal_id ?? null,
      task_id: extra.task_id ?? null,
      reason: extra.reason ?? null,
      created_at: now,
    });
    keep(state, { seq: r.seq, outcome, message_id: r.messageId, signal_id: extra.signal_id ?? null, task_id: extra.task_id ?? null, reason: extra.reason ?? null });
  };

  // 1. Failed and in-batch duplicates need no lookup.
  const candidates: AnalysedMessage[] = [];
  for (const r of results) {
    if (!r.ok) {
      state.counts.failed += 1;
      item(r, 'failed', { reason: r.reason });
    } else if (state.seen.has(r.dedupeKey)) {
      state.counts.duplicates += 1;
      item(r, 'duplicate', { dedupe_key: r.dedupeKey, reason: 'repeated within this batch' });
    } else {
      state.seen.add(r.dedupeKey);
      candidates.push(r);
    }
  }

  // 2. Already ingested earlier (any batch): duplicates, with the signal they match.
  const existing = new Map<string, number>();
  for (const part of statementParts(candidates, SELECT_CHUNK)) {
    const rows = await trx
      .selectFrom('signal')
      .select(['signal_id', 'dedupe_key'])
      .where('org_id', '=', env.orgId)
      .where('dedupe_key', 'in', part.map((m) => m.dedupeKey))
      .execute();
    for (const r of rows) existing.set(r.dedupe_key, r.signal_id);
  }
  const fresh = candidates.filter((m) => !existing.has(m.dedupeKey));
  for (const m of candidates) {
    if (existing.has(m.dedupeKey)) {
      state.counts.duplicates += 1;
      item(m, 'duplicate', { dedupe_key: m.dedupeKey, signal_id: existing.get(m.dedupeKey)!, reason: 'already ingested' });
    }
  }

  // 3. Signals. Received time is the Date header, never in the future of our clock; a header dated
  // before the year 1000 (forged or broken) counts as no date, as the API refuses such instants.
  const receivedAt = new Map<AnalysedMessage, string>();
  for (const m of fresh) {
    const dated = m.dateMs !== null && new Date(m.dateMs).getUTCFullYear() >= MIN_INSTANT_YEAR ? m.dateMs : nowMs;
    receivedAt.set(m, new Date(Math.min(dated, nowMs)).toISOString());
  }
  const signalIds = new Map<string, number>();
  for (const part of statementParts(fresh, SELECT_CHUNK)) {
    const inserted = await trx
      .insertInto('signal')
      .values(
        part.map((m) => ({
          org_id: env.orgId,
          source_type: 'email',
          source_ref: m.messageId,
          snippet: m.snippet || null,
          contact_id: m.fromAddress,
          client_id: m.customerName,
          ts: receivedAt.get(m)!,
          problem_phrase: m.subject.slice(0, 300) || null,
          solution_hint: m.notActionable ? null : m.category,
          urgency_score: m.urgency,
          dedupe_key: m.dedupeKey,
          cluster_id: m.signature.slice(0, 300),
          owner_user_id: m.notActionable ? null : (routeFor(env.routes, m.category)?.owner ?? null),
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['org_id', 'dedupe_key']).doNothing())
      .returning(['signal_id', 'dedupe_key'])
      .execute();
    for (const r of inserted) signalIds.set(r.dedupe_key, r.signal_id);
  }
  // A concurrent batch (another process) may have won the race for some keys: those are duplicates.
  const created = fresh.filter((m) => signalIds.has(m.dedupeKey));
  for (const m of fresh) {
    if (!signalIds.has(m.dedupeKey)) {
      state.counts.duplicates += 1;
      item(m, 'duplicate', { dedupe_key: m.dedupeKey, reason: 'ingested concurrently' });
    }
  }
  state.counts.new_signals += created.length;

  // 4. Patterns of the actionable ones, upserted set-based.
  const actionable = created.filter((m) => !m.notActionable);
  const patternIds = await upsertPatterns(trx, env.orgId, actionable, receivedAt);

  // 5. Tasks with SLA plan, owner and first history row.
  const tasks: Array<NewRow<'workflow_tasks'>> = [];
  const history: Array<NewRow<'workflow_status_history'>> = [];
  const breaches: Array<NewRow<'sla_breach'>> = [];
  const events: NewWorkEvent[] = [];
  const taskOf = new Map<AnalysedMessage, string>();
  for (const m of actionable) {
    const start = receivedAt.get(m)!;
    const rule = pickTaskRule(env.slaRules, m.category, m.priority);
    const plan = planTaskSla({ startMs: Date.parse(start), nowMs, rule, priority: m.priority });
    const status: TaskStatus = escalatedStatus('GREEN', 'ok', plan.sla_status);
    const route = routeFor(env.routes, m.category);
    const taskId = newTaskId(nowDate);
    taskOf.set(m, taskId);
    const signalId = signalIds.get(m.dedupeKey)!;
    const title = (m.subject || `(no subject) from ${m.fromAddress ?? 'unknown sender'}`).slice(0, 300);
    tasks.push({
      task_id: taskId,
      org_id: env.orgId,
      workflow_category: m.category,
      task_status: status,
      title,
      description: m.description || null,
      priority: m.priority,
      current_owner: route?.owner ?? null,
      owner_email: route?.owner_email ?? null,
      dollar_value: m.dollarValue,
      currency: env.currency,
      ...plan,
      // Mail that already waited past its warning or deadline carries those moments, as if the
      // monitor had watched it all along.
      sla_warned_at: plan.sla_status !== 'ok' ? plan.sla_warn_at : null,
      sla_breached_at: plan.sla_status === 'breached' ? plan.sla_deadline : null,
      entities: JSON.stringify({ ...m.entities, attachments: m.attachments }),
      customer_name: m.customerName,
      po_number: m.entities.po_numbers[0] ?? null,
      quote_number: m.entities.quote_numbers[0] ?? null,
      source_type: 'email',
      source_message_id: m.messageId,
      source_sender: m.fromAddress,
      source_subject: m.subject.slice(0, 500) || null,
      source_received_at: start,
      signal_id: signalId,
      pattern_id: patternIds.get(m.signature) ?? null,
      category_reason: m.categoryReason,
      tags: JSON.stringify(m.attachments.length ? ['email', 'attachment'] : ['email']),
      created_by: env.actor,
      created_at: now,
      updated_at: now,
    });
    history.push({ org_id: env.orgId, task_id: taskId, from_status: null, to_status: status, changed_by: env.actor, reason: 'created from email', changed_at: now });
    if (plan.sla_status === 'breached') {
      breaches.push({
        org_id: env.orgId,
        item_type: 'task',
        item_id: taskId,
        rule_id: plan.sla_rule_id ?? 0,
        metric: 'task_sla',
        reason_code: 'deadline_passed',
        breached_at: plan.sla_deadline!,
      });
    }
    events.push({
      orgId: env.orgId,
      eventName: 'task.created',
      itemType: 'task',
      itemId: taskId,
      actor: env.actor,
      happenedAt: now,
      payload: {
        taskId,
        category: m.category,
        status,
        priority: m.priority,
        title,
        dollarValue: m.dollarValue,
        currency: env.currency,
        owner: route?.owner ?? null,
        slaDeadline: plan.sla_deadline,
        slaStatus: plan.sla_status,
        customer: m.customerName,
        signalId,
        batchId: env.batchId,
        source: 'email',
      },
    });
  }
  await insertTasks(trx, tasks);
  for (const part of statementParts(history, 1000)) await trx.insertInto('workflow_status_history').values(part).execute();
  // Breach records for a backlog imported already late (reports count them), without an alert per
  // historical mail: the task.created event already says the task is RED.
  for (const part of statementParts(breaches, 1000)) await trx.insertInto('sla_breach').values(part).execute();
  state.counts.new_tasks += tasks.length;
  state.counts.not_actionable += created.length - actionable.length;

  for (const m of created) {
    const signalId = signalIds.get(m.dedupeKey)!;
    events.push({
      orgId: env.orgId,
      eventName: 'signal.created',
      itemType: 'signal',
      itemId: signalId,
      actor: env.actor,
      happenedAt: now,
      payload: { signalId, sourceType: 'email', sourceRef: m.messageId, contact: m.fromAddress, subject: m.subject.slice(0, 300), batchId: env.batchId },
    });
    const taskId = taskOf.get(m);
    item(m, taskId ? 'created' : 'signal_only', { dedupe_key: m.dedupeKey, signal_id: signalId, task_id: taskId ?? null, reason: m.notActionable ?? null });
  }
  for (const part of statementParts(events, 1000)) await appendEvents(trx, part);
  items.sort((a, b) => a.seq - b.seq);
  await insertItems(trx, items);
}

/** Occurrences, first/last seen per signature; returns pattern ids by signature. */
async function upsertPatterns(trx: Trx, orgId: number, msgs: AnalysedMessage[], receivedAt: Map<AnalysedMessage, string>): Promise<Map<string, number>> {
  const agg = new Map<string, NewRow<'workflow_patterns'> & { occurrences: number; first_seen: string; last_seen: string }>();
  for (const m of msgs) {
    const at = receivedAt.get(m)!;
    const a = agg.get(m.signature);
    if (!a) {
      agg.set(m.signature, {
        org_id: orgId,
        signature: m.signature,
        category: m.category,
        example_subject: m.subject.slice(0, 300) || null,
        occurrences: 1,
        first_seen: at,
        last_seen: at,
      });
    } else {
      a.occurrences += 1;
      if (at < a.first_seen) a.first_seen = at;
      if (at > a.last_seen) a.last_seen = at;
    }
  }
  const ids = new Map<string, number>();
  for (const part of statementParts([...agg.values()], SELECT_CHUNK)) {
    const rows = await trx
      .insertInto('workflow_patterns')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['org_id', 'signature']).doUpdateSet({
          occurrences: sql`workflow_patterns.occurrences + excluded.occurrences`,
          first_seen: sql`case when excluded.first_seen < workflow_patterns.first_seen then excluded.first_seen else workflow_patterns.first_seen end`,
          last_seen: sql`case when excluded.last_seen > workflow_patterns.last_seen then excluded.last_seen else workflow_patterns.last_seen end`,
        }),
      )
      .returning(['pattern_id', 'signature'])
      .execute();
    for (const r of rows) ids.set(r.signature, r.pattern_id);
  }
  return ids;
}
