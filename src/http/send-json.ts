import type { FastifyReply, FastifyRequest } from 'fastify';
import { cachedJsonOf, JsonAnswer } from '../answer-cache/answer-cache.js';
import { sendStoredBody, varyOnAcceptEncoding } from './stored-body.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Sends a value as JSON, reusing a cached answer's bytes (gzip-compressed once when the client
 * accepts it: src/http/stored-body.ts). A Buffer payload with a JSON content type bypasses the
 * route's response serializer: the value already has the schema's type.
 */
export function sendJson(request: FastifyRequest, reply: FastifyReply, value: unknown): FastifyReply | Promise<FastifyReply> {
  const stored = cachedJsonOf(value);
  if (stored) return sendStoredBody(request, reply, stored, JSON_TYPE);
  // Not a stored answer (computed for this request alone, e.g. with the cache off): sent once, so
  // not worth compressing (stored-body.ts); a JsonAnswer as its own bytes.
  const body = value instanceof JsonAnswer ? value.json : Buffer.from(JSON.stringify(value));
  return varyOnAcceptEncoding(reply).type(JSON_TYPE).send(body);
}

