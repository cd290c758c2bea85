import createClient, { type Client } from 'openapi-fetch';
import { bearer, trimBase, type ConnectionOptions } from './connection.js';
import type { paths } from './generated/openapi.js';

export type { components, operations, paths } from './generated/openapi.js';

/** A typed REST client: `client.GET('/api/workflow/tasks/{id}', { params: { path: { id } } })` → `{ data, error, response }`. */
export type FlowLedgerRestClient = Client<paths>;

/**
 * The REST API as openapi-fetch over the types generated from FlowLedger's OpenAPI document: paths,
 * parameters, bodies and answers are checked at compile time; errors come back as `error` (the
 * `{ error, code, details? }` body), not as exceptions.
 */
export function createFlowLedgerClient(opts: ConnectionOptions): FlowLedgerRestClient {
  const client = createClient<paths>({ baseUrl: trimBase(opts.baseUrl), headers: opts.headers, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
  if (opts.token !== undefined) {
    client.use({
      async onRequest({ request }) {
        for (const [name, value] of Object.entries(await bearer(opts.token))) request.headers.set(name, value);
        return request;
      },
    });
  }
  return client;
}
