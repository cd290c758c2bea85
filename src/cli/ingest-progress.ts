/**
 * The progress of `flowledger ingest`, by bytes: a live bar (cli-progress) on a terminal, and plain
 * lines every few seconds or every 10% otherwise, so logs and CI output stay readable.
 */
import { SingleBar } from 'cli-progress';
import type { IngestProgress } from '../ingest/ingest.cli.js';

export interface ProgressView {
  update(p: Readonly<IngestProgress>): void;
  /** The last line (the run is complete, or failed where it stood), and the terminal given back. */
  stop(p: Readonly<IngestProgress>, complete: boolean): void;
}

type Stream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

const MB = 1_000_000;


/**
 * Bytes done: bytes read, scaled by the share of messages read that are written. The reader runs a
 * few chunks ahead of the parser and writer, so bytes read alone would reach 100% while the last
 * chunks are still being written; assuming even message sizes keeps the bar and its ETA honest.
 */
export function bytesDone(p: Readonly<IngestProgress>): number {
  if (p.read === 0) return 0;
  return Math.min(p.bytesTotal, Math.round((p.bytesRead * p.processed) / p.read));
}

/** The figures of a moment; `text` is what follows the percentage, most wanted first, as a narrow terminal cuts the end. */
function figures(p: Readonly<IngestProgress>, elapsedMs: number) {
  const done = bytesDone(p);
  const secs = Math.max(elapsedMs / 1000, 0.001);
  // From the average rate so far: the parse pool's warm-up makes it pessimistic early on, never wild.
  const eta = done > 0 ? formatDuration(secs * ((p.bytesTotal - done) / done)) : '?';
  const files = p.files.total > 1 ? ` | file ${Math.min(p.files.done + 1, p.files.total)} of ${p.files.total}` : '';
  const mb = (bytes: number) => (bytes / MB).toFixed(1);
  return {
    done,
    fraction: p.bytesTotal > 0 ? done / p.bytesTotal : 1,
    text: `ETA ${eta} | ${mb(done)}/${mb(p.bytesTotal)} MB, ${mb(done / secs)} MB/s | ${p.processed} msg, ${Math.round(p.processed / secs)}/s${files}`,
  };
}

export function formatDuration(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** A progress view on `stream`: a bar when it is a terminal, plain lines when it is not. */
export function ingestProgress(stream: Stream, opts: { everyMs?: number; stepPercent?: number; now?: () => number } = {}): ProgressView {
  return stream.isTTY ? barView(stream, opts.now ?? Date.now) : lineView(stream, opts);
}

function barView(stream: Stream, now: () => number): ProgressView {
  const bar = new SingleBar({
    stream,
    format: 'ingest [{bar}] {percentage}% | {figures}',
    barsize: 16,
    // Nothing that Ctrl-C would leave behind: no SIGINT handler of the bar's own (it would keep the
    // signal from ending the run), no hidden cursor, no terminal line wrapping turned off (the bar
    // is cut to the terminal's width instead).
    gracefulExit: false,
    hideCursor: false,
    linewrap: true,
  });
  const started = now();
  let running = false;
  const payload = (p: Readonly<IngestProgress>) => {
    const f = figures(p, now() - started);
    return { value: f.done, payload: { figures: f.text } };
  };
  return {
    update(p) {
      const { value, payload: data } = payload(p);
      if (!running) {
        bar.start(p.bytesTotal, value, data);
        running = true;
      } else bar.update(value, data);
    },
    stop(p, complete) {
      if (!running) return;
      const { value, payload: data } = payload(p);
      bar.update(complete ? p.bytesTotal : value, data);
      bar.stop();
      running = false;
    },
  };
}

function lineView(stream: Stream, opts: { everyMs?: number; stepPercent?: number; now?: () => number }): ProgressView {
  const everyMs = opts.everyMs ?? 5000;
  const step = opts.stepPercent ?? 10;
  const now = opts.now ?? Date.now;
  const started = now();
  let lastAt = started;
  let lastStep = 0;
  let printed = -1;
  const line = (p: Readonly<IngestProgress>, fraction?: number) => {
    const f = figures(p, now() - started);
    const pct = Math.floor((fraction ?? f.fraction) * 100);
    stream.write(`ingest ${pct}% | ${f.text}\n`);
    printed = pct;
  };
  return {
    update(p) {
      const t = now();
      const reached = Math.floor((figures(p, t - started).fraction * 100) / step);
      if (reached > lastStep || t - lastAt >= everyMs) {
        lastStep = Math.max(lastStep, reached);
        lastAt = t;
        line(p);
      }
    },
    stop(p, complete) {
      if (complete && printed !== 100) line(p, 1);
    },
  };
}
