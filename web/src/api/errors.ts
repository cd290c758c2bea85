import { TRPCClientError } from '@trpc/client';

/** Every API failure the UI shows, from REST or tRPC, in one shape. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface TrpcErrorData {
  httpStatus?: number;
  appCode?: string;
  code?: string;
  details?: unknown;
}

/** Plain words for what went wrong, whatever threw it. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof TRPCClientError) {
    const data = (err.data ?? {}) as TrpcErrorData;
    return new ApiError(err.message, data.httpStatus ?? 0, data.appCode ?? data.code ?? 'error', data.details);
  }
  if (err instanceof TypeError) return new ApiError('The server cannot be reached. Check your connection.', 0, 'network');
  return new ApiError(err instanceof Error ? err.message : String(err), 0, 'error');
}

/**
 * The write was refused because the item changed since this screen read it (412 precondition_failed
 * for If-Match / expected_version): nothing was saved, and the screen reloads the item.
 */
export function isStaleWrite(err: ApiError): boolean {
  return err.code === 'precondition_failed';
}

/** What the screens say when that happens. */
export const STALE_WRITE_TITLE = 'Changed by someone else — reloaded';
export const STALE_WRITE_BODY = 'Your change was not saved. The latest version is shown: check it and make your change again if it still applies.';

/** The checklist items a 409 `checklist_incomplete` names, if that is what this is. */
export function missingChecklistItems(err: ApiError): string[] {
  if (err.code !== 'checklist_incomplete') return [];
  const d = err.details as { missing?: Array<{ title?: string } | string> } | undefined;
  return (d?.missing ?? []).map((m) => (typeof m === 'string' ? m : (m.title ?? '?')));
}
