/**
 * Every timeout of the test suite comes from here: a base figure for a quiet machine times one
 * factor. `TEST_TIME_SCALE` sets the factor; unset, it is at least 2 and grows with the load the
 * machine already carries when the run starts (load average per core, ×2, at most 10). Timeouts
 * are only upper bounds for waits on conditions: a larger factor makes a failing run slower to
 * report, never a passing run slower.
 */
import { cpus, loadavg } from 'node:os';

function resolveScale(): number {
  const given = process.env.TEST_TIME_SCALE;
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`TEST_TIME_SCALE must be a positive number (got "${given}")`);
    return n;
  }
  const perCore = loadavg()[0]! / Math.max(1, cpus().length);
  return Math.min(10, Math.max(2, Math.ceil(perCore * 2)));
}

export const TIME_SCALE = resolveScale();

/** `ms` (what a quiet machine needs, with room) scaled for this run. */
export function scaled(ms: number): number {
  return Math.round(ms * TIME_SCALE);
}
