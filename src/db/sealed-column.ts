/**
 * A column of sealed secrets (src/shared/secret-box.ts) as the rotation and the start-up checks see
 * it, for any table keyed by (org_id, <id>) with `secret` and `secret_key_id` columns. The owner of
 * the table names it and says where its values live (the context each one is sealed for).
 */
import { sql } from 'kysely';
import type { StoredSecretColumn } from '../shared/secret-box.js';
import type { DbOrTrx } from './create-db.js';

export function sealedSecretColumn(spec: {
  table: 'webhook_endpoint' | 'mailbox';
  id: 'webhook_id' | 'mailbox_id';
  context: (orgId: number, id: number) => string;
}): StoredSecretColumn<DbOrTrx> {
  // The two tables share these columns; Kysely cannot type a table chosen at run time.
  const { table, id } = spec;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = (d: DbOrTrx) => d as any;
  return {
    name: `${table}.secret`,

    async countByKeyId(d) {
      const rows: Array<{ secret_key_id: string | null; n: number }> = await db(d)
        .selectFrom(table)
        .select((eb: any) => ['secret_key_id', eb.fn.countAll().as('n')])
        .groupBy('secret_key_id')
        .execute();
      return rows.map((r) => ({ keyId: r.secret_key_id, count: Number(r.n) }));
    },

    async batchNotUnder(d, keyId, limit, after) {
      const rows: Array<{ org_id: number; ref: number; secret: string; secret_key_id: string | null }> = await db(d)
        .selectFrom(table)
        .select(['org_id', `${id} as ref`, 'secret', 'secret_key_id'])
        .where((eb: any) => (keyId === null ? eb('secret_key_id', 'is', null) : eb.or([eb('secret_key_id', 'is', null), eb('secret_key_id', '!=', keyId)])))
        .where(id, '>', after)
        .orderBy(id)
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ref: Number(r.ref), context: spec.context(r.org_id, Number(r.ref)), stored: r.secret, keyId: r.secret_key_id }));
    },

    async replace(d, values) {
      if (values.length === 0) return 0;
      // One statement per batch: each row's new value and the value it must still hold, by id.
      const byId = (pick: (v: (typeof values)[number]) => string) =>
        sql<string>`case ${sql.ref(id)} ${sql.join(
          values.map((v) => sql`when ${v.ref} then ${pick(v)}`),
          sql` `,
        )} end`;
      const res = await db(d)
        .updateTable(table)
        .set({ secret: byId((v) => v.stored), secret_key_id: byId((v) => v.keyId) })
        .where(
          id,
          'in',
          values.map((v) => v.ref),
        )
        .where('secret', '=', byId((v) => v.expected))
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
  };
}
