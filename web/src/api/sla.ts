/** Typed calls to the SLA rule and settings routes; the types are the server's own. */
import type { Calendar } from '../../../src/sla/calendar.js';
import type { RuleInput, SlaRule } from '../../../src/sla/rules.repository.js';
import type { Api } from './client.js';

export type { Calendar, SlaRule };
/** The body of a create (and, in part, of a change): the server's own input type. */
export type SlaRuleInput = RuleInput;
export interface SlaSettings {
  high_value_threshold: number;
  currency: string;
}

export const slaKeys = {
  rules: ['sla', 'rules'] as const,
  settings: ['sla', 'settings'] as const,
};

export const sla = {
  rules: (api: Api) => api.rest<{ data: SlaRule[] }>('GET', '/api/workstream/sla-rules'),
  createRule: (api: Api, body: SlaRuleInput) => api.rest<SlaRule>('POST', '/api/workstream/sla-rules', body),
  updateRule: (api: Api, id: number, body: Partial<SlaRuleInput>) => api.rest<SlaRule>('PATCH', `/api/workstream/sla-rules/${id}`, body),
  deleteRule: (api: Api, id: number) => api.rest<null>('DELETE', `/api/workstream/sla-rules/${id}`),
  settings: (api: Api) => api.rest<SlaSettings>('GET', '/api/sla/settings'),
  updateSettings: (api: Api, high_value_threshold: number) => api.rest<SlaSettings>('PATCH', '/api/sla/settings', { high_value_threshold }),
};
