import { describe, expect, it } from 'vitest';
import { statementParts } from './statement-parts.js';

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
