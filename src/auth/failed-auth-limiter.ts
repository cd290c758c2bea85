import type { Clock } from '../shared/clock.js';

/**
 * Counts failed authentications per client address in a fixed window. Past the limit the address
 * is refused (429) until the window ends, whatever key it presents, so keys cannot be guessed.
 */
export class FailedAuthLimiter {
  private readonly windows = new Map<string, { start: number; failures: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until the address may try again, or 0 when it is not blocked. */
  blockedFor(address: string): number {
    const w = this.windows.get(address);
    if (!w) return 0;
    const now = this.clock.now().getTime();
    if (now - w.start >= this.windowMs) {
      this.windows.delete(address);
      return 0;
    }
    return w.failures >= this.limit ? w.start + this.windowMs - now : 0;
  }

  recordFailure(address: string): void {
    const now = this.clock.now().getTime();
    const w = this.windows.get(address);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 100_000) this.prune(now);
      this.windows.set(address, { start: now, failures: 1 });
    } else {
      w.failures += 1;
    }
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}
