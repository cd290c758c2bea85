/** Typed calls to the admin-only webhook routes; the types are the server's own views. */
import type { DeliveryView, WebhookView } from '../../../src/outbox/webhooks/webhooks.repository.js';
import type { Api } from './client.js';
import type { Page } from './workstream.js';

export type Webhook = WebhookView;
export type Delivery = DeliveryView;
/** The answer that created or rotated an endpoint: the only one carrying its secret. */
export type WebhookWithSecret = Webhook & { secret: string };
export interface WebhookInput {
  url: string;
  events: string[];
}
export interface WebhookPatch {
  url?: string;
  events?: string[];
  is_active?: boolean;
  rotate_secret?: true;
}

/** More endpoints than an org is expected to have; the screen says when there are more. */
export const WEBHOOK_PAGE = 200;
export const DELIVERY_PAGE = 20;

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: () => ['webhooks', 'list'] as const,
  deliveries: (webhookId: number, page: number) => ['webhooks', 'deliveries', webhookId, page] as const,
};

export const webhooks = {
  list: (api: Api) => api.rest<Page<Webhook>>('GET', `/api/webhooks?limit=${WEBHOOK_PAGE}`),
  create: (api: Api, body: WebhookInput) => api.rest<WebhookWithSecret>('POST', '/api/webhooks', body),
  update: (api: Api, id: number, patch: WebhookPatch) => api.rest<Webhook & { secret?: string; previous_secret_expires_at?: string | null }>('PATCH', `/api/webhooks/${id}`, patch),
  remove: (api: Api, id: number) => api.rest<Webhook>('DELETE', `/api/webhooks/${id}`),
  deliveries: (api: Api, id: number, page: number) => api.rest<Page<Delivery>>('GET', `/api/webhooks/${id}/deliveries?page=${page}&limit=${DELIVERY_PAGE}`),
  redrive: (api: Api, id: number, deliveryId: number) => api.rest<{ status: 'queued' }>('POST', `/api/webhooks/${id}/deliveries/${deliveryId}/redrive`),
};
