/**
 * @flowledger/client: typed clients for FlowLedger.
 *
 * - `createFlowLedgerClient` — REST (openapi-fetch over types generated from /api/openapi.json)
 * - `createFlowLedgerTrpc`, `AppRouter` — the tRPC procedures
 * - `FlowLedgerRealtime` — the WebSocket client of /ws (typed frames, reconnects, resubscribes)
 *
 * The realtime client and its wire types are the server's own module (src/realtime), bundled here.
 */
export type { ConnectionOptions } from './connection.js';
export { createFlowLedgerClient, type FlowLedgerRestClient, type components, type operations, type paths } from './rest.js';
export { createFlowLedgerTrpc, type AppRouter } from './trpc.js';
export * from '../../../src/realtime/client.js';
export { CLOSE_CODES } from '../../../src/realtime/event-types.js';
export type {
  CommentEventData,
  ExecutiveMetrics,
  RealtimeNotification,
  RealtimeTask,
  TaskEventData,
  TaskStatus,
  WorkEventData,
  WorkstreamEventName,
} from '../../../src/realtime/event-types.js';
