/** Checks shared by the tests of task list pages built by the database (task-json*.test.ts). */
import { expect } from 'vitest';
import { taskListSchema } from '../../src/workflow/workflow.schemas.js';

const SORTS = ['created_at', 'sla_deadline', 'priority', 'status', 'dollar_value', 'updated_at'] as const;

/**
 * Walks the task list through its cursors for every sort in both directions, `limit` per page, and
 * expects each page to fit the response schema and every task on it to equal, keys in the same
 * order, what the detail route answers for it; each walk must list exactly `ids`.
 */
export async function expectPagesMatchDetail(getJson: (url: string) => Promise<any>, ids: readonly string[], limit: number): Promise<void> {
  const detail = new Map<string, unknown>();
  for (const id of ids) {
    const { history: _h, messages: _m, ...task } = await getJson(`/api/workflow/tasks/${id}`);
    detail.set(id, task);
  }
  for (const sort of SORTS) {
    for (const direction of ['asc', 'desc']) {
      const seen: string[] = [];
      const base = `/api/workflow/tasks?sort=${sort}&direction=${direction}&limit=${limit}`;
      let url = base;
      for (;;) {
        const page = await getJson(url);
        expect(taskListSchema.parse(page)).toEqual(page);
        for (const task of page.data) {
          expect(task).toEqual(detail.get(task.task_id));
          expect(Object.keys(task)).toEqual(Object.keys(detail.get(task.task_id) as object));
          seen.push(task.task_id);
        }
        if (!page.pagination.next_cursor) break;
        url = `${base}&cursor=${page.pagination.next_cursor}`;
      }
      expect(seen.sort(), `${sort} ${direction}`).toEqual([...ids].sort());
    }
  }
}
