/**
 * The outbox handler table: every side effect of a work event, by name, drawn from the domains
 * that own them. Events not listed here only fan out to webhooks. (Realtime frames are not a
 * handler: the commit tap publishes every committed event once; see src/realtime/commit-tap.ts.)
 */
import { createMailer, type Mailer } from '../mail/mailer.js';
import { notificationMailJob } from '../notifications/jobs/notification-mail.job.js';
import { notificationCreatedJob, notifyJob } from '../notifications/jobs/notify.job.js';
import { NOTIFYING_EVENTS } from '../notifications/notifications.kinds.js';
import { NOTIFICATION_CREATED, NOTIFICATION_MAIL } from '../notifications/notify.service.js';
import { HandlerMap } from '../outbox/handler.js';
import { isWebhookable, WEBHOOK_DELIVER, webhookDeliverHandler, webhookFanoutHandler } from '../outbox/webhooks/webhook.handlers.js';
import { INVITATION_MAIL, PASSWORD_RESET_MAIL } from '../users/invitations.service.js';
import { invitationMailJob, passwordResetMailJob } from '../users/jobs/user-mail.job.js';
import { proposalDraftJob } from '../workstream/jobs/proposal-draft.job.js';
import { proposalMailJob } from '../workstream/jobs/proposal-mail.job.js';
import type { AppDeps } from './deps.js';

export type HandlerDeps = Pick<AppDeps, 'config' | 'database' | 'clock' | 'logger' | 'metrics' | 'commitFeed' | 'secrets'>;

export function defaultHandlers(deps: HandlerDeps, o: { mailer?: Mailer; webhookTimeoutMs?: number } = {}): HandlerMap {
  const mailer = o.mailer ?? createMailer(deps.config);
  const notify = notifyJob(deps);
  const map = new HandlerMap();
  for (const name of NOTIFYING_EVENTS) map.on(name, notify);
  return map
    .on(NOTIFICATION_MAIL, notificationMailJob(deps, mailer))
    .on(NOTIFICATION_CREATED, notificationCreatedJob)
    .on('candidate.promoted', proposalDraftJob(deps))
    .on('pursuit.submit', proposalMailJob(deps, mailer))
    .on(INVITATION_MAIL, invitationMailJob(deps, mailer))
    .on(PASSWORD_RESET_MAIL, passwordResetMailJob(deps, mailer))
    .on(WEBHOOK_DELIVER, webhookDeliverHandler(deps, { timeoutMs: o.webhookTimeoutMs }))
    .onEvery(isWebhookable, webhookFanoutHandler(deps));
}
