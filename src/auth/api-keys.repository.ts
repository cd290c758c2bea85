import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DbOrTrx } from '../db/create-db.js';
import type { Role } from '../db/types.js';
import { auditTrail } from '../outbox/audit.js';

export const ROLES = ['admin', 'member', 'viewer'] as const satisfies readonly Role[];

/** Keys carry 32 random bytes; the prefix makes them recognisable in logs and secret scanners. */
export function generateKey(): string {
  return `fl_${randomBytes(32).toString('base64url')}`;
}

/**
 * A plain SHA-256 is the right hash here: the key is 256 random bits, so there is nothing for a
 * slow password hash to protect against, and every request must verify it quickly.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function constantTimeEqualHex(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'hex');
  const bb = Buffer.from(b, 'hex');
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

export interface ApiKeyInfo {
  key_id: number;
  org_id: number;
  name: string | null;
  role: Role;
  key_prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CreatedKey extends ApiKeyInfo {
  /** The secret itself: returned once, never stored. */
  key: string;
}

const infoColumns = [
  'key_id',
  'org_id',
  'name',
  'role',
  'key_prefix',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

export async function createApiKey(
  db: DbOrTrx,
  input: { orgId: number; role: Role; name?: string | null; now: string },
): Promise<CreatedKey> {
  const key = generateKey();
  const row = await db
    .insertInto('api_key')
    .values({
      org_id: input.orgId,
      role: input.role,
      name: input.name ?? null,
      key_hash: hashKey(key),
      key_prefix: key.slice(0, 10),
      created_at: input.now,
    })
    .returning(infoColumns)
    .executeTakeFirstOrThrow();
  return { ...row, key };
}

export async function listApiKeys(db: DbOrTrx, orgId: number): Promise<ApiKeyInfo[]> {
  return db.selectFrom('api_key').select(infoColumns).where('org_id', '=', orgId).orderBy('key_id').execute();
}

/** One key (scoped to an org unless orgId is null, as the CLI does). */
export async function getApiKey(db: DbOrTrx, orgId: number | null, keyId: number): Promise<ApiKeyInfo | undefined> {
  let q = db.selectFrom('api_key').select(infoColumns).where('key_id', '=', keyId);
  if (orgId !== null) q = q.where('org_id', '=', orgId);
  return q.executeTakeFirst();
}

/** The audit event of a key's creation or revocation (API and CLI alike); never the key itself. */
export const auditKeyChange = auditTrail<ApiKeyInfo>({
  entity: 'api_key',
  fields: ['name', 'role', 'revoked_at'],
  itemId: (k) => k.key_id,
  subject: (k) => ({ key_id: k.key_id, name: k.name, role: k.role }),
});

/** Revokes a key (scoped to an org unless orgId is null, as the CLI does). Returns the key or undefined. */
export async function revokeApiKey(
  db: DbOrTrx,
  orgId: number | null,
  keyId: number,
  now: string,
): Promise<ApiKeyInfo | undefined> {
  let q = db
    .updateTable('api_key')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now)) }))
    .where('key_id', '=', keyId);
  if (orgId !== null) q = q.where('org_id', '=', orgId);
  return q.returning(infoColumns).executeTakeFirst();
}

export interface ResolvedKey {
  key_id: number;
  org_id: number;
  org_name: string;
  name: string | null;
  role: Role;
  revoked: boolean;
  key_hash: string;
}

export async function findKeyByHash(db: DbOrTrx, keyHash: string): Promise<ResolvedKey | undefined> {
  const row = await db
    .selectFrom('api_key')
    .innerJoin('org', 'org.org_id', 'api_key.org_id')
    .select([
      'api_key.key_id',
      'api_key.org_id',
      'org.name as org_name',
      'api_key.name',
      'api_key.role',
      'api_key.revoked_at',
      'api_key.key_hash',
    ])
    .where('api_key.key_hash', '=', keyHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    key_id: row.key_id,
    org_id: row.org_id,
    org_name: row.org_name,
    name: row.name,
    role: row.role,
    revoked: row.revoked_at !== null,
    key_hash: row.key_hash,
  };
}

export async function touchApiKey(db: DbOrTrx, keyId: number, now: string): Promise<void> {
  await db.updateTable('api_key').set({ last_used_at: now }).where('key_id', '=', keyId).execute();
}
