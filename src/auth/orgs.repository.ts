import type { Db, DbOrTrx, Trx } from '../db/create-db.js';
import { seedDefaultTaskRules } from '../sla/rules.repository.js';

export interface Org {
  org_id: number;
  name: string;
  currency: string;
  high_value_threshold: number;
  created_at: string;
}

/** Creates an org with its default SLA rules (task windows by priority), in one transaction. */
export async function createOrg(db: Db, input: { name: string; now: string; currency?: string }): Promise<Org> {
  return db.transaction().execute((trx) => createOrgIn(trx, input));
}

/** The same, inside a caller's transaction. */
export async function createOrgIn(trx: Trx, input: { name: string; now: string; currency?: string }): Promise<Org> {
  const org = await trx
    .insertInto('org')
    .values({ name: input.name, currency: input.currency ?? 'USD', created_at: input.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await seedDefaultTaskRules(trx, org.org_id, input.now);
  return org;
}

export async function getOrg(db: DbOrTrx, orgId: number): Promise<Org | undefined> {
  return db.selectFrom('org').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function countOrgs(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('org')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
