import { describe, expect, it } from 'vitest';
import { rowsAsJson, statementParts } from './statement-parts.js';

describe('statementParts', () => {
  it('splits rows into power-of-two parts, largest first, keeping order', () => {
    const rows = Array.from({ length: 250 }, (_, i) => i);
    const parts = statementParts(rows, 256);
    expect(parts.map((p) => p.length)).toEqual([128, 64, 32, 16, 8, 2]);
    expect(parts.flat()).toEqual(rows);
  });

  it('never exceeds max, rounding max down to a power of two', () => {
    expect(statementParts(Array.from({ length: 1000 }, () => 0), 400).map((p) => p.length)).toEqual([256, 256, 256, 128, 64, 32, 8]);
  });

  it('returns nothing for no rows', () => {
    expect(statementParts([], 64)).toEqual([]);
  });
});

describe('rowsAsJson', () => {
  it('writes a lone surrogate as U+FFFD, and leaves pairs and escaped text alone', () => {
    const cut = '😀'.slice(0, 1);
    const rows = [{ a: `x${cut}`, b: '😀 \\ud83d' }, { a: `${'😀'.slice(1)}y`, b: '\\\\' }];
    const { columns, json } = rowsAsJson(rows)!;
    expect(columns).toEqual(['a', 'b']);
    expect(JSON.parse(json)).toEqual([
      { a: 'x\ufffd', b: '😀 \\ud83d' },
      { a: '\ufffdy', b: '\\\\' },
    ]);
  });

  it('answers undefined for rows of different columns or with values JSON cannot carry as they are', () => {
    expect(rowsAsJson([{ a: 1 }, { b: 1 }])).toBeUndefined();
    expect(rowsAsJson([{ a: 1, b: 2 }, { a: 1, b: undefined }])).toBeUndefined();
    expect(rowsAsJson([{ a: new Date(0) }])).toBeUndefined();
    expect(rowsAsJson([{ a: Number.NaN }])).toBeUndefined();
    expect(rowsAsJson([{ a: [1] }])).toBeUndefined();
    expect(rowsAsJson([])).toBeUndefined();
    expect(rowsAsJson([{ a: null, b: true, c: undefined }])).toEqual({ columns: ['a', 'b'], json: '[{"a":null,"b":true}]' });
  });
});
