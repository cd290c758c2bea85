import type { DbOrTrx } from '../db/create-db.js';
import type { Row } from '../db/types.js';
import { appendEvent } from '../outbox/work-events.repository.js';

export type Proposal = Row<'proposal'>;

export interface ProposalFields {
  recipient_email?: string | null;
  subject?: string | null;
  doc_url?: string | null;
  body?: string | null;
}

export async function listProposals(db: DbOrTrx, orgId: number, pursuitId: number): Promise<Proposal[]> {
  return db
    .selectFrom('proposal')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('pursuit_id', '=', pursuitId)
    .orderBy('version', 'desc')
    .execute();
}

/** The version a new proposal of this pursuit gets: one past the highest so far (1 for the first). */
export async function nextProposalVersion(db: DbOrTrx, orgId: number, pursuitId: number): Promise<number> {
  const r = await db
    .selectFrom('proposal')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('org_id', '=', orgId)
    .where('pursuit_id', '=', pursuitId)
    .executeTakeFirst();
  return Number(r?.v ?? 0) + 1;
}

async function insertProposal(
  db: DbOrTrx,
  p: { orgId: number; pursuitId: number; version: number; fields: ProposalFields; now: string },
): Promise<Proposal | undefined> {
  return db
    .insertInto('proposal')
    .values({
      org_id: p.orgId,
      pursuit_id: p.pursuitId,
      version: p.version,
      status: 'draft',
      recipient_email: p.fields.recipient_email ?? null,
      subject: p.fields.subject ?? null,
      doc_url: p.fields.doc_url ?? null,
      body: p.fields.body ?? null,
      created_at: p.now,
      updated_at: p.now,
    })
    .onConflict((oc) => oc.columns(['org_id', 'pursuit_id', 'version']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

function proposalCreatedEvent(p: Proposal, actor: string | null) {
  return {
    orgId: p.org_id,
    eventName: 'proposal.created',
    itemType: 'proposal',
    itemId: p.proposal_id,
    payload: { pursuit_id: p.pursuit_id, version: p.version },
    actor,
    happenedAt: p.created_at,
  };
}

/**
 * Creates the next draft version and its `proposal.created` event. The caller must already hold the
 * pursuit's row lock (touchPursuit in the same transaction), so two concurrent creations get
 * consecutive versions instead of a clash.
 */
export async function createNextProposal(
  trx: DbOrTrx,
  p: { orgId: number; pursuitId: number; fields: ProposalFields; actor: string; now: string },
): Promise<Proposal> {
  const version = await nextProposalVersion(trx, p.orgId, p.pursuitId);
  const row = await insertProposal(trx, { ...p, version });
  // Unreachable while the pursuit lock is held; kept as a loud failure rather than a silent skip.
  if (!row) throw new Error(`proposal version ${version} of pursuit ${p.pursuitId} already exists`);
  await appendEvent(trx, proposalCreatedEvent(row, p.actor));
  return row;
}

/**
 * Idempotent "proposal v1 exists" for the outbox handler of `candidate.promoted`: creates a draft v1
 * (and its `proposal.created` event) when the pursuit has no proposal yet; otherwise, or when a
 * concurrent writer wins the unique (org_id, pursuit_id, version) race, creates nothing.
 */
export async function ensureFirstProposal(
  trx: DbOrTrx,
  orgId: number,
  pursuitId: number,
  now: string,
  actor: string | null = null,
): Promise<{ created: boolean; proposal: Proposal | undefined }> {
  const existing = await trx
    .selectFrom('proposal')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('pursuit_id', '=', pursuitId)
    .orderBy('version')
    .limit(1)
    .executeTakeFirst();
  if (existing) return { created: false, proposal: existing };
  const row = await insertProposal(trx, { orgId, pursuitId, version: 1, fields: {}, now });
  if (!row) {
    const winner = await trx
      .selectFrom('proposal')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('pursuit_id', '=', pursuitId)
      .where('version', '=', 1)
      .executeTakeFirst();
    return { created: false, proposal: winner };
  }
  await appendEvent(trx, proposalCreatedEvent(row, actor));
  return { created: true, proposal: row };
}
