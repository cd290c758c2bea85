import type { FastifyReply, FastifyRequest } from 'fastify';
import { cachedJsonOf } from '../answer-cache/answer-cache.js';
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
  return varyOnAcceptEncoding(reply).type(JSON_TYPE).send(Buffer.from(JSON.stringify(value)));
}

