import { sql, type SqlBool } from 'kysely';

/**
 * `<column> in (…expected)`, the condition an optimistic write adds to its UPDATE/DELETE so the
 * check and the write are one statement (no read-then-write race); always false for an empty list.
 */
export function versionIn(column: string, expected: readonly number[]) {
  if (expected.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(expected.map((v) => sql`${v}`))})`;
}
