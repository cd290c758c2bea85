import { describe, expect, it } from 'vitest';
import { readOpenWork } from './admin.js';

describe('readOpenWork', () => {
  it('reads lists of tasks and pursuits with their titles', () => {
    expect(
      readOpenWork({
        tasks: [{ task_id: 'TASK-1', title: 'Call back Acme' }],
        pursuits: [
          { pursuit_id: 4, title: 'Globex renewal' },
          { pursuit_id: 5, title: null },
        ],
      }),
    ).toEqual({
      total: 3,
      groups: [
        { kind: 'tasks', count: 1, items: [{ id: 'TASK-1', title: 'Call back Acme' }] },
        { kind: 'pursuits', count: 2, items: [{ id: '4', title: 'Globex renewal' }, { id: '5', title: '5' }] },
      ],
    });
  });

  it('reads the counts GET /api/users/:id/open-work answers, ignoring the user id', () => {
    expect(readOpenWork({ user_id: 12, open_tasks: 3, open_pursuits: 1 })).toEqual({
      total: 4,
      groups: [
        { kind: 'open_tasks', count: 3, items: [] },
        { kind: 'open_pursuits', count: 1, items: [] },
      ],
    });
  });

  it('reads counts, and says "none" for empty lists', () => {
    expect(readOpenWork({ open_tasks: 2, open_pursuits: 0, total: 2 })).toEqual({
      total: 2,
      groups: [
        { kind: 'open_tasks', count: 2, items: [] },
        { kind: 'open_pursuits', count: 0, items: [] },
      ],
    });
    expect(readOpenWork({ tasks: [], pursuits: [] })?.total).toBe(0);
  });

  it('has no information in an answer that is not an object', () => {
    expect(readOpenWork(null)).toBeNull();
    expect(readOpenWork('x')).toBeNull();
  });
});
