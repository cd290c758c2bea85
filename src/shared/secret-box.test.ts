import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import { parseSecretKey, SecretKeyRing, secretKeyId, SecretUnreadable, storedKeyId } from './secret-box.js';

const key = () => randomBytes(32);

describe('secret box', () => {
  it('seals with a fresh nonce each time and opens only in the same place', () => {
    const ring = new SecretKeyRing(key());
    const a = ring.seal('whsec_abc', 'webhook_endpoint.secret:1:7');
    const b = ring.seal('whsec_abc', 'webhook_endpoint.secret:1:7');
    expect(a.stored).not.toBe(b.stored);
    expect(a.stored).not.toContain('whsec_abc');
    expect(a.stored.startsWith(`fl1:${ring.currentKeyId}:`)).toBe(true);
    expect(storedKeyId(a.stored)).toBe(ring.currentKeyId);
    expect(ring.open(a.stored, 'webhook_endpoint.secret:1:7')).toBe('whsec_abc');
    // Copied into another row (or another org's row): does not open.
    expect(() => ring.open(a.stored, 'webhook_endpoint.secret:1:8')).toThrow(SecretUnreadable);
    expect(() => ring.open(a.stored, 'webhook_endpoint.secret:2:7')).toThrow(SecretUnreadable);
  });

  it('fails closed on any altered byte, a truncated value, or plaintext', () => {
    const ring = new SecretKeyRing(key());
    const { stored } = ring.seal('s3cret-value-0123456789', 'ctx');
    const prefix = stored.slice(0, stored.lastIndexOf(':') + 1);
    const body = Buffer.from(stored.slice(prefix.length), 'base64url');
    for (const i of [0, 12, body.length - 1]) {
      const bad = Buffer.from(body);
      bad[i]! ^= 0x01;
      const err = (() => {
        try {
          ring.open(prefix + bad.toString('base64url'), 'ctx');
        } catch (e) {
          return e;
        }
      })();
      expect(err, `byte ${i}`).toBeInstanceOf(SecretUnreadable);
      expect((err as SecretUnreadable).reason).toBe('invalid');
      expect((err as Error).message).not.toContain('s3cret');
    }
    expect(() => ring.open(prefix + body.subarray(0, 20).toString('base64url'), 'ctx')).toThrow(/truncated/);
    expect(() => ring.open('s3cret-value-0123456789', 'ctx')).toThrow(/not a sealed secret/);
  });

  it('opens values sealed under a previous key, seals only under the current one, and names a missing key id', () => {
    const [oldKey, newKey] = [key(), key()];
    const before = new SecretKeyRing(oldKey).seal('v', 'ctx');
    const ring = new SecretKeyRing(newKey, [oldKey]);
    expect(ring.open(before.stored, 'ctx')).toBe('v');
    expect(ring.seal('v', 'ctx').keyId).toBe(secretKeyId(newKey));
    expect(ring.keyIds).toEqual([secretKeyId(newKey), secretKeyId(oldKey)]);

    const without = new SecretKeyRing(newKey);
    const err = (() => {
      try {
        without.open(before.stored, 'ctx');
      } catch (e) {
        return e as SecretUnreadable;
      }
    })();
    expect(err?.reason).toBe('unknown_key');
    expect(err?.message).toContain(secretKeyId(oldKey));
  });

  it('reads keys as 64 hex digits or base64 of 32 bytes, and nothing else', () => {
    const k = key();
    expect(parseSecretKey(k.toString('hex'))).toEqual(k);
    expect(parseSecretKey(k.toString('base64'))).toEqual(k);
    expect(parseSecretKey(`${k.toString('base64url')}\n`)).toEqual(k);
    for (const bad of ['', 'short', k.toString('hex').slice(2), randomBytes(31).toString('base64'), randomBytes(48).toString('base64')]) {
      expect(parseSecretKey(bad), bad).toBeUndefined();
    }
  });
});

describe('secrets configuration', () => {
  it('parses SECRETS_KEY and SECRETS_KEY_PREVIOUS, dropping the current key from the previous ones', () => {
    const [a, b] = [key(), key()];
    const c = loadConfig({ SECRETS_KEY: b.toString('base64'), SECRETS_KEY_PREVIOUS: `${a.toString('hex')}, ${b.toString('base64')}` });
    expect(c.secretsKey).toEqual(b);
    expect(c.secretsKeysPrevious).toEqual([a]);
    expect(loadConfig({}).secretsKey).toBeUndefined();
  });

  it('refuses malformed keys naming the setting, never echoing the value', () => {
    const value = 'not-a-key-but-maybe-a-password';
    const err = (() => {
      try {
        loadConfig({ SECRETS_KEY: value, SECRETS_KEY_PREVIOUS: `${key().toString('hex')},${value}` });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.problems.join('\n')).toMatch(/SECRETS_KEY: SECRETS_KEY must be 32 bytes/);
    expect(err!.problems.join('\n')).toMatch(/SECRETS_KEY_PREVIOUS \(entry 2\)/);
    expect(err!.message).not.toContain(value);
    expect(() => loadConfig({ SECRETS_KEY_PREVIOUS: key().toString('hex') })).toThrow(/needs SECRETS_KEY/);
  });
});
