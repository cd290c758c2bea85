import type { DbOrTrx } from '../db/create-db.js';

export interface Org {
  org_id: number;
  name: string;
  currency: string;
  high_value_threshold: number;
  created_at: string;
}

export async function createOrg(db: DbOrTrx, input: { name: string; now: string; currency?: string }): Promise<Org> {
  return db
    .insertInto('org')
    .values({ name: input.name, currency: input.currency ?? 'USD', created_at: input.now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getOrg(db: DbOrTrx, orgId: number): Promise<Org | undefined> {
  return db.selectFrom('org').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function listOrgs(db: DbOrTrx): Promise<Org[]> {
  return db.selectFrom('org').selectAll().orderBy('org_id').execute();
}

export async function countOrgs(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('org')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
