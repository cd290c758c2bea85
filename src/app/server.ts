/**
 * The HTTP application: the kit's server, the auth plugin, then every domain's plugin with its
 * prefix, the tRPC API and the dashboard. The only place that knows every route.
 */
import type { FastifyInstance } from 'fastify';
import { authPlugin } from '../auth/auth.plugin.js';
import { keyRoutes } from '../auth/keys.routes.js';
import { commentRoutes } from '../comments/comments.routes.js';
import { registerInputGuard } from '../http/input-guard.js';
import { RouteTable, createHttpServer, isTrpcRoute, type HttpServerOptions } from '../http/server.js';
import { registerTrpc } from '../http/trpc-plugin.js';
import { registerWebApp } from '../http/web.routes.js';
import { ingestRoutes } from '../ingest/ingest.routes.js';
import { mailboxRoutes } from '../mailboxes/mailboxes.routes.js';
import { notificationRoutes } from '../notifications/notifications.routes.js';
import { auditRoutes } from '../outbox/audit.routes.js';
import { outboxRoutes } from '../outbox/outbox.routes.js';
import { webhookRoutes } from '../outbox/webhooks/webhooks.routes.js';
import { realtimeGateway } from '../realtime/ws-gateway.js';
import { executiveMetricsLoader } from './realtime-services.js';
import { slaRoutes } from '../sla/sla.routes.js';
import { systemRoutes } from '../system/system.routes.js';
import { workflowRoutes } from '../workflow/workflow.routes.js';
import { invitationRoutes } from '../users/invitations.routes.js';
import { oidcRoutes } from '../users/oidc.routes.js';
import { userRoutes } from '../users/users.routes.js';
import { teamRoutes } from '../users/teams.routes.js';
import { workstreamRoutes } from '../workstream/workstream.routes.js';
import type { AppDeps } from './deps.js';
import { createAppRouter } from './router.js';
import { idempotencyPlugin } from '../http/idempotency.js';

/** Builds the whole HTTP application without listening, so tests drive it through inject(). */
export async function buildServer(deps: AppDeps): Promise<FastifyInstance> {
  const notFound: NonNullable<HttpServerOptions['notFound']> = {};
  const routes = new RouteTable();
  const app = await createHttpServer({
    logger: deps.logger,
    metrics: deps.metrics,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    notFound,
    routes,
    openapi: { publicOrigin: deps.config.publicOrigin, metricsTokenSet: deps.config.metricsToken !== undefined },
  });

  await app.register(authPlugin, { deps });
  await app.register(idempotencyPlugin, { deps });
  registerInputGuard(app, isTrpcRoute);

  await app.register(systemRoutes, { deps });
  await app.register(keyRoutes, { deps, prefix: '/api/keys' });
  await app.register(userRoutes, { deps, prefix: '/api' });
  await app.register(teamRoutes, { deps, prefix: '/api/teams' });
  await app.register(invitationRoutes, { deps, prefix: '/api' });
  await app.register(oidcRoutes, { deps, prefix: '/api' });
  await app.register(slaRoutes, { deps, prefix: '/api' });
  await app.register(workflowRoutes, { deps, prefix: '/api/workflow' });
  await app.register(outboxRoutes, { deps, prefix: '/api/outbox' });
  await app.register(auditRoutes, { deps, prefix: '/api/audit' });
  await app.register(webhookRoutes, { deps, prefix: '/api/webhooks' });
  await app.register(workstreamRoutes, { deps, prefix: '/api/workstream' });
  await app.register(commentRoutes, { deps, prefix: '/api/comments' });
  await app.register(realtimeGateway, { deps: { ...deps, loadExecutiveMetrics: executiveMetricsLoader(deps) } });
  await app.register(ingestRoutes, { deps, prefix: '/api/ingest' });
  await app.register(mailboxRoutes, { deps, prefix: '/api/mailboxes' });
  await app.register(notificationRoutes, { deps, prefix: '/api/notifications' });

  await registerTrpc(app, createAppRouter(deps), { ...deps, routes });
  const web = await registerWebApp(app, { webDir: deps.config.webDir, logger: deps.logger });
  // The dashboard's own routes (deep links, reloads) are answered with its index.html.
  notFound.fallback = web.fallback;
  return app;
}
