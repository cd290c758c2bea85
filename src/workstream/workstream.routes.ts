/**
 * REST API of the workstream under /api/workstream: signals → candidates → pursuits → proposals,
 * checklists, the Today panel, stats and the activity log (one file per group in routes/). Reads
 * use the database handle; every write runs in one transaction (transact) that also appends its
 * work event.
 */
import type { FastifyPluginAsync } from 'fastify';
import { registerActivityRoutes } from './routes/activity.routes.js';
import { registerCandidatesRoutes } from './routes/candidates.routes.js';
import { registerChecklistRoutes } from './routes/checklist.routes.js';
import { registerProposalsRoutes } from './routes/proposals.routes.js';
import { registerPursuitsRoutes } from './routes/pursuits.routes.js';
import { workstreamRouteKit } from './routes/route-kit.js';
import { registerSignalsRoutes } from './routes/signals.routes.js';
import type { WorkstreamDeps } from './workstream.deps.js';

/** Registered with the prefix /api/workstream. */
export const workstreamRoutes: FastifyPluginAsync<{ deps: WorkstreamDeps }> = async (app, { deps }) => {
  const kit = workstreamRouteKit(app, deps);
  registerActivityRoutes(kit);
  registerSignalsRoutes(kit);
  registerCandidatesRoutes(kit);
  registerPursuitsRoutes(kit);
  registerChecklistRoutes(kit);
  registerProposalsRoutes(kit);
};
