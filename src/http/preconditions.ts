/**
 * Optimistic concurrency over HTTP (#22): routes that answer one versioned item declare
 * `config: { etag: { field } }` and get `ETag: "<version>"` on their 2xx answers; those that change
 * it also declare `ifMatch: true` and pass `ifMatch(request)` to their service, which writes only
 * while the item is still at that version (else 412 precondition_failed). The OpenAPI document
 * describes both from the same config (versionedRouteDocs).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from '../shared/errors.js';
import type { ExpectedVersion } from '../shared/expected-version.js';

/** The route config (src/http/route-config.ts): which answer field holds the item's version, and whether If-Match is honoured. */
export interface EtagConfig {
  field: 'version' | 'row_version';
  ifMatch?: boolean;
}

/** One entity tag of an If-Match list: strong `"…"` or weak `W/"…"` (RFC 9110 §8.8.3). */
const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;

/**
 * An If-Match value → the versions it names. `*` (or no header): undefined, any existing item.
 * Comparison is strong, as If-Match requires: weak tags and tags that are not one of our versions
 * match nothing (412); a value that is not entity tags at all is the caller's mistake (400).
 */
export function parseIfMatch(value: string | undefined): ExpectedVersion {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '*') return undefined;
  const versions: number[] = [];
  for (const part of trimmed.split(',')) {
    const m = ENTITY_TAG.exec(part.trim());
    if (!m) {
      throw badRequest('If-Match: expected * or entity tags such as "3" (the ETag of the item as read, quotes included)', {
        fields: [{ field: 'If-Match', message: 'not an entity tag' }],
      });
    }
    if (!m[1] && /^[1-9]\d{0,14}$/.test(m[2]!)) versions.push(Number(m[2]));
  }
  return versions;
}

/** The request's If-Match as the versions a write may land on (400 when malformed). */
export function ifMatch(request: FastifyRequest): ExpectedVersion {
  const h = request.headers['if-match'];
  return parseIfMatch(Array.isArray(h) ? h.join(', ') : h);
}

export const etagOf = (version: number) => `"${version}"`;

/** ETag on the 2xx answers of routes that declare `config.etag`, from the version the answer names. */
export function registerEtags(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    const cfg = request.routeOptions.config.etag;
    if (!cfg || reply.statusCode >= 300 || typeof payload !== 'object' || payload === null) return payload;
    const version = (payload as Record<string, unknown>)[cfg.field];
    if (typeof version === 'number') void reply.header('etag', etagOf(version));
    return payload;
  });
}

type JsonSchema = Record<string, unknown>;

/** The OpenAPI side of `config.etag`: the ETag response header, and If-Match with its 412 on writes. */
export function versionedRouteDocs<S extends { headers?: unknown; response?: unknown }>(schema: S, cfg: EtagConfig | undefined): S {
  if (!cfg) return schema;
  const response = { ...((schema.response ?? {}) as Record<string, JsonSchema>) };
  const etagHeader = {
    etag: { type: 'string', description: `The item's version as a strong entity tag ("<${cfg.field}>"); send it back in If-Match to write only over what you read` },
  };
  for (const [status, body] of Object.entries(response)) {
    if (/^2\d\d$/.test(status) && status !== '204') response[status] = { ...body, headers: { ...(body.headers as JsonSchema | undefined), ...etagHeader } };
  }
  if (!cfg.ifMatch) return { ...schema, response };
  // The 412 answer itself (the shared Error schema) is added with the other error answers in src/http/openapi.ts.
  const headers = (schema.headers ?? { type: 'object', properties: {} }) as { properties?: JsonSchema };
  return {
    ...schema,
    response,
    headers: {
      ...headers,
      properties: {
        ...headers.properties,
        'if-match': {
          type: 'string',
          description:
            `Optional. The ETag of the item as you read it (e.g. "3"): the write happens only while the item is still at that version, else 412 ` +
            `precondition_failed and nothing is written. * matches any existing item; without the header the write is unconditional; a malformed value is 400.`,
        },
      },
    },
  };
}
