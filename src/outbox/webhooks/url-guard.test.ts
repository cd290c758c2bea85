import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateAddress } from './url-guard.js';
import { filterMatches } from './webhooks.repository.js';
import { signBody, verifySignature } from './signature.js';

describe('webhook URL guard', () => {
  it('refuses loopback, private, link-local, CGNAT and mapped addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '224.0.0.1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
  });

  it('accepts public addresses', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('checks every resolved address and names the problem', async () => {
    await expect(checkWebhookUrl('http://localhost:8080/hook', false)).rejects.toThrow(/loopback\/private address/);
    await expect(checkWebhookUrl('http://[::1]/hook', false)).rejects.toThrow(/::1/);
    await expect(checkWebhookUrl('http://10.0.0.5/hook', false)).rejects.toThrow(/10\.0\.0\.5/);
    await expect(checkWebhookUrl('ftp://example.com/', false)).rejects.toThrow(/http or https/);
    await expect(checkWebhookUrl('not a url', false)).rejects.toThrow(/absolute/);
    await expect(checkWebhookUrl('http://127.0.0.1:9/hook', true)).resolves.toEqual(['127.0.0.1']);
    await expect(checkWebhookUrl('http://93.184.216.34/hook', false)).resolves.toEqual(['93.184.216.34']);
  });
});

describe('webhook event filters', () => {
  it('matches exact names, prefix patterns and everything when empty', () => {
    expect(filterMatches([], 'pursuit.won')).toBe(true);
    expect(filterMatches(['pursuit.*'], 'pursuit.won')).toBe(true);
    expect(filterMatches(['pursuit.*'], 'proposal.sent')).toBe(false);
    expect(filterMatches(['proposal.sent', 'task.*'], 'task.created')).toBe(true);
    expect(filterMatches(['pursuit.won'], 'pursuit.lost')).toBe(false);
    expect(filterMatches(['*'], 'sla.breached')).toBe(true);
  });
});

describe('webhook signature', () => {
  it('is sha256=<hex HMAC of the raw body> and verifies only the same body and secret', () => {
    const sig = signBody('{"a":1}', 'secret-1234567890');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature('{"a":1}', 'secret-1234567890', sig)).toBe(true);
    expect(verifySignature('{"a":2}', 'secret-1234567890', sig)).toBe(false);
    expect(verifySignature('{"a":1}', 'other-secret-12345', sig)).toBe(false);
    expect(verifySignature('{"a":1}', 'secret-1234567890', undefined)).toBe(false);
  });
});
