import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './fail.js';

describe('backoffDelayMs', () => {
  const policy = { baseMs: 1_000, capMs: 60_000 };

  it('doubles per attempt, between half and all of the nominal delay', () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(500);
    expect(backoffDelayMs(1, policy, () => 1)).toBe(1_000);
    expect(backoffDelayMs(2, policy, () => 0)).toBe(1_000);
    expect(backoffDelayMs(4, policy, () => 1)).toBe(8_000);
  });

  it('is capped, however many attempts', () => {
    expect(backoffDelayMs(10, policy, () => 1)).toBe(60_000);
    expect(backoffDelayMs(1_000, policy, () => 1)).toBe(60_000);
  });

  it('spreads retries of a burst (jitter)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(5, policy)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(8_000);
      expect(d).toBeLessThanOrEqual(16_000);
    }
  });
});
