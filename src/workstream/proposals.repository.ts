import type { DbOrTrx } from '../db/create-db.js';
import type { ProposalStatus, Row } from '../db/types.js';
import { appendEvent } from '../outbox/work-events.repository.js';
import { versionIn } from '../db/versions.js';
import type { ExpectedVersion } from '../shared/expected-version.js';

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

export async function getProposal(db: DbOrTrx, orgId: number, proposalId: number): Promise<Proposal | undefined> {
  return db.selectFrom('proposal').selectAll().where('org_id', '=', orgId).where('proposal_id', '=', proposalId).executeTakeFirst();
}

/**
 * Changes a proposal's fields while it is still a draft; undefined when it is not a draft (or does
 * not exist). One conditional statement, so it cannot interleave with the proposal mail marking
 * the same row sent: either the edit lands on the draft, or the proposal is already sent.
 */
export async function updateDraftProposal(
  db: DbOrTrx,
  orgId: number,
  proposalId: number,
  fields: ProposalFields,
  now: string,
  expected?: ExpectedVersion,
): Promise<Proposal | undefined> {
  return db
    .updateTable('proposal')
    .set({ ...fields, updated_at: now })
    .where('org_id', '=', orgId)
    .where('proposal_id', '=', proposalId)
    .where('status', '=', 'draft')
    .$if(expected !== undefined, (q) => q.where(versionIn('row_version', expected!)))
    .returningAll()
    .executeTakeFirst();
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

/**
 * One version of a pursuit's proposal, by default a draft; undefined when that version exists. The
 * demo seed inserts proposals already sent, accepted or rejected.
 */
export async function insertProposal(
  db: DbOrTrx,
  p: { orgId: number; pursuitId: number; version: number; fields: ProposalFields; now: string; status?: ProposalStatus; sentAt?: string | null },
): Promise<Proposal | undefined> {
  return db
    .insertInto('proposal')
    .values({
      org_id: p.orgId,
      pursuit_id: p.pursuitId,
      version: p.version,
      status: p.status ?? 'draft',
      sent_at: p.sentAt ?? null,
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
    payload: { proposal_id: p.proposal_id, pursuit_id: p.pursuit_id, version: p.version },
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

export interface FirstProposal {
  proposalId: number;
  created: boolean;
}

/**
 * Idempotent "proposal v1 exists" for the outbox handler of `candidate.promoted`: when the pursuit
 * has no version 1 yet, creates a draft v1 (subject and body from the pursuit's title) and its
 * `proposal.created` event in the caller's transaction. INSERT … ON CONFLICT DO NOTHING on the
 * unique (org_id, pursuit_id, version) makes concurrent runs (a retried handler, two workers, a
 * user's POST /proposals) create one row; only the run that inserted it appends the event.
 * Undefined when the pursuit does not exist in the org.
 */
export async function ensureFirstProposal(
  trx: DbOrTrx,
  orgId: number,
  pursuitId: number,
  now: string,
  actor: string | null = 'outbox',
): Promise<FirstProposal | undefined> {
  const pursuit = await trx
    .selectFrom('pursuit as p')
    .innerJoin('candidate as c', (j) => j.onRef('c.org_id', '=', 'p.org_id').onRef('c.candidate_id', '=', 'p.candidate_id'))
    .select(['p.pursuit_id', 'p.title', 'c.title as candidate_title'])
    .where('p.org_id', '=', orgId)
    .where('p.pursuit_id', '=', pursuitId)
    .executeTakeFirst();
  if (!pursuit) return undefined;
  const title = pursuit.title ?? pursuit.candidate_title;
  const row = await insertProposal(trx, {
    orgId,
    pursuitId,
    version: 1,
    fields: { subject: `Proposal: ${title}`, body: `Hello,\n\nPlease find below our proposal for "${title}".\n\nBest regards` },
    now,
  });
  if (row) {
    await appendEvent(trx, proposalCreatedEvent(row, actor));
    return { proposalId: row.proposal_id, created: true };
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
