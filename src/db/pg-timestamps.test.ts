import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { pgTimestamptzToIso } from './create-db.js';

/** What the Date path gives (the parser before the text rewrite). */
const viaDate = (v: string) => (pg.types.getTypeParser(1184, 'text') as (v: string) => Date)(v).toISOString();

describe('pgTimestamptzToIso', () => {
  it('gives what the Date path gives for UTC timestamps, every fraction length', () => {
    for (const v of [
      '2026-11-20 08:03:04+00',
      '2026-11-20 08:03:04.2+00',
      '2026-11-20 08:03:04.24+00',
      '2026-11-20 08:03:04.244+00',
      '2026-11-20 08:03:04.2449+00',
      '2026-11-20 08:03:04.999999+00',
      '1970-01-01 00:00:00+00',
      '9999-12-31 23:59:59.000001+00',
    ]) {
      expect(pgTimestamptzToIso(v), v).toBe(viaDate(v));
    }
    for (let us = 0; us < 1_000_000; us += 997) {
      const f = String(us).padStart(6, '0').replace(/0+$/, '');
      const v = `2026-03-05 10:11:12${f ? `.${f}` : ''}+00`;
      expect(pgTimestamptzToIso(v), v).toBe(viaDate(v));
    }
  });

  it('takes the Date path for other offsets and old years, and leaves infinity as text', () => {
    expect(pgTimestamptzToIso('2026-11-20 10:03:04.5+02')).toBe('2026-11-20T08:03:04.500Z');
    expect(pgTimestamptzToIso('0099-01-01 00:00:00+00')).toBe(viaDate('0099-01-01 00:00:00+00'));
    expect(pgTimestamptzToIso('infinity')).toBe('infinity');
  });
});
