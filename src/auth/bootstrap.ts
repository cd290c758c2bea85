import { sql } from 'kysely';
import type { Database } from '../db/create-db.js';
import type { Clock } from '../shared/clock.js';
import { createApiKey, type CreatedKey } from './api-keys.repository.js';
import { countOrgs, createOrgIn, type Org } from './orgs.repository.js';

/**
 * First start: when no organisation exists yet, create organisation "Default" and an admin key.
 * Runs in one transaction, so two processes starting at once cannot both create it on PostgreSQL
 * (the second sees the first's org after the lock) and a crash leaves nothing half-made.
 */
export async function ensureDefaultOrg(
  database: Database,
  clock: Clock,
): Promise<{ org: Org; key: CreatedKey } | undefined> {
  return database.db.transaction().execute(async (trx) => {
    if (database.caps.advisoryLocks) {
      await sql`select pg_advisory_xact_lock(7166001)`.execute(trx);
    }
    if ((await countOrgs(trx)) > 0) return undefined;
    const now = clock.now().toISOString();
    const org = await createOrgIn(trx, { name: 'Default', now });
    const key = await createApiKey(trx, { orgId: org.org_id, role: 'admin', name: 'bootstrap-admin', now });
    return { org, key };
  });
}
