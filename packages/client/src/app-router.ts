/**
 * The tRPC router's type, self-contained. In src/app/router.ts `AppRouter` is
 * `ReturnType<typeof createAppRouter>`: a declaration bundle that follows that name also carries
 * createAppRouter's parameter, `AppDeps`, and through it every server type (the database handle,
 * Kysely, pino, the mail and IMAP clients …). Typing a value by a call instead makes the declaration
 * emit spell the router out (procedures with their inputs and outputs), naming only the few plain
 * types they use, which the bundler then inlines.
 *
 * Types only: index.ts re-exports `AppRouter` with `export type`, so nothing loads this module at
 * run time and the call below is never made.
 */
import type { createAppRouter } from '../../../src/app/router.js';

declare const create: typeof createAppRouter;
const appRouter = create(undefined as never);

/** For `createTRPCClient<AppRouter>(…)`; procedures answer under `<baseUrl>/api/<name>`. */
export type AppRouter = typeof appRouter;
