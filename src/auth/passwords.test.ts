import { describe, expect, it } from 'vitest';
import { burnVerification, hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords.js';

// Cheap parameters for the behaviour tests; the real cost is measured in docs/performance.md.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores the parameters with the hash and verifies the right password only', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password here', FAST)).not.toBe(await hashPassword('same password here', FAST));
  });

  it('never matches a malformed or absurd stored value', async () => {
    for (const bad of ['', 'plain', 'scrypt$1024$8$1$abc', 'scrypt$1000$8$1$c2FsdHNhbHQ$' + 'A'.repeat(43), `scrypt$${2 ** 30}$8$1$c2FsdHNhbHQ$${'A'.repeat(43)}`]) {
      expect(await verifyPassword('anything at all', bad)).toBe(false);
    }
  });

  it('uses the default cost of N=2^15, r=8, p=1 and flags weaker stored hashes for a rehash', async () => {
    const strong = await hashPassword('correct horse battery');
    expect(strong.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(needsRehash(strong)).toBe(false);
    expect(needsRehash(await hashPassword('correct horse battery', FAST))).toBe(true);
    expect(await verifyPassword('correct horse battery', strong)).toBe(true);
  });

  it('burns a verification for unknown users and answers false', async () => {
    expect(await burnVerification('whatever it is')).toBe(false);
  });

  it('refuses short, long, common and email-like passwords', () => {
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(1025))).toMatch(/at most 1024/);
    expect(passwordProblem('Password123')).toMatch(/most common/);
    expect(passwordProblem('QWERTYUIOP')).toMatch(/most common/);
    expect(passwordProblem('ada.lovelace', 'Ada.Lovelace@example.com')).toMatch(/email/);
    expect(passwordProblem('a long and unusual passphrase')).toBeUndefined();
  });
});
