/**
 * tRPC for every domain: one `initTRPC`, our error formatter, and the base procedure with the input
 * rules every REST route gets from Fastify hooks. Authentication and roles are added by the auth
 * module's procedures (src/auth/auth.plugin.ts), which build on `publicProcedure`.
 */
import { TRPCError, initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import type { AuthContext } from '../shared/auth-context.js';
import { AppError, badRequest } from '../shared/errors.js';
import { httpStatusOf, trpcCodeOf, zodDetails } from './errors.js';
import { findInputProblem, inputProblemError } from './input-guard.js';

export interface TrpcContext {
  /** Set by the auth plugin's onRequest hook when the request carried a valid key. */
  auth: AuthContext | undefined;
  requestId: string;
}

/**
 * No data transformer: answers are plain JSON that curl, @trpc/client and any HTTP client read alike.
 * The formatter adds our stable `appCode` (the REST `code`) and `details` beside tRPC's own fields.
 */
const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let appCode: string = 'internal';
    let details: unknown;
    if (cause instanceof AppError) {
      appCode = cause.code;
      details = cause.details;
    } else if (cause instanceof ZodError) {
      appCode = 'bad_request';
      details = zodDetails(cause);
    } else if (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') appCode = 'bad_request';
    else if (error.code === 'NOT_FOUND') appCode = 'not_found';
    else if (shape.data.httpStatus === 413) appCode = 'payload_too_large';
    else if (shape.data.httpStatus >= 400 && shape.data.httpStatus < 500) appCode = 'bad_request'; // 405, 415, …: the client's to fix
    return {
      ...shape,
      message: cause instanceof ZodError ? `Invalid input: ${zodDetails(cause).fields.map((f) => f.field).join(', ')}` : shape.message,
      data: { ...shape.data, appCode, ...(details !== undefined ? { details } : {}), stack: undefined },
    };
  },
});

/** AppErrors thrown by domain code become TRPCErrors with the mapped code (else tRPC would answer 500). */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: trpcCodeOf(cause.code), message: cause.message, cause });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      // Never leak internals; the request id ties the answer to the log line.
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', cause: result.error });
    }
  }
  return result;
});

/**
 * NUL and absurd nesting are refused (400) on what the procedure itself receives (per call of a
 * batch; the same text tRPC parsed, whatever the transport), before any handler runs.
 */
const guardTrpcInput = t.middleware(async ({ getRawInput, next }) => {
  const raw = await getRawInput();
  // The adapter also passes multipart bodies through as FormData: no procedure of ours takes them.
  if (raw instanceof FormData || raw instanceof Blob || raw instanceof ReadableStream) {
    throw badRequest('tRPC input must be JSON (send Content-Type: application/json)');
  }
  const problem = findInputProblem(raw);
  if (problem) throw inputProblemError(problem, 'input');
  return next();
});

export const router = t.router;
export const middleware = t.middleware;
export const publicProcedure = t.procedure.use(mapAppErrors).use(guardTrpcInput);

export { httpStatusOf };
