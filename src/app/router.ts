import { commentsRouter } from '../comments/comments.router.js';
import { router } from '../http/trpc.js';
import { workflowRouter } from '../workflow/workflow.router.js';
import type { AppDeps } from './deps.js';

/**
 * The tRPC API, one router per domain. Mounted at /api, so procedure `workflow.list` answers at
 * /api/workflow.list.
 */
export function createAppRouter(deps: AppDeps) {
  return router({
    workflow: workflowRouter(deps),
    comments: commentsRouter(deps),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
