/**
 * Secrets at rest (webhook signing secrets today; mailbox passwords and OIDC client secrets use the
 * same box): AES-256-GCM, a random 96-bit nonce per value, and associated data naming the value's
 * place (`webhook_endpoint.secret:<org>:<id>`), so a ciphertext copied into another row or column
 * does not open. Knows no domain and no database: callers say where a value lives.
 *
 * Stored form: `fl1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>`. The key id travels with every
 * value, so any process holding the current key and the previous ones opens any value, which is
 * what lets a rotation run while servers keep serving. A key id is derived from the key itself (the
 * first 12 hex digits of a SHA-256 under a fixed label): operators never invent ids, two different
 * keys never share one by mistake, and a wrong key is recognised by its id before any value is read.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'fl1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;
/** The length of a key id: 12 hex digits (48 bits), plenty to tell a handful of keys apart. */
export const SECRET_KEY_ID_LENGTH = 12;

/**
 * A value that cannot be opened. `unknown_key`: sealed under a key this process does not hold (a
 * node not yet restarted with a new key: another node, or a later attempt, may open it);
 * `invalid`: altered bytes, moved from another row, or not sealed at all (nothing will open it).
 */
export class SecretUnreadable extends Error {
  constructor(
    message: string,
    readonly reason: 'unknown_key' | 'invalid' = 'invalid',
  ) {
    super(message);
    this.name = 'SecretUnreadable';
  }
}

/**
 * A key as configured: 32 bytes written as 64 hex digits or as base64 (standard or url-safe).
 * Returns undefined for anything else, so the caller can name the setting in its error.
 */
export function parseSecretKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (b.length === SECRET_KEY_BYTES) return b;
  }
  return undefined;
}

/** A fresh random key, written as base64 (the form `flowledger secrets` prints and key files hold). */
export function newSecretKey(): string {
  return randomBytes(SECRET_KEY_BYTES).toString('base64');
}

export function secretKeyId(key: Buffer): string {
  return createHash('sha256').update('flowledger secrets key id\0').update(key).digest('hex').slice(0, SECRET_KEY_ID_LENGTH);
}

/** The associated data: the format version, the key id and the value's place are all authenticated. */
function aad(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}:${keyId}:${context}`, 'utf8');
}

/** The current key (new values) and the previous ones (still opened, never used to seal). */
export class SecretKeyRing {
  readonly currentKeyId: string;
  private readonly keys = new Map<string, Buffer>();

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    for (const k of [current, ...previous]) {
      if (k.length !== SECRET_KEY_BYTES) throw new Error(`A secrets key must be ${SECRET_KEY_BYTES} bytes (got ${k.length})`);
      this.keys.set(secretKeyId(k), k);
    }
    this.currentKeyId = secretKeyId(current);
  }

  /** A ring with a fresh random key nobody else holds: for in-memory databases and benchmarks, whose secrets die with the process. */
  static ephemeral(): SecretKeyRing {
    return new SecretKeyRing(randomBytes(SECRET_KEY_BYTES));
  }

  /** Every key id this ring can open, the current one first. */
  get keyIds(): string[] {
    return [this.currentKeyId, ...[...this.keys.keys()].filter((id) => id !== this.currentKeyId)];
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** Encrypts under the current key; `context` names where the value will live. */
  seal(plaintext: string, context: string): { stored: string; keyId: string } {
    const keyId = this.currentKeyId;
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(keyId)!, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(keyId, context));
    const body = Buffer.concat([nonce, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { stored: `${VERSION}:${keyId}:${body.toString('base64url')}`, keyId };
  }

  /** Decrypts a stored value sealed for `context`; throws SecretUnreadable rather than return anything unverified. */
  open(stored: string, context: string): string {
    const keyId = storedKeyId(stored);
    if (keyId === undefined) throw new SecretUnreadable('the value is not a sealed secret');
    const key = this.keys.get(keyId);
    if (!key) throw new SecretUnreadable(`the value is sealed under key id ${keyId}, which is not configured here`, 'unknown_key');
    const body = Buffer.from(stored.slice(VERSION.length + SECRET_KEY_ID_LENGTH + 2), 'base64url');
    if (body.length < NONCE_BYTES + TAG_BYTES) throw new SecretUnreadable('the sealed value is truncated');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(keyId, context));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(NONCE_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretUnreadable('the sealed value failed authentication (altered, or moved from another row)');
    }
  }
}

/** The key id a stored value names, or undefined when it is not in the sealed form. */
export function storedKeyId(stored: string): string | undefined {
  const m = /^fl1:([0-9a-f]{12}):[A-Za-z0-9_-]+$/.exec(stored);
  return m?.[1];
}

/**
 * One column of sealed secrets, as the rotation and the start-up checks see it. The owner of the
 * table implements it (the webhook repository for webhook_endpoint.secret); the composition root
 * lists every one, so `flowledger secrets rotate` and `status` cover them all.
 */
export interface StoredSecretColumn<Db> {
  /** `table.column`, as shown by `flowledger secrets status`. */
  readonly name: string;
  /** How many values are under each key id; null = not sealed yet (plaintext from before sealing). */
  countByKeyId(db: Db): Promise<Array<{ keyId: string | null; count: number }>>;
  /**
   * Up to `limit` values past `after` (a stable order by `ref`) that are not under `keyId`, unsealed
   * ones included; with `keyId` null, only the unsealed ones.
   */
  batchNotUnder(db: Db, keyId: string | null, limit: number, after: number): Promise<Array<{ ref: number; context: string; stored: string; keyId: string | null }>>;
  /**
   * Replaces values set-based, each only if it still holds what was read (a value changed meanwhile,
   * e.g. a secret rotated through the API, is left alone). Returns how many were replaced.
   */
  replace(db: Db, values: Array<{ ref: number; expected: string; stored: string; keyId: string }>): Promise<number>;
}
