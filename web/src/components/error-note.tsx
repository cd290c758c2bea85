import { STALE_WRITE_BODY, STALE_WRITE_TITLE, toApiError } from '../api/errors.js';
/** What an API error means, in plain words, where the failed content or action was. */
export interface ShownError {
  message: string;
  status?: number;
  code?: string;
}

export function ErrorNote({ error }: { error: ShownError }) {
  if (error.code === 'precondition_failed') {
    return (
      <div className="error-note" role="alert">
        <strong>{STALE_WRITE_TITLE}.</strong> <span>{STALE_WRITE_BODY}</span>
      </div>
    );
  }
  const hint =
    error.status === 403
      ? 'Your key does not allow this.'
      : error.status === 404
        ? 'It may have been deleted, or it belongs to another organisation.'
        : error.status === 409 && error.code === 'conflict'
          ? 'Someone changed it at the same time; the page shows the latest state.'
          : undefined;
  return (
    <div className="error-note" role="alert">
      <strong>{error.message}</strong>
      {hint && <span> {hint}</span>}
    </div>
  );
}

/** A query's or mutation's failure, if any, as an ErrorNote (TanStack Query gives `unknown` errors). */
export function QueryError({ error }: { error: unknown }) {
  return error ? <ErrorNote error={toApiError(error)} /> : null;
}
