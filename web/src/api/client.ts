/**
 * The dashboard's one way to the server: the typed tRPC client for workflow procedures (its types come
 * from the server's AppRouter, so a changed procedure breaks this build) and a small typed REST
 * helper for the workstream routes (types inferred from the server's own zod schemas). Both go
 * through one fetch that carries the credential: a person's session cookie (plus X-CSRF-Token on
 * writes) or an API key.
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

/** GET /api/auth/session and the sign-in answer (docs/contract.md, "Accounts and sign-in"). */
export interface AuthSession {
  user: { user_id: number; email: string; name: string };
  org: { org_id: number; name: string };
  role: Me['role'];
  orgs: Array<{ org_id: number; name: string; role: Me['role'] }>;
  csrf_token: string;
  expires_at: string;
}

/** How requests authenticate: the session cookie (the browser sends it) or a pasted API key. */
export type Credential = { kind: 'session'; csrf: string } | { kind: 'key'; key: string };

export type Trpc = ReturnType<typeof createTrpc>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * fetch with the credential: same-origin cookies always (the session), the key as a bearer, and the
 * session's CSRF token on writes (the server refuses a cookie-authenticated write without it). A 401
 * means the credential no longer works (signed out elsewhere, deactivated, key revoked): `onUnauthorized`.
 */
function credentialFetch(cred: Credential | null, onUnauthorized?: () => void): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    const method = (init?.method ?? 'GET').toUpperCase();
    if (cred?.kind === 'key') headers.set('authorization', `Bearer ${cred.key}`);
    if (cred?.kind === 'session' && !SAFE_METHODS.has(method)) headers.set('x-csrf-token', cred.csrf);
    const res = await fetch(input, { ...init, headers, credentials: 'same-origin' });
    if (res.status === 401) onUnauthorized?.();
    return res;
  };
}

function createTrpc(doFetch: typeof fetch) {
  // httpLink, not the batch link: single GET queries take the server's fast path and each view's
  // queries already run in parallel.
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: '/api', fetch: doFetch })] });
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Api {
  credential: Credential | null;
  trpc: Trpc;
  /** `ifMatch`: the version the screen shows; the server writes only while the item is still at it (else 412). */
  rest<T>(method: Method, path: string, body?: unknown, opts?: { ifMatch?: number }): Promise<T>;
}

/** `null` credential: the public routes (sign-in, providers) and the session check on load. */
export function createApi(credential: Credential | null, onUnauthorized?: () => void): Api {
  const doFetch = credentialFetch(credential, onUnauthorized);
  return {
    credential,
    trpc: createTrpc(doFetch),
    async rest<T>(method: Method, path: string, body?: unknown, opts?: { ifMatch?: number }): Promise<T> {
      const headers: Record<string, string> = body !== undefined ? { 'content-type': 'application/json' } : {};
      if (opts?.ifMatch !== undefined) headers['if-match'] = `"${opts.ifMatch}"`;
      const res = await doFetch(path, {
        method,
        headers,
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
  return createApi({ kind: 'key', key }).rest<Me>('GET', '/api/me');
}
