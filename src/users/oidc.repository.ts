/** Links between a provider's accounts (issuer, subject) and users (migration 0016's oidc_identity). */
import type { DbOrTrx } from '../db/create-db.js';

export async function findOidcIdentity(db: DbOrTrx, issuer: string, subject: string): Promise<{ user_id: number } | undefined> {
  return db.selectFrom('oidc_identity').select('user_id').where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
}

/** Links once: two first sign-ins racing with the same identity both succeed, and the first link stands. True when this call linked it. */
export async function insertOidcIdentity(db: DbOrTrx, i: { issuer: string; subject: string; userId: number; now: string }): Promise<boolean> {
  const res = await db
    .insertInto('oidc_identity')
    .values({ issuer: i.issuer, subject: i.subject, user_id: i.userId, created_at: i.now })
    .onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}
