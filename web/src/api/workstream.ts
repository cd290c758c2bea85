/** Typed calls to the REST workstream module; the types are the server's zod response schemas. */
import type { z } from 'zod';
import type * as s from '../../../src/workstream/workstream.schemas.js';
import type { Api } from './client.js';

export type Candidate = z.infer<typeof s.candidateSchema>;
export type Pursuit = z.infer<typeof s.pursuitSchema>;
export type ChecklistItem = z.infer<typeof s.checklistItemSchema>;
export type Readiness = z.infer<typeof s.readinessSchema>;
export type Proposal = z.infer<typeof s.proposalSchema>;
export type TodayItem = z.infer<typeof s.todayItemSchema>;
export type WorkEvent = z.infer<typeof s.workEventSchema>;
export type Stats = z.infer<typeof s.statsSchema>;
export type CandidateStatus = Candidate['status'];
export type PursuitStage = Pursuit['pursuit_stage'];
export type PursuitDetail = Pursuit & { checklist: ChecklistItem[]; readiness: Readiness; proposals: Proposal[] };
export type Signal = z.infer<typeof s.signalSchema>;
export type CandidateDetail = Candidate & { pursuit_id: number | null; signals: Signal[]; events: WorkEvent[] };
export interface Page<T> {
  data: T[];
  pagination: { page: number; limit: number; total: number };
}

const BASE = '/api/workstream';

function qs(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

export const workstream = {
  today: (api: Api) => api.rest<TodayItem[]>('GET', `${BASE}/today`),
  stats: (api: Api) => api.rest<Stats>('GET', `${BASE}/stats`),
  candidates: (api: Api, p: { status?: CandidateStatus; page?: number; limit?: number }) =>
    api.rest<Page<Candidate>>('GET', `${BASE}/candidates${qs(p)}`),
  candidate: (api: Api, id: number) => api.rest<CandidateDetail>('GET', `${BASE}/candidates/${id}`),
  createCandidate: (api: Api, title: string) => api.rest<Candidate>('POST', `${BASE}/candidates`, { title }),
  /** `version`: the one shown; a candidate changed since is refused (412) rather than moved blind. */
  moveCandidate: (api: Api, id: number, to: CandidateStatus, version: number, reason?: string) =>
    api.rest<Candidate & { pursuit_id: number | null }>('POST', `${BASE}/candidates/${id}/transition`, { to, ...(reason ? { reason } : {}) }, { ifMatch: version }),
  pursuits: (api: Api, p: { stage?: PursuitStage; owner_user_id?: 'me' | number; page?: number; limit?: number }) =>
    api.rest<Page<Pursuit>>('GET', `${BASE}/pursuits${qs(p)}`),
  pursuit: (api: Api, id: number) => api.rest<PursuitDetail>('GET', `${BASE}/pursuits/${id}`),
  /**
   * No If-Match: the pursuit's version also moves with its checklist, so the page's own ticks just
   * before a move would refuse it (412). The server still allows only moves valid from the pursuit's
   * current stage and checks the checklist under the pursuit's lock; a refused move says why.
   */
  movePursuit: (api: Api, id: number, to: PursuitStage, reason?: string) =>
    api.rest<Pursuit>('POST', `${BASE}/pursuits/${id}/transition`, { to, ...(reason ? { reason } : {}) }),
  addChecklistItem: (api: Api, id: number, name: string, isRequired: boolean) =>
    api.rest<ChecklistItem>('POST', `${BASE}/pursuits/${id}/checklist`, { name, is_required: isRequired }),
  setChecklistDone: (api: Api, id: number, itemId: number, isDone: boolean) =>
    api.rest<ChecklistItem>('PATCH', `${BASE}/pursuits/${id}/checklist/${itemId}`, { is_done: isDone }),
  removeChecklistItem: (api: Api, id: number, itemId: number) =>
    api.rest<ChecklistItem>('DELETE', `${BASE}/pursuits/${id}/checklist/${itemId}`),
  addProposal: (api: Api, id: number, fields: { subject?: string; recipient_email?: string }) =>
    api.rest<Proposal>('POST', `${BASE}/pursuits/${id}/proposals`, fields),
  events: (api: Api, p: { item_type?: string; item_id?: number; page?: number; limit?: number }) =>
    api.rest<Page<WorkEvent>>('GET', `${BASE}/events${qs(p)}`),
};

export const signals = {
  get: (api: Api, id: number) => api.rest<Signal>('GET', `${BASE}/signals/${id}`),
};
