import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from './app-router.js';
import { bearer, trimBase, type ConnectionOptions } from './connection.js';

export type { AppRouter };

/**
 * A tRPC client of FlowLedger's procedures (`workflow.*`, `comments.*`), typed end to end. Uses
 * `httpLink` (one GET per query, which the server can answer from its cache); build your own with
 * `createTRPCClient<AppRouter>` for batching or other links.
 */
export function createFlowLedgerTrpc(opts: ConnectionOptions): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${trimBase(opts.baseUrl)}/api`,
        headers: async () => ({ ...opts.headers, ...(await bearer(opts.token)) }),
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      }),
    ],
  });
}
