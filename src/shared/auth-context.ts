import { AppError } from './errors.js';

/** A key's or a person's role in its org. */
export type Role = 'admin' | 'member' | 'viewer';

/**
 * Who is calling: resolved from the API key or the session cookie on every request; the org
 * always comes from here. Both kinds have the same shape, so every rule (org scope, roles) reads
 * the same fields whatever the credential.
 */
export interface AuthContext {
  orgId: number;
  orgName: string;
  role: Role;
  /** `key`: an API key (programs); `session`: a person signed in through the browser. */
  via: 'key' | 'session';
  /** The API key, for key requests; null for sessions. */
  keyId: number | null;
  keyName: string | null;
  /** The signed-in person and their session, for session requests; null for keys. */
  userId: number | null;
  sessionId: number | null;
  /** What changed_by / created_by record: the key's name or key:<id>; user:<id> for a person. */
  actor: string;
}

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function actorOf(keyId: number, keyName: string | null): string {
  return keyName ?? `key:${keyId}`;
}

export function userActor(userId: number): string {
  return `user:${userId}`;
}

/** `me` in an owner filter (`owner_user_id=me`): the signed-in person. */
export const ME = 'me';

/**
 * The user id an owner filter names: `me` is the session's person; an API key has no person, so
 * `me` with a key is a 400 naming the field.
 */
export function resolveMe<T extends number | typeof ME | undefined>(auth: Pick<AuthContext, 'userId'>, id: T, field = 'owner_user_id'): Exclude<T, typeof ME> {
  if (id !== ME) return id as Exclude<T, typeof ME>;
  if (auth.userId === null) {
    throw new AppError('bad_request', `${field}=me names the signed-in person; an API key has no person: give a user id`, {
      fields: [{ field, message: 'me needs a signed-in person (a session), not an API key' }],
    });
  }
  return auth.userId as Exclude<T, typeof ME>;
}
