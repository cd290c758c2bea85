/**
 * A parse worker: receives chunks of raw messages and answers their analysis. MIME parsing and the
 * regex work are CPU-bound, so they run here, off the thread that writes to the database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseMessage, type AnalysisContext, type ParseResult } from './analyse.js';
import { claimJob } from './parse-claims.js';

/**
 * A message the caller already refused without reading it (an IMAP message over the size limit,
 * which is never downloaded): it becomes a failed item with this reason, in its place in the batch.
 */
export interface RefusedMessage {
  refused: string;
  messageId?: string | null;
  subject?: string | null;
}

/** What ingestion takes per message: the raw RFC 822 bytes, or a refusal. */
export type IngestInput = Buffer | string | RefusedMessage;

export interface ParseJob {
  id: number;
  ctx: AnalysisContext;
  messages: Array<{ seq: number; raw: Uint8Array | string | RefusedMessage }>;
}

export interface ParseAnswer {
  id: number;
  results: ParseResult[];
}

export async function runJob(job: ParseJob): Promise<ParseResult[]> {
  const results: ParseResult[] = [];
  for (const m of job.messages) {
    if (typeof m.raw === 'object' && 'refused' in m.raw) {
      results.push({ ok: false, seq: m.seq, reason: m.raw.refused, messageId: m.raw.messageId ?? null, subject: m.raw.subject ?? null });
      continue;
    }
    const raw = typeof m.raw === 'string' ? m.raw : Buffer.from(m.raw.buffer, m.raw.byteOffset, m.raw.byteLength);
    try {
      results.push(await analyseMessage(raw, m.seq, job.ctx));
    } catch (e) {
      // A bug in analysis must cost one message, never the batch.
      results.push({ ok: false, seq: m.seq, reason: `Analysis failed: ${(e as Error).message}`, messageId: null, subject: null });
    }
  }
  return results;
}

if (parentPort) {
  // mailparser ends each part's decoder twice, and Node builds an ERR_STREAM_ALREADY_FINISHED (then
  // drops it) each time: two or three Errors per message whose stack capture was ~2.5% of this
  // thread's time. Nothing here reads a stack — a failed message keeps only its message text — so
  // this isolate captures none. (Not done for inline parsing: that runs on the server's thread.)
  Error.stackTraceLimit = 0;
}

// Jobs run one after another: interleaving many MIME parses in one thread only adds GC pressure.
let queue: Promise<void> = Promise.resolve();
// Whether this worker or the pool's calling thread parses a job is settled when it starts (parse-pool.ts, claimJob).
const claimsBuffer = (workerData as { claims?: SharedArrayBuffer } | null)?.claims;
const claims = claimsBuffer ? new Int32Array(claimsBuffer) : undefined;
parentPort?.on('message', (msg: ParseJob) => {
  queue = queue.then(async () => {
    // Taken by the calling thread: it answers the job itself.
    if (claims && !claimJob(claims, msg.id)) return;
    const results = await runJob(msg);
    parentPort!.postMessage({ id: msg.id, results } satisfies ParseAnswer);
  });
});
