/**
 * Webhook signatures. Two schemes ride on every delivery:
 * - Standard Webhooks (https://www.standardwebhooks.com): `webhook-id`, `webhook-timestamp` and
 *   `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed by the bytes a
 *   `whsec_<base64>` secret encodes. The timestamp is signed, so receivers (e.g. the
 *   `standardwebhooks` library) reject a captured delivery replayed later. Several signatures,
 *   space-separated, while a rotated secret's predecessor is still honoured.
 * - The original `X-FlowLedger-Signature: sha256=<hex HMAC of the body>` keyed by the secret's text,
 *   kept for existing receivers until 1.0.0.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>`: HMAC-SHA256 of the raw body with the endpoint's secret. */
export function signBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** What a receiver does (and what our tests do): recompute and compare in constant time. */
export function verifySignature(body: string | Buffer, secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const WHSEC = /^whsec_((?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)$/;
/** The specification's lower bound on key size. */
const MIN_KEY_BYTES = 24;

/**
 * The HMAC key of a Standard Webhooks secret (`whsec_` + standard base64 of ≥ 24 bytes), or null
 * for any other secret (one an admin chose, or one of the url-safe alphabet generated before #22):
 * those sign the X-FlowLedger headers only.
 */
export function standardWebhookKey(secret: string): Buffer | null {
  const m = WHSEC.exec(secret);
  if (!m) return null;
  const key = Buffer.from(m[1]!, 'base64');
  return key.length >= MIN_KEY_BYTES ? key : null;
}

/** `webhook-signature`: one `v1,<base64>` per key, space-separated (the newest first). */
export function standardWebhookSignature(msgId: string, timestampS: number, body: string, keys: Buffer[]): string {
  const signed = `${msgId}.${timestampS}.${body}`;
  return keys.map((k) => `v1,${createHmac('sha256', k).update(signed).digest('base64')}`).join(' ');
}
