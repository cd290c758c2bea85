/**
 * How the demo's team worked its queue over the month: which tasks it completed and when, and
 * which stay open now. Pure (tasks, now, a seeded random source in; a plan out), so the shape of the
 * result can be checked on its own.
 *
 * The shape is that of a business that keeps up: most tasks are completed within their SLA window
 * (more often for long windows than for 4-hour CRITICAL ones), about one in six a little late, and
 * what is still open is mostly recent work in its window. A handful have just slipped past their
 * deadline (RED), and a share are in the last part of their window (YELLOW). Those open shares are
 * set by quota rather than left to chance, because with a month of mail only the last day or two
 * is open (a few dozen tasks), where chance alone would swing a share by ten points.
 */
import type { TaskStatus } from '../../db/types.js';

const MINUTE = 60_000;

export interface QueueTask {
  task_id: string;
  task_status: TaskStatus;
  priority: string;
  /** Start of its SLA window (the mail's arrival). */
  startMs: number;
  /** When the task was created (the import of its mail): nobody completes it before that. */
  createdMs: number;
  warnMs: number;
  deadlineMs: number;
}

export interface Completion {
  task: QueueTask;
  completedMs: number;
}

export interface QueuePlan {
  completions: Completion[];
  /** Open past their deadline: the SLA pass makes them RED. */
  red: QueueTask[];
  /** Open in their warning window: YELLOW. */
  yellow: QueueTask[];
  /** Open, in the first part of their window: GREEN. */
  green: QueueTask[];
}

export const QUEUE_SHAPE = {
  /** Share of the open tasks left open past their deadline. */
  redShare: 0.08,
  /** Bounds of the share of open tasks in their warning window. */
  yellowMin: 0.12,
  yellowMax: 0.25,
  /** Share of tasks in the first part of their window already done (quick ones). */
  quickWins: 0.15,
  /** Share of tasks whose deadline has passed that were completed in time, by priority. */
  onTime: { CRITICAL: 0.72, HIGH: 0.78, MEDIUM: 0.84, NORMAL: 0.9 } as Record<string, number>,
};

/** `ms`, but no earlier than ten minutes after the task was created and no later than now. */
function within(task: QueueTask, nowMs: number, ms: number): number {
  return Math.min(nowMs, Math.max(task.createdMs + 10 * MINUTE, ms));
}

export function planQueue(tasks: readonly QueueTask[], nowMs: number, r: () => number): QueuePlan {
  const ordered = [...tasks].sort((a, b) => a.startMs - b.startMs || (a.task_id < b.task_id ? -1 : 1));
  const completions: Completion[] = [];
  const past: QueueTask[] = [];
  const warning: QueueTask[] = [];
  const ok: QueueTask[] = [];
  for (const t of ordered) {
    if (t.deadlineMs <= nowMs) past.push(t);
    else if (t.warnMs <= nowMs) warning.push(t);
    else ok.push(t);
  }

  const quick = (t: QueueTask) => ({ task: t, completedMs: within(t, nowMs, t.startMs + (nowMs - t.startMs) * (0.3 + 0.6 * r())) });
  const green: QueueTask[] = [];
  for (const t of ok) {
    if (r() < QUEUE_SHAPE.quickWins) completions.push(quick(t));
    else green.push(t);
  }

  // The open shares: red follows from the open count; yellow is brought into its bounds by
  // completing tasks that were in fact done in time (warning ones just before their deadline, or
  // more quick ones).
  const yellow = [...warning];
  const redCount = () => Math.min(past.length, Math.round(((green.length + yellow.length) * QUEUE_SHAPE.redShare) / (1 - QUEUE_SHAPE.redShare)));
  const yellowShare = () => yellow.length / Math.max(1, green.length + yellow.length + redCount());
  while (yellow.length > 0 && yellowShare() > QUEUE_SHAPE.yellowMax) {
    const t = yellow.splice(Math.floor(r() * yellow.length), 1)[0]!;
    completions.push({ task: t, completedMs: within(t, nowMs, t.warnMs + (nowMs - t.warnMs) * r()) });
  }
  while (green.length > 0 && yellow.length > 0 && yellowShare() < QUEUE_SHAPE.yellowMin) {
    completions.push(quick(green.splice(Math.floor(r() * green.length), 1)[0]!));
  }

  // The red ones are those that slipped most recently; every older one was completed, in time or late.
  past.sort((a, b) => a.deadlineMs - b.deadlineMs || (a.task_id < b.task_id ? -1 : 1));
  const red = past.splice(past.length - redCount());
  for (const t of past) {
    const window = t.deadlineMs - t.startMs;
    const late = r() >= (QUEUE_SHAPE.onTime[t.priority] ?? QUEUE_SHAPE.onTime.MEDIUM!);
    const at = late ? t.deadlineMs + Math.max(15 * MINUTE, window * (0.05 + 0.55 * r())) : t.startMs + window * (0.2 + 0.75 * r());
    completions.push({ task: t, completedMs: within(t, nowMs, at) });
  }
  return { completions, red, yellow, green };
}
