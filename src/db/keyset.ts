/**
 * Keyset ("seek") paging: the rows after a given sort key, as one condition the index that serves
 * the ORDER BY can seek to. Row-value comparison `(k1, k2) > (v1, v2)` is understood by both engines
 * (SQLite ≥ 3.15) and uses the index range on both.
 */
import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';

/**
 * Rows strictly after `after` in the order `keys` (every key in direction `dir`, the last one unique).
 * `firstNullsLast`: the first key may be NULL and NULLs sort last in both directions.
 */
export function keysetAfter(
  keys: readonly Expression<unknown>[],
  dir: 'asc' | 'desc',
  after: readonly unknown[],
  opts: { firstNullsLast?: boolean } = {},
): RawBuilder<SqlBool> {
  const op = sql.raw(dir === 'asc' ? '>' : '<');
  const tuple = (ks: readonly Expression<unknown>[], vs: readonly unknown[]) =>
    sql`(${sql.join(ks)}) ${op} (${sql.join(vs.map((v) => sql`${v}`))})`;
  if (!opts.firstNullsLast) return sql<SqlBool>`${tuple(keys, after)}`;
  const [first, ...rest] = keys;
  // After a NULL first key only NULLs remain, ordered by the rest; after a value, the larger values then every NULL.
  if (after[0] === null) return sql<SqlBool>`(${first!} is null and ${tuple(rest, after.slice(1))})`;
  return sql<SqlBool>`(${tuple(keys, after)} or ${first!} is null)`;
}

/**
 * A page of `qb` in `order` (plain columns, the last unique): after the cursor's key when given,
 * else at the page's offset.
 */
export function seekPage<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  order: { keys: readonly string[]; dir: 'asc' | 'desc' },
  page: { limit: number; offset: number; after?: readonly unknown[] | undefined },
): SelectQueryBuilder<DB, TB, O> {
  let q = qb;
  if (page.after) q = q.where(keysetAfter(order.keys.map((k) => sql.ref(k)), order.dir, page.after));
  for (const k of order.keys) q = q.orderBy(sql.ref(k), order.dir);
  return q.limit(page.limit).offset(page.after ? 0 : page.offset);
}

/**
 * Every row of `qb` in `order`, a page of `batch` rows at a time, each page one statement seeking
 * past the last: constant memory whatever the size (exports), and no row twice or skipped among
 * those that exist throughout.
 */
export async function* seekAll<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  order: { keys: readonly string[]; dir: 'asc' | 'desc' },
  batch = 1_000,
): AsyncGenerator<O[]> {
  let after: unknown[] | undefined;
  for (;;) {
    const rows = await seekPage(qb, order, { limit: batch, offset: 0, after }).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1] as Record<string, unknown>;
    after = order.keys.map((k) => last[k]);
  }
}
