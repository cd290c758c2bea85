import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, type AppError } from '../shared/errors.js';

import './route-config.js';

const NUL = '\u0000';
/** Deeper input is refused outright: no input of ours nests anywhere near this. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Half of a UTF-16 surrogate pair with no other half (JSON can spell one: "\ud800"): such text has
 * no UTF-8 form, so PostgreSQL refuses it and SQLite would store mangled bytes.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type InputProblem = { path: string[]; kind: 'nul' | 'surrogate' | 'depth' };

function textProblem(s: string): InputProblem['kind'] | undefined {
  if (s.includes(NUL)) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  return undefined;
}

/**
 * The first problem inside `value`: a string (value or key) holding U+0000, or nesting deeper than
 * MAX_INPUT_DEPTH. Paths are written the way clients write fields: `title`, `entities.customers.0`.
 * The path is built only on the way back from a problem, so a clean megabyte costs one walk.
 */
export function findInputProblem(value: unknown): InputProblem | undefined {
  const found = walk(value, 0);
  if (found) found.path.reverse();
  return found;
}

/** As findInputProblem, with the path collected innermost first. */
function walk(value: unknown, depth: number): InputProblem | undefined {
  if (typeof value === 'string') {
    const kind = textProblem(value);
    return kind ? { path: [], kind } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_INPUT_DEPTH) return { path: [], kind: 'depth' };
  if (Buffer.isBuffer(value)) return undefined; // raw bodies (ingested mail) are decoded by their own route
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], depth + 1);
      if (found) return found.path.push(String(i)), found;
    }
    return undefined;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const inKey = textProblem(key);
    if (inKey) return { path: [JSON.stringify(key).slice(1, -1)], kind: inKey };
    const found = walk((value as Record<string, unknown>)[key], depth + 1);
    if (found) return found.path.push(key), found;
  }
  return undefined;
}

/** The 400 for an input problem, naming where it is (`fallback` when it is the input itself). */
export function inputProblemError(problem: InputProblem, fallback: string): AppError {
  const field = problem.path.join('.') || fallback;
  const message = {
    nul: 'contains the NUL character (U+0000)',
    surrogate: 'is not valid Unicode text (a lone UTF-16 surrogate, e.g. "\\ud800")',
    depth: `nested more than ${MAX_INPUT_DEPTH} levels deep`,
  }[problem.kind];
  return badRequest(`${field}: ${message}`, { fields: [{ field, message }] });
}

function problemIn(request: FastifyRequest): AppError | undefined {
  const inQuery = findInputProblem(request.query);
  if (inQuery) return inputProblemError(inQuery, 'querystring');
  const inBody = Buffer.isBuffer(request.body) ? undefined : findInputProblem(request.body);
  if (inBody) return inputProblemError(inBody, '(body)');
  const inParams = findInputProblem(request.params);
  if (inParams) return inputProblemError(inParams, 'params');
  return undefined;
}

/**
 * Text never holds U+0000 or a lone surrogate: PostgreSQL's text type cannot store either (the
 * insert would fail as a 500) and SQLite would store them where LIKE stops reading or as mangled bytes. One rule at the edge keeps both engines alike
 * and names the field, for every REST route; tRPC procedures apply the same findInputProblem to their raw input.
 */
export function registerInputGuard(app: FastifyInstance, isTrpcRoute: (request: FastifyRequest) => boolean): void {
  app.addHook('preValidation', async (request) => {
    // tRPC reads its input in its own way (first ?input=, body text without a BOM, batches): the
    // procedures' base middleware checks exactly what they receive (guardTrpcInput in trpc.ts).
    if (request.routeOptions.config?.cleansNul || isTrpcRoute(request)) return;
    const problem = problemIn(request);
    if (problem) throw problem;
  });
}
