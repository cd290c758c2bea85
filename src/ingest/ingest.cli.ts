/** `flowledger ingest <path> --org ID`: files, mbox mailboxes or folders of them, with a progress bar on a TTY. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import { ingestMessages, type IngestResult } from './ingest.service.js';
import { listMailFiles, readMailFile } from './mbox.js';
import { ParsePool } from './parse-pool.js';

export interface ProgressSink {
  isTTY: boolean;
  write(s: string): void;
}

export function progressLine(read: number, processed: number, startedMs: number, nowMs: number, files: { done: number; total: number }): string {
  const secs = Math.max(0.001, (nowMs - startedMs) / 1000);
  const width = 24;
  const frac = files.total ? files.done / files.total : 0;
  const filled = Math.round(frac * width);
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] files ${files.done}/${files.total}  messages ${processed}/${read}  ${Math.round(processed / secs)} msg/s `;
}

export async function ingestPath(
  deps: { database: Database; clock: Clock },
  input: { path: string; orgId: number; actor: string; progress?: ProgressSink },
): Promise<IngestResult & { files: number }> {
  const path = resolve(input.path);
  await stat(path); // ENOENT surfaces as a clear error before a batch exists
  const files = await listMailFiles(path);
  const counter = { done: 0, total: files.length };
  async function* messages() {
    for (const f of files) {
      yield* readMailFile(f);
      counter.done += 1;
    }
  }
  const pool = ParsePool.forBatches();
  const started = Date.now();
  let last = 0;
  try {
    const result = await ingestMessages(
      { database: deps.database, clock: deps.clock, pool },
      {
        orgId: input.orgId,
        actor: input.actor,
        source: 'cli',
        sourceName: path,
        onProgress: ({ read, processed }) => {
          const sink = input.progress;
          if (!sink?.isTTY) return;
          const now = Date.now();
          if (now - last < 100) return;
          last = now;
          sink.write(progressLine(read, processed, started, now, counter));
        },
      },
      messages(),
      0,
    );
    if (input.progress?.isTTY) input.progress.write(`${progressLine(result.batch.read, result.batch.read, started, Date.now(), counter)}\n`);
    return { ...result, files: files.length };
  } finally {
    await pool.close();
  }
}

export function summaryLines(r: IngestResult & { files: number }): string[] {
  const b = r.batch;
  return [
    `Batch ${b.batch_id}: ${b.read} messages from ${r.files} file(s) in ${((b.duration_ms ?? 0) / 1000).toFixed(1)} s`,
    `  new signals ${b.new_signals}, new tasks ${b.new_tasks}, not actionable ${b.not_actionable}, duplicates ${b.duplicates}, failed ${b.failed}`,
    ...(b.failed ? [`  failed messages and their reasons: GET /api/ingest/batches/${b.batch_id}/items?outcome=failed`] : []),
  ];
}
