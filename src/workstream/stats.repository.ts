import type { DbOrTrx } from '../db/create-db.js';

export interface Counts {
  total: number;
  recent: number;
}

export interface WorkstreamStats {
  signals: Counts;
  candidates: Counts;
  pursuits: Counts;
}

export const RECENT_DAYS = 7;

/**
 * Totals and "created in the last 7 days" for the three tables in one statement of six index-only
 * counts (each table has an (org_id, created_at) index).
 */
export async function workstreamStats(db: DbOrTrx, orgId: number, now: Date): Promise<WorkstreamStats> {
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const r = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('signal').select(eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).as('signals_total'),
      eb
        .selectFrom('signal')
        .select(eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .where('created_at', '>=', since)
        .as('signals_recent'),
      eb.selectFrom('candidate').select(eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).as('candidates_total'),
      eb
        .selectFrom('candidate')
        .select(eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .where('created_at', '>=', since)
        .as('candidates_recent'),
      eb.selectFrom('pursuit').select(eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).as('pursuits_total'),
      eb
        .selectFrom('pursuit')
        .select(eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .where('created_at', '>=', since)
        .as('pursuits_recent'),
    ])
    .executeTakeFirstOrThrow();
  return {
    signals: { total: Number(r.signals_total), recent: Number(r.signals_recent) },
    candidates: { total: Number(r.candidates_total), recent: Number(r.candidates_recent) },
    pursuits: { total: Number(r.pursuits_total), recent: Number(r.pursuits_recent) },
  };
}
