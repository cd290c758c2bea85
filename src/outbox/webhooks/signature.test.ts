import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret } from './webhooks.repository.js';
import { standardWebhookKey, standardWebhookSignature } from './signature.js';

describe('Standard Webhooks signing', () => {
  it('signs exactly as the standardwebhooks library does, for the secrets we generate', () => {
    for (let i = 0; i < 20; i++) {
      const secret = newWebhookSecret();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      const key = standardWebhookKey(secret)!;
      expect(key).toHaveLength(24);
      const at = new Date(Date.UTC(2026, 11, 4, 12, 0, i));
      const body = JSON.stringify({ id: i, event: 'task.created', data: { title: 'Ünïcode ✓' } });
      expect(standardWebhookSignature(`${i}`, at.getTime() / 1000, body, [key])).toBe(new Webhook(secret).sign(`${i}`, at, body));
    }
  });

  it('lists one v1 signature per key, the first key first', () => {
    const [a, b] = [standardWebhookKey(newWebhookSecret())!, standardWebhookKey(newWebhookSecret())!];
    const both = standardWebhookSignature('7', 1_700_000_000, '{}', [a, b]).split(' ');
    expect(both).toHaveLength(2);
    expect(both[0]).toBe(standardWebhookSignature('7', 1_700_000_000, '{}', [a]));
    expect(both.every((s) => /^v1,[A-Za-z0-9+/]{43}=$/.test(s))).toBe(true);
  });

  it('has no key for secrets that are not whsec_ + standard base64 of at least 24 bytes', () => {
    expect(standardWebhookKey('test-secret-0123456789abcdef')).toBeNull(); // chosen by an admin
    expect(standardWebhookKey('whsec_ab-d_fgh0123456789abcdefghijklmn')).toBeNull(); // url-safe alphabet, before #22
    expect(standardWebhookKey('whsec_QUJDREVGR0g=')).toBeNull(); // 8 bytes
    expect(standardWebhookKey('whsec_QUJDREVGR0g')).toBeNull(); // not padded
    expect(standardWebhookKey('whsec_ABCDefgh0123456789abcdefghijklmn')).toHaveLength(24);
  });
});
