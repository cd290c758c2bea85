import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import { userActor, type AuthContext } from '../shared/auth-context.js';
import { findSessionByHash, hashSessionToken, touchSession } from './sessions.repository.js';

export type SessionResolution =
  | { ok: true; auth: AuthContext }
  /** unknown: no such session; ended: signed out, revoked, expired, user deactivated or no longer a member. */
  | { ok: false; reason: 'unknown' | 'ended' };

/** last_seen_at is written at most this often per session: the idle timeout is hours, not seconds. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves a session cookie's token to an AuthContext with the same shape as a key's. Unlike keys,
 * nothing is cached: every request reads the session with its user and membership (one indexed
 * statement), so signing out, deactivating a user or removing a membership is refused on the very
 * next request, in every process. Browser traffic is a person's, not a program's: the read is cheap
 * at that rate.
 */
export class SessionResolver {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly o: { idleTimeoutMs: number },
  ) {}

  async resolve(token: string): Promise<SessionResolution> {
    const row = await findSessionByHash(this.database.db, hashSessionToken(token));
    if (!row) return { ok: false, reason: 'unknown' };
    const now = this.clock.now().getTime();
    const lastSeen = Date.parse(row.last_seen_at);
    if (
      row.revoked_at !== null ||
      row.user_status !== 'active' ||
      row.role === null ||
      Date.parse(row.expires_at) <= now ||
      lastSeen + this.o.idleTimeoutMs <= now
    ) {
      return { ok: false, reason: 'ended' };
    }
    if (now - lastSeen >= TOUCH_EVERY_MS) {
      // Awaited (once a minute per session): a request that follows at once must see this use, or a
      // session used just before its idle limit would end anyway. A failed touch costs at most a
      // minute of idle time, never the request.
      await touchSession(this.database.db, row.session_id, new Date(now).toISOString()).catch(() => {});
    }
    return {
      ok: true,
      auth: {
        orgId: row.org_id,
        orgName: row.org_name,
        role: row.role,
        via: 'session',
        keyId: null,
        keyName: null,
        userId: row.user_id,
        sessionId: row.session_id,
        actor: userActor(row.user_id),
      },
    };
  }
}
