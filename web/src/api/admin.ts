/**
 * Typed calls to the admin-only routes behind the admin screens (members, invitations, API keys,
 * dead letters, the audit trail); the types are the server's own views. Query keys live here too,
 * so a screen and the realtime invalidation name the same cache entries.
 */
import type { ApiKeyInfo, CreatedKey } from '../../../src/auth/api-keys.repository.js';
import type { DeadLetterView, QueueDepth } from '../../../src/outbox/outbox.repository.js';
import type { InvitationView } from '../../../src/users/invitations.service.js';
import type { MemberView } from '../../../src/users/users.repository.js';
import { ApiError } from './errors.js';
import type { Api } from './client.js';
import type { Page, WorkEvent } from './workstream.js';

export type Member = MemberView;
export type Role = Member['role'];
export type Invitation = InvitationView;
export type ApiKey = ApiKeyInfo;
export type NewApiKey = CreatedKey;
export type DeadLetter = DeadLetterView;
export type OutboxStats = QueueDepth & { oldest_pending_age_s: number | null };
export type AuditEvent = WorkEvent;

export const ROLES: Role[] = ['admin', 'member', 'viewer'];

/** One page of the admin lists (dead letters, the audit trail). */
export const ADMIN_PAGE = 25;

export const adminKeys = {
  users: ['admin', 'users'] as const,
  invitations: ['admin', 'invitations'] as const,
  openWork: (userId: number) => ['admin', 'open-work', userId] as const,
  keys: ['admin', 'keys'] as const,
  outboxStats: ['admin', 'outbox-stats'] as const,
  deadLetters: ['admin', 'dead-letters'] as const,
  audit: ['admin', 'audit'] as const,
};

/**
 * A person's open work, as far as the server says (`GET /api/users/:id/open-work`): items with a
 * title, grouped by kind. null when the server has no such route (404) or says nothing usable.
 */
export interface OpenWork {
  total: number;
  groups: Array<{ kind: string; items: Array<{ id: string; title: string }>; count: number }>;
}

/** Reads whatever shape the open-work answer has: lists of items (tasks, pursuits …) or counts. */
export function readOpenWork(answer: unknown): OpenWork | null {
  if (!answer || typeof answer !== 'object') return null;
  const groups: OpenWork['groups'] = [];
  for (const [kind, value] of Object.entries(answer as Record<string, unknown>)) {
    if (Array.isArray(value)) {
      const items = value.map((v, i) => {
        const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
        const id = o.task_id ?? o.pursuit_id ?? o.id ?? i;
        const title = o.title ?? o.name ?? String(id);
        return { id: String(id), title: String(title) };
      });
      groups.push({ kind, items, count: items.length });
    } else if (typeof value === 'number' && /count|open|total/.test(kind) && kind !== 'total') {
      groups.push({ kind, items: [], count: value });
    }
  }
  const total = groups.reduce((n, g) => n + g.count, 0);
  return { total, groups };
}

export const admin = {
  members: (api: Api) => api.rest<{ data: Member[] }>('GET', '/api/users'),
  changeMember: (api: Api, userId: number, change: { role?: Role; status?: Member['status'] }) =>
    api.rest<Member & { open_work?: unknown }>('PATCH', `/api/users/${userId}`, change),
  removeMember: (api: Api, userId: number) => api.rest<Member>('DELETE', `/api/users/${userId}/membership`),
  /** null: the server has no open-work route (an older server) — no information, not "none". */
  async openWork(api: Api, userId: number): Promise<OpenWork | null> {
    try {
      return readOpenWork(await api.rest<unknown>('GET', `/api/users/${userId}/open-work`));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },

  /** Moves all of a member's open tasks and pursuits to another active member (null: nobody). */
  reassign: (api: Api, userId: number, toUserId: number | null) =>
    api.rest<{ user_id: number; to_user_id: number | null; moved_tasks: number; moved_pursuits: number }>('POST', `/api/users/${userId}/reassign`, { to_user_id: toUserId }),

  invitations: (api: Api) => api.rest<{ data: Invitation[] }>('GET', '/api/invitations'),
  invite: (api: Api, body: { email: string; role: Role }) => api.rest<Invitation>('POST', '/api/invitations', body),
  revokeInvitation: (api: Api, id: string) => api.rest<Invitation>('DELETE', `/api/invitations/${id}`),

  keys: (api: Api) => api.rest<{ data: ApiKey[] }>('GET', '/api/keys'),
  createKey: (api: Api, body: { role: Role; name?: string }) => api.rest<NewApiKey>('POST', '/api/keys', body),
  revokeKey: (api: Api, keyId: number) => api.rest<ApiKey>('DELETE', `/api/keys/${keyId}`),

  outboxStats: (api: Api) => api.rest<OutboxStats>('GET', '/api/outbox/stats'),
  deadLetters: (api: Api, page: number) => api.rest<Page<DeadLetter>>('GET', `/api/outbox/dead-letters?page=${page}&limit=${ADMIN_PAGE}`),
  retryDeadLetter: (api: Api, id: number) => api.rest<{ work_event_id: number; status: 'queued' }>('POST', `/api/outbox/dead-letters/${id}/retry`),
  discardDeadLetter: (api: Api, id: number) => api.rest<{ work_event_id: number; status: 'discarded' }>('POST', `/api/outbox/dead-letters/${id}/discard`),

  audit: (api: Api, p: { page: number; eventName?: string }) =>
    api.rest<Page<AuditEvent>>('GET', `/api/audit?page=${p.page}&limit=${ADMIN_PAGE}${p.eventName ? `&event_name=${encodeURIComponent(p.eventName)}` : ''}`),
};
