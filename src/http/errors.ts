import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { ZodError } from 'zod';
import { AppError, assertUnreachable, type ErrorCode } from '../shared/errors.js';

/** The single table from error codes to HTTP statuses and tRPC codes. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'bad_request':
    case 'not_a_member':
      return 400;
    case 'unauthorized':
    case 'invalid_credentials':
      return 401;
    case 'forbidden':
    case 'csrf_failed':
      return 403;
    case 'not_found':
      return 404;
    case 'checklist_incomplete':
    case 'conflict':
    case 'idempotency_in_progress':
      return 409;
    case 'precondition_failed':
      return 412;
    case 'payload_too_large':
      return 413;
    case 'invalid_transition':
    case 'idempotency_mismatch':
      return 422;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
    default:
      return assertUnreachable(code);
  }
}

export function trpcCodeOf(code: ErrorCode): TRPC_ERROR_CODE_KEY {
  switch (code) {
    case 'bad_request':
    case 'not_a_member':
      return 'BAD_REQUEST';
    case 'unauthorized':
    case 'invalid_credentials':
      return 'UNAUTHORIZED';
    case 'forbidden':
    case 'csrf_failed':
      return 'FORBIDDEN';
    case 'not_found':
      return 'NOT_FOUND';
    case 'checklist_incomplete':
    case 'conflict':
    case 'idempotency_in_progress':
      return 'CONFLICT';
    case 'precondition_failed':
      return 'PRECONDITION_FAILED';
    case 'payload_too_large':
      return 'PAYLOAD_TOO_LARGE';
    case 'invalid_transition':
    case 'idempotency_mismatch':
      return 'UNPROCESSABLE_CONTENT';
    case 'rate_limited':
      return 'TOO_MANY_REQUESTS';
    case 'unavailable':
      return 'SERVICE_UNAVAILABLE';
    case 'internal':
      return 'INTERNAL_SERVER_ERROR';
    default:
      return assertUnreachable(code);
  }
}

export interface ErrorBody {
  error: string;
  code: ErrorCode;
  details?: unknown;
}

export interface FieldProblem {
  field: string;
  message: string;
}

interface IssueLike {
  code?: string;
  path?: PropertyKey[];
  keys?: string[];
  message?: string;
}

/**
 * One zod issue → the fields it is about, each path written the way a client wrote it. An unknown
 * key is named itself (`updates.colour`), not the object that holds it.
 */
function issueFields(issue: IssueLike, prefix: (string | undefined)[], fallback: string): FieldProblem[] {
  const at = (extra: string[]) => [...prefix, ...(issue.path ?? []).map(String), ...extra].filter(Boolean).join('.') || fallback;
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    return issue.keys.map((k) => ({ field: at([k]), message: 'unknown field' }));
  }
  return [{ field: at([]), message: issue.message ?? 'invalid' }];
}

/** zod issues → `details.fields`, each naming the field path the way a client wrote it. */
export function zodDetails(err: ZodError, prefix?: string): { fields: FieldProblem[] } {
  return { fields: err.issues.flatMap((i) => issueFields(i as IssueLike, [prefix], '(body)')) };
}

export function validationError(err: ZodError, prefix?: string): AppError {
  const details = zodDetails(err, prefix);
  const names = [...new Set(details.fields.map((f) => f.field))].join(', ');
  return new AppError('bad_request', `Invalid input: ${names}`, details);
}

/** Any thrown value → the status and body we answer with. Unknown errors become a bare 500. */
export function toHttpError(err: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (err instanceof AppError) {
    const body: ErrorBody = { error: err.message, code: err.code };
    if (err.details !== undefined) body.details = err.details;
    return { status: httpStatusOf(err.code), body, internal: err.code === 'internal' };
  }
  if (err instanceof ZodError) {
    const e = validationError(err);
    return { status: 400, body: { error: e.message, code: 'bad_request', details: e.details }, internal: false };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError).validationContext ?? 'body';
    // fastify-type-provider-zod hands each zod issue over as { keyword: code, instancePath, params: rest }.
    const fields = err.validation.flatMap((v) => {
      const issue: IssueLike = {
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        keys: (v.params as { keys?: string[] } | undefined)?.keys,
        message: v.message ?? 'invalid',
      };
      return issueFields(issue, [], where);
    });
    const names = [...new Set(fields.map((f) => f.field))].join(', ');
    return {
      status: 400,
      body: { error: `Invalid ${where}: ${names}`, code: 'bad_request', details: { in: where, fields } },
      internal: false,
    };
  }
  const fe = err as Partial<FastifyError> | undefined;
  switch (fe?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { error: 'Request body is too large', code: 'payload_too_large' }, internal: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: { error: 'Unsupported Content-Type; send application/json', code: 'bad_request' },
        internal: false,
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        body: { error: 'Body cannot be empty when Content-Type is application/json', code: 'bad_request' },
        internal: false,
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: { error: 'Invalid Content-Length', code: 'bad_request' }, internal: false };
    default:
      break;
  }
  // Malformed JSON surfaces as a SyntaxError with statusCode 400 from Fastify's JSON parser.
  if (fe?.statusCode === 400 || err instanceof SyntaxError) {
    return {
      status: 400,
      body: { error: `Malformed request: ${fe?.message ?? 'invalid body'}`, code: 'bad_request' },
      internal: false,
    };
  }
  if (fe?.statusCode === 414) {
    // The router's message quotes the whole path: it could be megabytes, and it is the client's own.
    return { status: 414, body: { error: 'Request path is too long', code: 'bad_request' }, internal: false };
  }
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { error: fe.message ?? 'Bad request', code: 'bad_request' }, internal: false };
  }
  return { status: 500, body: { error: 'Internal server error', code: 'internal' }, internal: true };
}
