import { describe, expect, it } from 'vitest';
import type { IngestProgress } from '../ingest/ingest.cli.js';
import { bytesDone, formatDuration, ingestProgress } from './ingest-progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    {
      write: (s: string) => {
        chunks.push(s);
        return true;
      },
      isTTY,
      columns: 160,
    },
    // What readline's cursor moves need of a stream beyond write.
    { on: () => stream, once: () => stream, removeListener: () => stream },
  );
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

const at = (bytesRead: number, read: number, processed: number, bytesTotal = 10_000_000): IngestProgress => ({
  bytesRead,
  bytesTotal,
  files: { done: 0, total: 1 },
  read,
  processed,
});

describe('ingest progress', () => {
  it('counts bytes done as bytes read times the share of read messages written', () => {
    expect(bytesDone(at(4_000_000, 1000, 500))).toBe(2_000_000);
    expect(bytesDone(at(4_000_000, 0, 0))).toBe(0);
    expect(bytesDone(at(10_000_000, 3000, 3000))).toBe(10_000_000);
  });

  it('formats durations compactly', () => {
    expect([formatDuration(4.4), formatDuration(75), formatDuration(3 * 3600 + 5 * 60)]).toEqual(['4s', '1m15s', '3h05m']);
  });

  it('off a terminal, prints a line per 10% step or every 5 s, then 100% at the end', () => {
    let now = 0;
    const s = sink(false);
    const view = ingestProgress(s.stream, { now: () => now });
    now = 1000;
    view.update(at(2_000_000, 500, 250)); // 10%: a line
    now = 1500;
    view.update(at(2_400_000, 600, 250)); // 12%: same step, no line
    now = 7000;
    view.update(at(2_400_000, 600, 300)); // 12%, but 5.5 s since the last line
    now = 8000;
    view.update(at(9_000_000, 3000, 1500)); // 45%: a line
    now = 9000;
    view.stop(at(10_000_000, 3300, 3300), true);
    const out = s.text().trimEnd().split('\n');
    expect(out.map((l) => /^ingest (\d+)%/.exec(l)?.[1])).toEqual(['10', '12', '45', '100']);
    expect(out[0]).toBe('ingest 10% | ETA 9s | 1.0/10.0 MB, 1.0 MB/s | 250 msg, 250/s');
    expect(out.at(-1)).toBe('ingest 100% | ETA 0s | 10.0/10.0 MB, 1.1 MB/s | 3300 msg, 367/s');
    expect(s.text()).not.toContain('\r');
  });

  it('names the file it is in when ingesting a folder', () => {
    let now = 0;
    const s = sink(false);
    const view = ingestProgress(s.stream, { now: () => now });
    now = 1000;
    view.update({ ...at(5_000_000, 100, 100), files: { done: 2, total: 40 } });
    expect(s.text()).toBe('ingest 50% | ETA 1s | 5.0/10.0 MB, 5.0 MB/s | 100 msg, 100/s | file 3 of 40\n');
  });

  it('on a terminal, draws a bar with percentage, MB/s, messages/s and ETA in place, ending at 100%', () => {
    let now = 0;
    const s = sink(true);
    const view = ingestProgress(s.stream, { now: () => now });
    now = 1000;
    view.update(at(2_000_000, 500, 250));
    now = 2000;
    view.stop(at(10_000_000, 3300, 3300), true);
    const text = s.text();
    expect(text).toContain('ingest [');
    expect(text).toContain('] 10% | ETA 9s | 1.0/10.0 MB, 1.0 MB/s | 250 msg, 250/s');
    expect(text).toContain('] 100% | ETA 0s | 10.0/10.0 MB, 5.0 MB/s | 3300 msg, 1650/s');
    // Redrawn in place (cursor to column 1), not a new line per update.
    expect(text).toContain('\x1b[1G');
    expect(text.split('\n').filter((l) => l.includes('ingest [')).length).toBe(1);
  });
});
