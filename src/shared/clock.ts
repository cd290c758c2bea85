/** Time is injected everywhere: SLA, analytics and tests run at any simulated instant. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-01-15T12:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** The one stored time format: fixed-width ISO-8601 UTC with milliseconds, so text order is time order. */
export function iso(d: Date): string {
  return d.toISOString();
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}
