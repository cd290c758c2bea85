/**
 * One error hierarchy for the whole service. Domains throw AppError (or a helper below);
 * src/http/errors.ts maps the code to an HTTP status and a tRPC code in one table.
 */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'invalid_credentials',
  'forbidden',
  'csrf_failed',
  'not_found',
  'not_a_member',
  'checklist_incomplete',
  'conflict',
  'payload_too_large',
  'invalid_transition',
  'precondition_failed',
  'rate_limited',
  'idempotency_mismatch',
  'idempotency_in_progress',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError('bad_request', message, details);
export const unauthorized = (message = 'Missing or invalid API key') => new AppError('unauthorized', message);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
/** A user id in the input (an owner, a team member, an assignee) that is not an active member of the org. */
export const notAMember = (field: string, userId: number) =>
  new AppError('not_a_member', `${field}: user ${userId} is not an active member of this organisation`, {
    fields: [{ field, message: 'not an active member of this organisation' }],
  });
export const conflict = (message: string, details?: unknown) => new AppError('conflict', message, details);
export const invalidTransition = (message: string, details?: unknown) =>
  new AppError('invalid_transition', message, details);

/**
 * A write sent with `If-Match` / `expected_version` found the item at another version: someone
 * changed it since the caller read it. Nothing was written; `details.current_version` says where it is.
 */
export const preconditionFailed = (what: string, currentVersion: number) =>
  new AppError('precondition_failed', `${what} was changed by someone else: it is at version ${currentVersion}, not the one given; read it again`, {
    current_version: currentVersion,
  });

export function assertUnreachable(x: never): never {
  throw new Error(`Unreachable: ${String(x)}`);
}

/**
 * The database could not answer (src/db/availability.ts): not a bug of ours or the caller's. The
 * outage is logged once where it is detected, so loops that meet it log at debug, not per attempt.
 */
export function isUnavailable(err: unknown): boolean {
  return err instanceof AppError && err.code === 'unavailable';
}
