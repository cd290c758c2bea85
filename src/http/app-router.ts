import { workflowRouter } from '../workflow/workflow.router.js';
import { router } from './trpc.js';

/**
 * The tRPC API, one router per domain. Mounted at /api, so procedure `workflow.list` answers at
 * /api/workflow.list.
 */
export const appRouter = router({
  workflow: workflowRouter,
});

export type AppRouter = typeof appRouter;
