import { describe, expect, it } from 'vitest';
import { parseDuration, parseSize } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['10s', 10_000],
    ['10m', 600_000],
    ['1.5h', 5_400_000],
    ['2d', 172_800_000],
  ])('%s is %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['10', 'ten minutes', '5 weeks', '-1s', ''])('rejects %j', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('parseSize', () => {
  it('reads plain bytes and binary units', () => {
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize('1mb')).toBe(1048576);
    expect(parseSize('25MiB')).toBe(25 * 1048576);
    expect(parseSize('512kb')).toBe(512 * 1024);
    expect(parseSize('lots')).toBeUndefined();
  });
});
