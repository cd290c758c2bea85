/**
 * The API's 400 `details.fields[]` shown beside the inputs they name. A field path such as
 * `calendar.holidays.2` belongs to the input named `calendar.holidays`; what no input claims is
 * left to the form's summary (the ErrorNote with the API's message).
 */
import type { ApiError } from '../api/errors.js';

export type FieldErrors = Record<string, string>;

/** `{field path: message}` of a 400; the first message wins for a path. */
export function fieldErrorsOf(err: ApiError | null | undefined): FieldErrors {
  const out: FieldErrors = {};
  if (!err || err.status !== 400) return out;
  const fields = (err.details as { fields?: Array<{ field?: string; message?: string }> } | undefined)?.fields ?? [];
  for (const f of fields) if (f.field && !(f.field in out)) out[f.field] = f.message ?? 'invalid';
  return out;
}

/** The message for the input named `name`: its own path, or a path below it. */
export function errorFor(errors: FieldErrors, name: string): string | undefined {
  if (errors[name]) return errors[name];
  const below = Object.keys(errors).find((k) => k.startsWith(`${name}.`));
  return below ? errors[below] : undefined;
}

/** Props that tie an input to its error message (id `${id}-error`) for assistive technology. */
export function invalidProps(id: string, message: string | undefined) {
  return message ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="field-error" id={`${id}-error`} data-field-error="">
      {message}
    </span>
  );
}
