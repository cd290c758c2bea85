import { describe, expect, it } from 'vitest';
import { likePattern } from './sql-helpers.js';

describe('likePattern', () => {
  it('wraps the term for "contains" and escapes LIKE wildcards and the escape character', () => {
    expect(likePattern('PO-7781')).toBe('%PO-7781%');
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
    expect(likePattern('a\\b')).toBe('%a\\\\b%');
  });
});
