import { describe, expect, it } from 'vitest';
import { OIDC_REFUSALS } from '../../../src/users/oidc.service.js';
import { ssoErrorMessage } from './auth.js';

describe('ssoErrorMessage', () => {
  it('has plain words of its own for every refusal the server sends back', () => {
    for (const code of OIDC_REFUSALS.filter((c) => c !== 'oidc_failed')) {
      expect(ssoErrorMessage(code), code).not.toContain(`(${code})`);
    }
  });
  it('names a code it does not know, so a person can report it', () => {
    expect(ssoErrorMessage('oidc_failed')).toBe('Single sign-on did not complete (oidc_failed). Try again, or sign in with your password.');
  });
});
