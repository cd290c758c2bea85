import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import { actorOf, type AuthContext } from '../shared/auth-context.js';
import { constantTimeEqualHex, findKeyByHash, hashKey, touchApiKey } from './api-keys.repository.js';

export type KeyResolution = { ok: true; auth: AuthContext } | { ok: false; reason: 'unknown' | 'revoked' };

interface CacheEntry {
  resolution: KeyResolution;
  expires: number;
}

/**
 * Resolves bearer keys to an AuthContext. Results are cached for a short TTL so API processes stay
 * stateless yet fast; a revocation through this process invalidates at once, and other processes
 * see it within the TTL. last_used_at is written at most once a minute per key.
 */
export class KeyResolver {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly lastTouched = new Map<number, number>();

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  async resolve(token: string): Promise<KeyResolution> {
    const hash = hashKey(token);
    const now = this.clock.now().getTime();
    const cached = this.cache.get(hash);
    if (cached && cached.expires > now) return cached.resolution;

    const row = await findKeyByHash(this.database.db, hash);
    let resolution: KeyResolution;
    if (!row || !constantTimeEqualHex(row.key_hash, hash)) resolution = { ok: false, reason: 'unknown' };
    else if (row.revoked) resolution = { ok: false, reason: 'revoked' };
    else
      resolution = {
        ok: true,
        auth: {
          orgId: row.org_id,
          orgName: row.org_name,
          role: row.role,
          via: 'key',
          keyId: row.key_id,
          keyName: row.name,
          userId: null,
          sessionId: null,
          actor: actorOf(row.key_id, row.name),
        },
      };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { resolution, expires: now + this.ttlMs });
    if (row && resolution.ok) this.touch(row.key_id, now);
    return resolution;
  }

  /** Drops cached resolutions (after a revoke or a role change). */
  invalidate(): void {
    this.cache.clear();
  }

  private touch(keyId: number, now: number): void {
    const last = this.lastTouched.get(keyId) ?? 0;
    if (now - last < 60_000) return;
    this.lastTouched.set(keyId, now);
    touchApiKey(this.database.db, keyId, new Date(now).toISOString()).catch(() => {
      // Best effort: a missed last_used_at must never fail a request.
    });
  }
}
