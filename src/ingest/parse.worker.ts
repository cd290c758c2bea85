/**
 * A parse worker: receives chunks of raw messages and answers their analysis. MIME parsing and the
 * regex work are CPU-bound, so they run here, off the thread that writes to the database.
 */
import { parentPort } from 'node:worker_threads';
import { analyseMessage, type AnalysisContext, type ParseResult } from './analyse.js';

export interface ParseJob {
  id: number;
  ctx: AnalysisContext;
  messages: Array<{ seq: number; raw: Uint8Array | string }>;
}

export interface ParseAnswer {
  id: number;
  results: ParseResult[];
}

export async function runJob(job: ParseJob): Promise<ParseResult[]> {
  const results: ParseResult[] = [];
  for (const m of job.messages) {
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
parentPort?.on('message', (job: ParseJob) => {
  queue = queue.then(async () => {
    const results = await runJob(job);
    parentPort!.postMessage({ id: job.id, results } satisfies ParseAnswer);
  });
});
