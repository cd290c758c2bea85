import type { ApiError } from '../api/errors.js';
import { ErrorNote } from './error-note.js';

/** A form's submit and cancel buttons, and the API's refusal under them. */
export function FormFooter({ submit, pending, onCancel, error }: { submit: string; pending: boolean; onCancel: () => void; error: ApiError | null }) {
  return (
    <>
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {submit}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && <ErrorNote error={error} />}
    </>
  );
}
