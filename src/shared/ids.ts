import { randomBytes } from 'node:crypto';

/** Workflow task ids keep the seed's shape: TASK-<epoch ms>-<random>. */
export function newTaskId(now: Date): string {
  return `TASK-${now.getTime()}-${randomBytes(5).toString('hex')}`;
}

export function newRequestId(): string {
  return randomBytes(8).toString('hex');
}
