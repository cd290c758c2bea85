/** A key's (and later a person's) role in its org. */
export type Role = 'admin' | 'member' | 'viewer';

/** Who is calling: resolved from the API key on every request; the org always comes from here. */
export interface AuthContext {
  orgId: number;
  orgName: string;
  role: Role;
  keyId: number;
  keyName: string | null;
  /** What changed_by / created_by record: the key's name, or key:<id>. */
  actor: string;
}

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function actorOf(keyId: number, keyName: string | null): string {
  return keyName ?? `key:${keyId}`;
}
