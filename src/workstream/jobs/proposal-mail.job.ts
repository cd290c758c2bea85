/**
 * `pursuit.submit` → the proposal email.
 *
 * A mail server and a database cannot commit together, so the order is what makes it safe:
 * 1. the proposal still `draft`? (already `sent` → done: a retry or a second worker sends nothing);
 * 2. send it with a Message-ID derived from the proposal (org, id, version), so a receiver or
 *    relay can drop a repeat;
 * 3. only after the server accepted it: mark the proposal sent, set sent_at and append
 *    `proposal.sent`, in one transaction (guarded by status = 'draft').
 * A duplicate mail is possible only if the process dies between 2 and 3, and it carries the same
 * Message-ID.
 *
 * Recipient: the proposal's recipient_email; when that is empty, the contact of the candidate's
 * earliest linked signal whose contact_id is an email address (the person who asked). With
 * neither, the failure is permanent: the event is dead-lettered with a reason that names the two
 * calls that fix it (PATCH the proposal's recipient_email, then retry the dead letter).
 */
import type { Config } from '../../config/config.js';
import type { DbOrTrx } from '../../db/create-db.js';
import { transact } from '../../db/transact.js';
import { senderDomain, type Mailer } from '../../mail/mailer.js';
import { PermanentFailure, type OutboxHandler } from '../../outbox/handler.js';
import { appendEvent } from '../../outbox/work-events.repository.js';
import { ensureFirstProposal } from '../proposals.repository.js';
import type { WorkstreamDeps } from '../workstream.deps.js';
import { pursuitIdOf } from './pursuit-of-event.js';

const EMAIL = /^[^\s@<>(),;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export function isEmailAddress(v: string | null | undefined): v is string {
  return typeof v === 'string' && v.length <= 254 && EMAIL.test(v.trim());
}

/** The email address of the person behind the pursuit's candidate (earliest signal first). */
export async function candidateContactEmail(db: DbOrTrx, orgId: number, pursuitId: number): Promise<string | undefined> {
  const rows = await db
    .selectFrom('pursuit')
    .innerJoin('candidate_signal', (j) =>
      j.onRef('candidate_signal.org_id', '=', 'pursuit.org_id').onRef('candidate_signal.candidate_id', '=', 'pursuit.candidate_id'),
    )
    .innerJoin('signal', (j) => j.onRef('signal.org_id', '=', 'candidate_signal.org_id').onRef('signal.signal_id', '=', 'candidate_signal.signal_id'))
    .select('signal.contact_id')
    .where('pursuit.org_id', '=', orgId)
    .where('pursuit.pursuit_id', '=', pursuitId)
    .where('signal.contact_id', 'like', '%@%')
    .orderBy('signal.ts')
    .orderBy('signal.signal_id')
    .limit(20)
    .execute();
  return rows.map((r) => r.contact_id?.trim()).find(isEmailAddress);
}

export function proposalMessageId(p: { org_id: number; proposal_id: number; version: number }, mailFrom: string): string {
  return `<proposal-${p.org_id}-${p.proposal_id}-v${p.version}@${senderDomain(mailFrom)}>`;
}

export function proposalMailJob(deps: Pick<WorkstreamDeps, 'database' | 'clock' | 'commitFeed'> & { config: Pick<Config, 'mailFrom'> }, mailer: Mailer): OutboxHandler {
  const db = deps.database.db;
  return async (e) => {
    const pursuitId = await pursuitIdOf(db, e);
    // Submit may be handled before the promotion's handler drafted v1: draft it here (idempotent).
    const first = await transact(deps, (trx) => ensureFirstProposal(trx, e.org_id, pursuitId, deps.clock.now().toISOString()));
    if (!first) throw new PermanentFailure(`Pursuit ${pursuitId} not found in org ${e.org_id}`);

    const proposal = await db
      .selectFrom('proposal')
      .innerJoin('pursuit', (j) => j.onRef('pursuit.org_id', '=', 'proposal.org_id').onRef('pursuit.pursuit_id', '=', 'proposal.pursuit_id'))
      .innerJoin('candidate', (j) => j.onRef('candidate.org_id', '=', 'pursuit.org_id').onRef('candidate.candidate_id', '=', 'pursuit.candidate_id'))
      .select([
        'proposal.proposal_id',
        'proposal.org_id',
        'proposal.version',
        'proposal.status',
        'proposal.recipient_email',
        'proposal.subject',
        'proposal.body',
        'proposal.doc_url',
        'pursuit.title',
        'candidate.title as candidate_title',
      ])
      .where('proposal.org_id', '=', e.org_id)
      .where('proposal.pursuit_id', '=', pursuitId)
      .orderBy('proposal.version', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    if (proposal.status !== 'draft') return; // already sent (or answered): nothing to do

    const to = isEmailAddress(proposal.recipient_email)
      ? proposal.recipient_email.trim()
      : await candidateContactEmail(db, e.org_id, pursuitId);
    if (!to) {
      throw new PermanentFailure(
        `Proposal ${proposal.proposal_id} has no recipient: set one with PATCH /api/workstream/proposals/${proposal.proposal_id} {"recipient_email": "…"} ` +
          `(or link a signal whose contact_id is an email address to the candidate), then retry with POST /api/outbox/dead-letters/${e.work_event_id}/retry`,
      );
    }
    const title = proposal.title ?? proposal.candidate_title;
    const messageId = proposalMessageId(proposal, deps.config.mailFrom);
    const text = [proposal.body ?? `Please find our proposal for "${title}".`, proposal.doc_url ? `\nThe proposal document: ${proposal.doc_url}` : '']
      .join('\n')
      .trimEnd();
    const sent = await mailer.send({
      from: deps.config.mailFrom,
      to,
      subject: proposal.subject ?? `Proposal: ${title} (v${proposal.version})`,
      text: `${text}\n`,
      messageId,
      headers: { 'X-FlowLedger-Proposal-Id': String(proposal.proposal_id), 'X-FlowLedger-Proposal-Version': String(proposal.version) },
    });
    if (sent.accepted.length === 0 || sent.rejected.length > 0) {
      throw new PermanentFailure(`The mail server refused ${to} for proposal ${proposal.proposal_id}: ${sent.response}`);
    }

    const now = deps.clock.now().toISOString();
    await transact(deps, async (trx) => {
      const res = await trx
        .updateTable('proposal')
        .set({ status: 'sent', sent_at: now, message_id: messageId, recipient_email: to, updated_at: now })
        .where('org_id', '=', e.org_id)
        .where('proposal_id', '=', proposal.proposal_id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return; // another worker recorded it first
      await appendEvent(trx, {
        orgId: e.org_id,
        eventName: 'proposal.sent',
        itemType: 'proposal',
        itemId: proposal.proposal_id,
        payload: { proposal_id: proposal.proposal_id, pursuit_id: pursuitId, version: proposal.version, recipient_email: to, message_id: messageId, sent_at: now },
        actor: 'outbox',
        happenedAt: now,
      });
    });
  };
}
