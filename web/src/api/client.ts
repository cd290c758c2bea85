/**
 * The dashboard's one way to the server: the typed tRPC client for workflow procedures (its types come
 * from the server's AppRouter, so a changed procedure breaks this build) and a small typed REST
 * helper for the workstream routes (types inferred from the server's own zod schemas).
 */
import { createTRPCClient, httpLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../src/app/router.js';
import { ApiError } from './errors.js';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type Task = RouterOutputs['workflow']['list']['data'][number];
export type TaskWithHistory = RouterOutputs['workflow']['get'];
export type ExecutiveMetrics = RouterOutputs['workflow']['metrics'];
export type ListInput = Exclude<RouterInputs['workflow']['list'], void | undefined>;
export type TaskUpdates = RouterInputs['workflow']['update']['updates'];

export interface Me {
  org_id: number;
  org_name: string;
  role: 'admin' | 'member' | 'viewer';
  key_id: number;
  key_name: string | null;
}

export type Trpc = ReturnType<typeof createTrpc>;

function createTrpc(key: string) {
  // httpLink, not the batch link: single GET queries take the server's fast path and each view's
  // queries already run in parallel.
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: '/api', headers: () => ({ authorization: `Bearer ${key}` }) })],
  });
}

export interface Api {
  key: string;
  trpc: Trpc;
  rest<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

export function createApi(key: string): Api {
  return {
    key,
    trpc: createTrpc(key),
    async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(path, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      const json: unknown = text ? JSON.parse(text) : null;
      if (!res.ok) {
        const e = (json ?? {}) as { error?: string; code?: string; details?: unknown };
        throw new ApiError(e.error ?? `Request failed (${res.status})`, res.status, e.code ?? 'error', e.details);
      }
      return json as T;
    },
  };
}

/** Checks a key before keeping it: 401 means a wrong or revoked key. */
export async function whoAmI(key: string): Promise<Me> {
  return createApi(key).rest<Me>('GET', '/api/me');
}
