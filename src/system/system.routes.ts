import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, unauthorized } from '../shared/errors.js';
import { bearerToken } from '../auth/auth.plugin.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/create-db.js';
import type { Metrics } from '../http/metrics.js';
import type { ZodApp } from '../http/zod-app.js';
import type { Clock } from '../shared/clock.js';
import type { ProcessState } from '../shared/lifecycle.js';

const healthSchema = z.object({
  status: z.enum(['healthy', 'unhealthy']),
  timestamp: z.string(),
  services: z.object({ database: z.enum(['connected', 'disconnected']) }),
});

export interface SystemRouteDeps {
  database: Database;
  clock: Clock;
  config: Pick<Config, 'metricsToken'>;
  metrics: Pick<Metrics, 'registry'>;
  process: Pick<ProcessState, 'draining'>;
}

export const systemRoutes: FastifyPluginAsync<{ deps: SystemRouteDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  registerProbeRoutes(app, deps);
  registerMetricsRoute(app, deps);
  registerMeRoute(app);
};

const liveSchema = z.object({ status: z.literal('alive') });

const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  /** Why not (absent when ready). */
  reason: z.enum(['draining', 'database_unreachable', 'migrations_pending']).optional(),
  database: z.enum(['connected', 'unreachable']).optional(),
  migrations: z.enum(['complete', 'pending']).optional(),
});

/**
 * /live (the process answers; no database), /ready (database reachable, migrations current, not
 * shutting down) and /health (the seed's shape, kept for existing monitors).
 */
function registerProbeRoutes(app: ZodApp, deps: SystemRouteDeps): void {
  let migrated = false;

  app.get(
    '/live',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Liveness: the process answers (no database access)', security: [], response: { 200: liveSchema } },
    },
    // Deliberately touches nothing: a database outage must not get every process restarted.
    async () => ({ status: 'alive' as const }),
  );

  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Database connectivity (kept for compatibility; prefer /live and /ready)', security: [], response: { 200: healthSchema, 503: healthSchema } },
    },
    async (_req, reply) => {
      let ok = true;
      try {
        await deps.database.ping();
      } catch {
        ok = false;
      }
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'healthy' : 'unhealthy',
        timestamp: deps.clock.now().toISOString(),
        services: { database: ok ? 'connected' : 'disconnected' },
      });
    },
  );

  app.get(
    '/ready',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Ready to serve: not shutting down, database reachable and fully migrated',
        security: [],
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (request, reply) => {
      // Checked first and without the database: during the drain the answer must be 503 at once.
      if (deps.process.draining) return reply.status(503).send({ status: 'not_ready', reason: 'draining' });
      try {
        await deps.database.ping();
        // Once migrated, a running process stays migrated; only the ping is repeated.
        if (!migrated) migrated = await deps.database.isMigrated();
        if (!migrated) return reply.status(503).send({ status: 'not_ready', reason: 'migrations_pending', database: 'connected', migrations: 'pending' });
        return { status: 'ready' as const, database: 'connected' as const, migrations: 'complete' as const };
      } catch (err) {
        request.log.warn({ err }, 'readiness check failed');
        return reply.status(503).send({ status: 'not_ready', reason: 'database_unreachable', database: 'unreachable' });
      }
    },
  );
}

/** /metrics: Prometheus text, behind METRICS_TOKEN when one is set. */
function registerMetricsRoute(app: ZodApp, deps: SystemRouteDeps): void {
  app.get(
    '/metrics',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Prometheus metrics (process-wide)',
        description:
          'Prometheus text, process-wide (no per-org labels). Public unless METRICS_TOKEN is set; then it needs ' +
          '`Authorization: Bearer <METRICS_TOKEN>` (401 otherwise). This document says which applies to this server.',
        // The document tells the truth of this install: public, or behind METRICS_TOKEN.
        security: deps.config.metricsToken ? [{ metricsToken: [] }] : [],
        ...(deps.config.metricsToken ? { errors: { 401: 'Not `Authorization: Bearer <METRICS_TOKEN>` (`unauthorized`).' } } : {}),
        response: { 200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: z.string() } } } },
      },
    },
    async (request, reply) => {
      if (deps.config.metricsToken) {
        const token = bearerToken(request.headers.authorization);
        if (token !== deps.config.metricsToken) throw unauthorized('Metrics need "Authorization: Bearer <METRICS_TOKEN>"');
      }
      const text = await deps.metrics.registry.metrics();
      return reply.header('content-type', deps.metrics.registry.contentType).send(text);
    },
  );
}

/** /api/me: who the caller is: an API key (key_id) or a signed-in person (user_id). */
function registerMeRoute(app: ZodApp): void {
  app.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who this API key (or signed-in person) is',
        response: {
          200: z.object({
            org_id: z.number(),
            org_name: z.string(),
            role: z.enum(['admin', 'member', 'viewer']),
            key_id: z.number().nullable(),
            key_name: z.string().nullable(),
            user_id: z.number().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const auth = request.auth;
      if (!auth) throw new AppError('unauthorized', 'Missing API key');
      return { org_id: auth.orgId, org_name: auth.orgName, role: auth.role, key_id: auth.keyId, key_name: auth.keyName, user_id: auth.userId };
    },
  );
}
