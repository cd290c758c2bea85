import type { FastifyRequest } from 'fastify';

/**
 * tRPC carries its input as JSON text: in `?input=` for a GET, as the raw body for a POST (its
 * Fastify adapter replaces the JSON parser with one that keeps the text). Hooks that must look
 * inside an input (org_id, NUL) read it here, and parse it only when `mayHold` says they need to.
 */
export function trpcInputText(request: FastifyRequest): string | undefined {
  const q = request.query as Record<string, unknown> | undefined;
  if (q && typeof q === 'object' && typeof q.input === 'string') return q.input;
  return typeof request.body === 'string' ? request.body : undefined;
}

/** `?batch=1`: the input is an object of inputs keyed by position ("0", "1", …). */
export function isTrpcBatch(request: FastifyRequest): boolean {
  const q = request.query as Record<string, unknown> | undefined;
  return typeof q === 'object' && q !== null && 'batch' in q;
}

/** The parsed input, or undefined when it is malformed (tRPC itself answers that). */
export function parseTrpcInput(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
