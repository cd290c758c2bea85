/** The signed-in person's notifications (`/api/notifications`, sessions only). */
import { KIND_LABELS, NOTIFICATION_KINDS, itemPath } from '../../../src/notifications/notifications.kinds.js';
import type { RealtimeNotification } from '../../../src/realtime/event-types.js';
import type { Api } from './client.js';

export type Notification = RealtimeNotification;
export type NotificationKind = Notification['kind'];
export interface NotificationPref {
  kind: NotificationKind;
  in_app: boolean;
  email: boolean;
}

export { KIND_LABELS, NOTIFICATION_KINDS };

/** Query keys: every notification query starts with `notifications`, so one invalidation reaches all. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
  prefs: ['notifications', 'prefs'] as const,
};

export const fetchUnread = (api: Api) => api.rest<{ unread_count: number }>('GET', '/api/notifications/unread-count');
export const fetchLatest = (api: Api) =>
  api.rest<{ data: Notification[]; unread_count: number; pagination: { total: number } }>('GET', '/api/notifications?limit=20');
export const markRead = (api: Api, body: { ids: number[] } | { all: true }) =>
  api.rest<{ updated: number; unread_count: number }>('POST', '/api/notifications/read', body);
export const fetchPrefs = (api: Api) => api.rest<{ data: NotificationPref[] }>('GET', '/api/notifications/preferences');
export const savePrefs = (api: Api, data: NotificationPref[]) => api.rest<{ data: NotificationPref[] }>('PUT', '/api/notifications/preferences', { data });

/** Where a notification's item lives in the dashboard. */
export const pathOf = (n: Pick<Notification, 'item_type' | 'item_id'>): string => itemPath(n.item_type, n.item_id);
