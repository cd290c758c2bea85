import { describe, expect, it } from 'vitest';
import { prng } from './demo.mail.js';
import { planQueue, type QueueTask } from './demo.queue.js';

const HOUR = 3_600_000;
const WINDOWS: Record<string, number> = { CRITICAL: 4, HIGH: 8, MEDIUM: 24, NORMAL: 48 };

/** A month of tasks at `perDay`, created within the hour their mail arrived, with default windows (warning at 75 %). */
function month(seed: number, perDay: number, nowMs: number): QueueTask[] {
  const r = prng(seed);
  const n = perDay * 30;
  return Array.from({ length: n }, (_, i) => {
    const startMs = nowMs - 30 * 24 * HOUR + (i + r()) * ((30 * 24 * HOUR) / n);
    const roll = r();
    const priority = roll < 0.1 ? 'CRITICAL' : roll < 0.25 ? 'HIGH' : roll < 0.7 ? 'MEDIUM' : 'NORMAL';
    const w = WINDOWS[priority]! * HOUR;
    return { task_id: `T${i}`, task_status: 'GREEN', priority, startMs, createdMs: Math.min(nowMs, startMs + r() * HOUR), warnMs: startMs + 0.75 * w, deadlineMs: startMs + w };
  });
}

describe('the demo queue', () => {
  const nowMs = Date.UTC(2026, 5, 15, 13, 37);

  for (const [seed, perDay] of [[1, 18], [2, 18], [3, 10], [4, 40], [5, 18], [6, 25]] as const) {
    it(`keeps open tasks few past due and a share near their deadline, with SLA met 70-90 % (seed ${seed}, ${perDay} a day)`, () => {
      const tasks = month(seed, perDay, nowMs);
      const plan = planQueue(tasks, nowMs, prng(seed * 7));
      const open = plan.red.length + plan.yellow.length + plan.green.length;
      expect(open + plan.completions.length).toBe(tasks.length);
      expect(plan.red.length / open).toBeLessThanOrEqual(0.15);
      expect(plan.yellow.length / open).toBeGreaterThanOrEqual(0.1);
      expect(plan.yellow.length / open).toBeLessThanOrEqual(0.3);
      const met = plan.completions.filter((c) => c.completedMs <= c.task.deadlineMs).length;
      const missed = plan.completions.length - met + plan.red.length;
      expect(met / (met + missed)).toBeGreaterThanOrEqual(0.7);
      expect(met / (met + missed)).toBeLessThanOrEqual(0.9);
    });
  }

  it('completes tasks only after they existed and before now; leaves open tasks in the state their status claims', () => {
    const tasks = month(9, 18, nowMs);
    const plan = planQueue(tasks, nowMs, prng(9));
    for (const c of plan.completions) {
      expect(c.completedMs).toBeGreaterThan(c.task.createdMs);
      expect(c.completedMs).toBeLessThanOrEqual(nowMs);
    }
    for (const t of plan.red) expect(t.deadlineMs).toBeLessThanOrEqual(nowMs);
    for (const t of plan.yellow) expect(t.warnMs <= nowMs && nowMs < t.deadlineMs).toBe(true);
    for (const t of plan.green) expect(nowMs).toBeLessThan(t.warnMs);
    // The red ones slipped most recently: every completed task past its deadline had an earlier one.
    const firstRed = Math.min(...plan.red.map((t) => t.deadlineMs));
    for (const c of plan.completions) if (c.task.deadlineMs <= nowMs) expect(c.task.deadlineMs).toBeLessThanOrEqual(firstRed);
  });

  it('is deterministic for a seed', () => {
    const a = planQueue(month(3, 18, nowMs), nowMs, prng(11));
    const b = planQueue(month(3, 18, nowMs), nowMs, prng(11));
    expect(b).toEqual(a);
  });
});
