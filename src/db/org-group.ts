/**
 * An org group: the orgs (an inclusive org_id range) one process's background statements work on,
 * so the outbox claim, the sweep and the SLA pass can each run per group — per shard, were the
 * tenant tables distributed by org_id (docs/scaling.md, "Ready for Citus"). No group (the default)
 * adds nothing to the statements: they are exactly what they were, over every org.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

export interface OrgGroup {
  readonly first: number;
  /** null: no upper end. */
  readonly last: number | null;
}

/** `<first>-<last>` or `<first>-` (no upper end); undefined when the text is not one. */
export function parseOrgGroup(text: string): OrgGroup | undefined {
  const m = /^\s*(\d{1,15})\s*-\s*(\d{1,15})?\s*$/.exec(text);
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = m[2] === undefined ? null : Number(m[2]);
  return last !== null && last < first ? undefined : { first, last };
}

export const orgGroupLabel = (g: OrgGroup): string => `${g.first}-${g.last ?? ''}`;

/** The condition restricting `column` (an org_id) to the group; undefined for no group, so the caller adds nothing. */
export function inOrgGroup(group: OrgGroup | undefined, column: string): RawBuilder<SqlBool> | undefined {
  if (!group) return undefined;
  return group.last === null ? sql<SqlBool>`${sql.ref(column)} >= ${group.first}` : sql<SqlBool>`${sql.ref(column)} between ${group.first} and ${group.last}`;
}
