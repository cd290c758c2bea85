/** Calling the workflow API in tests: tRPC (query/mutation envelopes) and the REST mirrors. */
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app.js';

export function trpcQuery(t: TestApp, key: string | undefined, proc: string, input?: unknown): Promise<LightMyRequestResponse> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return t.call(key, { method: 'GET', url: `/api/workflow.${proc}${qs}` });
}

export function trpcMutation(t: TestApp, key: string | undefined, proc: string, input: unknown): Promise<LightMyRequestResponse> {
  return t.call(key, { method: 'POST', url: `/api/workflow.${proc}`, payload: input as Record<string, unknown> });
}

/** The data of a successful tRPC answer (fails the test with the body otherwise). */
export function trpcData<T = any>(res: LightMyRequestResponse): T {
  if (res.statusCode !== 200) throw new Error(`tRPC ${res.statusCode}: ${res.body}`);
  return res.json().result.data as T;
}

export async function createTaskVia(t: TestApp, key: string, body: Record<string, unknown>): Promise<any> {
  const res = await t.call(key, { method: 'POST', url: '/api/workflow/create', payload: body });
  if (res.statusCode !== 201) throw new Error(`create ${res.statusCode}: ${res.body}`);
  return res.json();
}

export async function updateTaskVia(t: TestApp, key: string, taskId: string, updates: Record<string, unknown>, reason?: string): Promise<any> {
  const res = await t.call(key, {
    method: 'PUT',
    url: `/api/workflow/update/${taskId}`,
    payload: { updates, ...(reason ? { reason } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`update ${res.statusCode}: ${res.body}`);
  return res.json();
}
