import { describe, expect, it } from 'vitest';
import { yTicks } from './analytics-chart.js';

describe('yTicks', () => {
  it('starts at 0, steps by 1, 2 or 5 × 10^k and reaches at least the largest value', () => {
    expect(yTicks(0)).toEqual([0, 1]);
    expect(yTicks(3)).toEqual([0, 1, 2, 3]);
    expect(yTicks(25)).toEqual([0, 10, 20, 30]);
    expect(yTicks(30)).toEqual([0, 10, 20, 30]);
    expect(yTicks(130)).toEqual([0, 50, 100, 150]);
    expect(yTicks(1_999)).toEqual([0, 500, 1000, 1500, 2000]);
  });
});
