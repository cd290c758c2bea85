import { HandlerMap, type OutboxDeps } from '../handler.js';
import { createMailer, type Mailer } from '../mail/mailer.js';
import { isWebhookable, WEBHOOK_DELIVER, webhookDeliverHandler, webhookFanoutHandler } from '../webhooks/webhook.handlers.js';
import { candidatePromotedHandler } from './candidate-promoted.js';
import { HUB_EVENTS, hubPublishHandler } from './notify.js';
import { pursuitSubmitHandler } from './proposal-mail.js';

/** Every side effect of a work event, by name. Events not listed here only fan out to webhooks. */
export function defaultHandlers(deps: OutboxDeps, o: { mailer?: Mailer; webhookTimeoutMs?: number } = {}): HandlerMap {
  const mailer = o.mailer ?? createMailer(deps.config);
  const map = new HandlerMap()
    .on('candidate.promoted', candidatePromotedHandler(deps))
    .on('pursuit.submit', pursuitSubmitHandler(deps, mailer))
    .on(WEBHOOK_DELIVER, webhookDeliverHandler(deps, { timeoutMs: o.webhookTimeoutMs }));
  const publish = hubPublishHandler(deps);
  for (const name of HUB_EVENTS) map.on(name, publish);
  return map.onEvery(isWebhookable, webhookFanoutHandler(deps));
}
