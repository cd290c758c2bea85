import { TRPCError, initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import { roleAtLeast, type AuthContext } from '../auth/auth-context.js';
import { AppError, badRequest, forbidden, unauthorized } from '../shared/errors.js';
import type { AppDeps } from './deps.js';
import { orgIdRefusal } from './auth.hooks.js';
import { httpStatusOf, trpcCodeOf, zodDetails } from './errors.js';
import { findInputProblem, inputProblemError } from './input-guard.js';

export interface TrpcContext {
  deps: AppDeps;
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
 * The input rules every REST route gets from Fastify hooks, applied to what the procedure itself
 * receives (per call of a batch; the same text tRPC parsed, whatever the transport): an org_id of
 * another org is refused (403), NUL and absurd nesting are refused (400) before any handler runs.
 */
const guardTrpcInput = t.middleware(async ({ ctx, getRawInput, next }) => {
  const raw = await getRawInput();
  // The adapter also passes multipart bodies through as FormData: no procedure of ours takes them.
  if (raw instanceof FormData || raw instanceof Blob || raw instanceof ReadableStream) {
    throw badRequest('tRPC input must be JSON (send Content-Type: application/json)');
  }
  const problem = findInputProblem(raw);
  if (problem) throw inputProblemError(problem, 'input');
  if (ctx.auth && typeof raw === 'object' && raw !== null && 'org_id' in raw) {
    const refusal = orgIdRefusal((raw as { org_id: unknown }).org_id, ctx.auth.orgId);
    if (refusal) throw refusal;
  }
  return next();
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapAppErrors).use(guardTrpcInput);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.auth) throw unauthorized();
  return next({ ctx: { ...ctx, auth: ctx.auth } });
});

/** Changes need member or admin; viewers read only. */
export const writerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!roleAtLeast(ctx.auth.role, 'member')) throw forbidden('Your key is read-only (role viewer)');
  return next();
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!roleAtLeast(ctx.auth.role, 'admin')) throw forbidden('This needs an admin key');
  return next();
});

export { httpStatusOf };
