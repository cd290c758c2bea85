/**
 * What a person is notified of, and which work event tells of it. One kind per event: an event
 * names its recipients (the owner, the mentioned people) and the notifier keeps those who are
 * active members of the event's org, are not its actor, and have the kind switched on.
 */
import { NOTIFICATION_KINDS, type NotificationKind } from '../db/types.js';

export { NOTIFICATION_KINDS, type NotificationKind };

/** The work events the notifier reads. */
export const NOTIFYING_EVENTS = [
  'task.assigned',
  'pursuit.assigned',
  'task.sla_warning',
  'task.sla_violated',
  'task.critical_alert',
  'task.message',
  'comment.created',
] as const;

export const KIND_LABELS: Record<NotificationKind, string> = {
  assigned: 'Assigned to you',
  sla_warning: 'SLA warning on your task',
  sla_violated: 'SLA violated on your task',
  critical_alert: 'Critical alert on your task',
  customer_reply: 'Customer reply on your task',
  mention: 'You were mentioned',
};

/** The one line that says what happened (mail subjects, digests). */
export function headline(kind: NotificationKind, title: string): string {
  return `${KIND_LABELS[kind]}: ${title}`;
}

/** Where the item lives in the dashboard (relative; the mail prefixes PUBLIC_URL). */
export function itemPath(itemType: string, itemId: string): string {
  if (itemType === 'pursuit') return `/pipeline/pursuits/${encodeURIComponent(itemId)}`;
  if (itemType === 'task') return `/tasks/${encodeURIComponent(itemId)}`;
  return '/';
}
