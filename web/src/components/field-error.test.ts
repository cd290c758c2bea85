import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.js';
import { errorFor, fieldErrorsOf } from './field-error.js';

const refusal = (fields: Array<{ field: string; message: string }>, status = 400) => new ApiError('Invalid body', status, 'bad_request', { in: 'body', fields });

describe('field errors of an API refusal', () => {
  it('maps each field path to its first message', () => {
    const errors = fieldErrorsOf(
      refusal([
        { field: 'title', message: 'Too small' },
        { field: 'title', message: 'second' },
        { field: 'calendar.holidays.2', message: 'must be YYYY-MM-DD' },
      ]),
    );
    expect(errors).toEqual({ title: 'Too small', 'calendar.holidays.2': 'must be YYYY-MM-DD' });
    expect(errorFor(errors, 'calendar.holidays')).toBe('must be YYYY-MM-DD');
    expect(errorFor(errors, 'calendar')).toBe('must be YYYY-MM-DD');
    expect(errorFor(errors, 'calendar.days')).toBeUndefined();
    // A prefix of a name is not the field: `title` does not claim `title_extra`.
    expect(errorFor({ title_extra: 'x' }, 'title')).toBeUndefined();
  });

  it('has none for anything but a 400', () => {
    expect(fieldErrorsOf(refusal([{ field: 'url', message: 'x' }], 409))).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });
});
