import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from '../shared/errors.js';
import { parseTrpcInput, trpcInputText } from './trpc-input.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes outside text (raw mail) and drops NUL itself instead of refusing it. */
    cleansNul?: boolean;
  }
}

const NUL = '\u0000';
const MAX_DEPTH = 64;

/**
 * The path of the first string (value or key) holding U+0000 inside `value`, or undefined. Paths
 * are written the way clients write fields: `title`, `updates.title`, `entities.customers.0`.
 */
export function findNul(value: unknown, path: string[] = [], depth = 0): string[] | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return undefined;
  if (Buffer.isBuffer(value)) return undefined; // raw bodies (ingested mail) are decoded by their own route
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes(NUL)) return [...path, key.replaceAll(NUL, '\\u0000')];
    const found = findNul(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

function nulIn(request: FastifyRequest): string | undefined {
  // tRPC input is JSON text: NUL can only be in it raw (then it is malformed JSON) or as `\u0000`.
  const text = trpcInputText(request);
  if (text !== undefined && text.includes('\\u0000')) {
    const found = findNul(parseTrpcInput(text));
    if (found) return found.join('.') || 'input';
  }
  const q = request.query as Record<string, unknown> | undefined;
  const inQuery = findNul(q && typeof q === 'object' ? { ...q, input: undefined } : q);
  if (inQuery) return inQuery.join('.');
  const inBody = typeof request.body === 'string' ? undefined : findNul(request.body);
  if (inBody) return inBody.join('.') || '(body)';
  const inParams = findNul(request.params);
  if (inParams) return inParams.join('.');
  return undefined;
}

/**
 * Text never holds U+0000: PostgreSQL's text type cannot store it (the insert would fail as a 500)
 * and SQLite would store it where LIKE stops reading. One rule at the edge keeps both engines alike
 * and names the field, for every route and procedure.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config?.cleansNul) return;
    const field = nulIn(request);
    if (field !== undefined) {
      throw badRequest(`${field}: text cannot contain the NUL character (U+0000)`, {
        fields: [{ field, message: 'contains the NUL character (U+0000)' }],
      });
    }
  });
}
