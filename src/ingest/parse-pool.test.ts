import { describe, expect, it } from 'vitest';
import { DEFAULT_INGEST_CONFIG } from './config.js';
import { ParsePool } from './parse-pool.js';

const ctx = { config: DEFAULT_INGEST_CONFIG, currency: 'USD', highValueThreshold: 50_000, selfNames: [] };
const msg = (k: number) => ({ seq: k, raw: `From: a@example.com\r\nSubject: PO ${4500000 + k}\r\n\r\nPlease process PO ${4500000 + k}.\r\n` });

describe('ParsePool', () => {
  it('shares queued jobs between its worker and the calling thread, answering each job its own messages', async () => {
    const pool = new ParsePool(1);
    try {
      const jobs = Array.from({ length: 6 }, (_, k) => pool.parse(ctx, [msg(k)]));
      // The worker holds four jobs; the rest wait, and the caller can take one.
      expect(await pool.help()).toBe(true);
      const results = await Promise.all(jobs);
      expect(results.map((r) => r[0]!.seq)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(results.map((r) => (r[0]!.ok ? r[0]!.entities.po_numbers : []))).toEqual([0, 1, 2, 3, 4, 5].map((k) => [String(4500000 + k)]));
      expect(await pool.help()).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('takes the oldest job nobody has started, from a worker\'s inbox too, and the worker skips it', async () => {
    const pool = new ParsePool(1);
    try {
      const jobs = Array.from({ length: 4 }, (_, k) => pool.parse(ctx, [msg(k)]));
      // Nothing queued: the worker is still starting, so the caller parses its oldest job (0) itself.
      expect(await pool.help()).toBe(true);
      expect(await jobs[0]).toMatchObject([{ ok: true, seq: 0 }]);
      const results = await Promise.all(jobs);
      expect(results.map((r) => r[0]!.seq)).toEqual([0, 1, 2, 3]);
      expect(results.map((r) => (r[0]!.ok ? r[0]!.entities.po_numbers : []))).toEqual([0, 1, 2, 3].map((k) => [String(4500000 + k)]));
      // The worker still answers jobs given to it afterwards.
      expect(await pool.parse(ctx, [msg(7)])).toMatchObject([{ ok: true, seq: 7 }]);
    } finally {
      await pool.close();
    }
  });

  it('parses each job once when the caller and the worker both reach for it', async () => {
    const pool = new ParsePool(1);
    try {
      const jobs = Array.from({ length: 40 }, (_, k) => pool.parse(ctx, [msg(k)]));
      while (await pool.help());
      const results = await Promise.all(jobs);
      expect(results.map((r) => r.map((m) => m.seq))).toEqual(Array.from({ length: 40 }, (_, k) => [k]));
    } finally {
      await pool.close();
    }
  });

  it('parses inline with size 0', async () => {
    const pool = new ParsePool(0);
    const [r] = await pool.parse(ctx, [msg(9)]);
    expect(r).toMatchObject({ ok: true, seq: 9, category: 'Order Processing' });
    await pool.close();
  });
});
