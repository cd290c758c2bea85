/** `flowledger ingest <path> --org ID`: files, mbox mailboxes or folders of them, reporting progress by bytes read. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import { ingestMessages, type IngestResult } from './ingest.service.js';
import { listMailFiles, readMailFile } from './mbox.js';
import { ParsePool } from './parse-pool.js';

/** Where an ingest run is. Bytes are the measure of the whole (the total is known up front); messages are not. */
export interface IngestProgress {
  bytesRead: number;
  bytesTotal: number;
  files: { done: number; total: number };
  /** Messages read from the files so far (the parse pool works a few chunks behind). */
  read: number;
  /** Messages parsed and written. */
  processed: number;
}

export async function ingestPath(
  deps: { database: Database; clock: Clock },
  input: { path: string; orgId: number; actor: string; onProgress?: (p: Readonly<IngestProgress>) => void },
): Promise<IngestResult & { files: number }> {
  const path = resolve(input.path);
  await stat(path); // ENOENT surfaces as a clear error before a batch exists
  const files = await listMailFiles(path);
  let bytesTotal = 0;
  for (const f of files) bytesTotal += (await stat(f)).size;
  const progress: IngestProgress = { bytesRead: 0, bytesTotal, files: { done: 0, total: files.length }, read: 0, processed: 0 };
  const report = () => input.onProgress?.(progress);
  const onBytes = (n: number) => {
    progress.bytesRead += n;
    report();
  };
  async function* messages() {
    for (const f of files) {
      for await (const raw of readMailFile(f, onBytes)) {
        progress.read += 1;
        yield raw;
      }
      progress.files.done += 1;
    }
  }
  const pool = ParsePool.forBatches();
  try {
    const result = await ingestMessages(
      { database: deps.database, clock: deps.clock, pool },
      {
        orgId: input.orgId,
        actor: input.actor,
        source: 'cli',
        sourceName: path,
        onProgress: ({ processed }) => {
          progress.processed = processed;
          report();
        },
      },
      messages(),
      0,
    );
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
    ...(b.failed ? [`  the failed messages and why: flowledger ingest failed ${b.batch_id} --org ${b.org_id}`] : []),
  ];
}
