/**
 * Proposal v1 for a pursuit, created at most once. Placeholder for the workstream module's
 * `ensureFirstProposal` (src/workstream/proposals.repository.ts, another branch): same signature
 * and the same rule, so swapping it in is a one-line import change.
 */
import type { DbOrTrx } from '../../db/create-db.js';
import { appendEvent } from '../work-events.repository.js';

export interface FirstProposal {
  proposalId: number;
  created: boolean;
}

/**
 * INSERT … ON CONFLICT DO NOTHING on the unique (org_id, pursuit_id, version): two concurrent
 * runs (a retried handler, two workers) create one row, and only the run that inserted it appends
 * `proposal.created`, in the caller's transaction.
 */
export async function ensureFirstProposal(trx: DbOrTrx, orgId: number, pursuitId: number, now: string): Promise<FirstProposal | undefined> {
  const pursuit = await trx
    .selectFrom('pursuit')
    .innerJoin('candidate', (j) => j.onRef('candidate.org_id', '=', 'pursuit.org_id').onRef('candidate.candidate_id', '=', 'pursuit.candidate_id'))
    .select(['pursuit.pursuit_id', 'pursuit.title', 'candidate.title as candidate_title'])
    .where('pursuit.org_id', '=', orgId)
    .where('pursuit.pursuit_id', '=', pursuitId)
    .executeTakeFirst();
  if (!pursuit) return undefined;
  const title = pursuit.title ?? pursuit.candidate_title;
  const inserted = await trx
    .insertInto('proposal')
    .values({
      org_id: orgId,
      pursuit_id: pursuitId,
      version: 1,
      status: 'draft',
      subject: `Proposal: ${title}`,
      body: `Hello,\n\nPlease find below our proposal for "${title}".\n\nBest regards`,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['org_id', 'pursuit_id', 'version']).doNothing())
    .returning('proposal_id')
    .executeTakeFirst();
  if (inserted) {
    await appendEvent(trx, {
      orgId,
      eventName: 'proposal.created',
      itemType: 'proposal',
      itemId: inserted.proposal_id,
      payload: { proposal_id: inserted.proposal_id, pursuit_id: pursuitId, version: 1 },
      actor: 'outbox',
      happenedAt: now,
    });
    return { proposalId: inserted.proposal_id, created: true };
  }
  const existing = await trx
    .selectFrom('proposal')
    .select('proposal_id')
    .where('org_id', '=', orgId)
    .where('pursuit_id', '=', pursuitId)
    .where('version', '=', 1)
    .executeTakeFirstOrThrow();
  return { proposalId: existing.proposal_id, created: false };
}
