/** Pieces shared by the bench's processes. */

/** CLOCK_MONOTONIC in microseconds: the same clock in every process of this machine. */
export const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

export type ServerKind = 'flowledger' | 'flowledger-commit' | 'ws' | 'socketio';

/** A realistic task summary, the same bytes for every server kind. */
export function samplePayload(seq: number, t: number): Record<string, unknown> {
  return {
    taskId: 'TASK-1767225600000-a1b2c3d4e5',
    category: 'Quotes',
    status: 'YELLOW',
    oldStatus: 'GREEN',
    newStatus: 'YELLOW',
    dollarValue: 48250,
    hoursRemaining: 3.5,
    task: {
      task_id: 'TASK-1767225600000-a1b2c3d4e5',
      workflow_category: 'Quotes',
      task_status: 'YELLOW',
      title: 'Quote request for 40 units (PO 55120)',
      priority: 'HIGH',
      current_owner: 'dana',
      dollar_value: 48250,
      sla_deadline: '2026-01-15T17:00:00.000Z',
      sla_status: 'warning',
    },
    seq,
    t,
  };
}

export interface ServerReady {
  type: 'ready';
  port: number;
  key?: string;
}
export interface RunCommand {
  type: 'run';
  intervalMs: number;
  durationMs: number;
}
export interface RunDone {
  type: 'done';
  published: number;
  dropped?: number;
}
export interface ClientsReady {
  type: 'connected';
  clients: number;
}
export interface ClientResult {
  type: 'result';
  received: number;
  latenciesUs: number[];
  firstUs: number;
  lastUs: number;
  closed: number;
}

/**
 * Runs `fn(i, dueUs)` at start + i·interval for the duration, catching up rather than drifting.
 * `dueUs` is when event i was due: latency is measured from it, so a server that falls behind its
 * schedule pays for it in the figures (every server kind alike), instead of hiding the lag.
 */
export async function paced(intervalMs: number, durationMs: number, fn: (i: number, dueUs: number) => void | Promise<void>): Promise<number> {
  const n = Math.floor(durationMs / intervalMs);
  const startUs = nowUs();
  for (let i = 0; i < n; i++) {
    const dueUs = startUs + i * intervalMs * 1000;
    const waitMs = (dueUs - nowUs()) / 1000;
    if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
    await fn(i, dueUs);
  }
  return n;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
