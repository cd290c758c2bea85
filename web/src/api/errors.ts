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

/** The checklist items a 409 `checklist_incomplete` names, if that is what this is. */
export function missingChecklistItems(err: ApiError): string[] {
  if (err.code !== 'checklist_incomplete') return [];
  const d = err.details as { missing?: Array<{ title?: string } | string> } | undefined;
  return (d?.missing ?? []).map((m) => (typeof m === 'string' ? m : (m.title ?? '?')));
}
