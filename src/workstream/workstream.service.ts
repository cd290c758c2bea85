/**
 * The workstream's writes. Each function runs inside the caller's transaction and appends its work
 * event(s) on that same transaction, so a change and its event commit together or not at all.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTrx } from '../db/create-db.js';
import { isUniqueViolation } from '../db/errors.js';
import type { CandidateStatus, PursuitStage } from '../db/types.js';
import { appendEvent, appendEvents } from '../outbox/work-events.repository.js';
import { AppError, badRequest, conflict, notFound, preconditionFailed } from '../shared/errors.js';
import { assertExpectedVersion, type ExpectedVersion } from '../shared/expected-version.js';
import {
  getCandidate,
  insertCandidate,
  linkSignals,
  moveCandidateStatus,
  updateCandidate,
  type Candidate,
} from './candidates.repository.js';
import {
  addChecklistItem,
  deleteChecklistItem,
  missingRequiredItems,
  updateChecklistItem,
  type ChecklistItem,
  type ChecklistPatch,
} from './checklist.repository.js';
import { createNextProposal, getProposal, updateDraftProposal, type Proposal, type ProposalFields } from './proposals.repository.js';
import {
  getPursuit,
  insertPursuit,
  movePursuitStage,
  touchPursuit,
  updatePursuit,
  type Pursuit,
  type PursuitPatch,
} from './pursuits.repository.js';
import {
  existingSignalIds,
  getSignal,
  insertSignals,
  updateSignal,
  type Signal,
  type SignalFields,
  type SignalPatch,
} from './signals.repository.js';
import { assertCandidateMove, assertPursuitMove } from './transitions.js';
import { requireActiveMember } from '../users/owner-check.js';
import { activeMemberIds } from '../users/users.repository.js';
import { ownerIdOf, pursuitAssignedEvent } from './pursuit-assigned.js';

/** Who acts, for which org, at which instant (the injected clock's now, as stored). */
export interface Ctx {
  orgId: number;
  actor: string;
  now: string;
}

const event = (ctx: Ctx, eventName: string, itemType: string, itemId: number, payload: Record<string, unknown> = {}) => ({
  orgId: ctx.orgId,
  eventName,
  itemType,
  itemId,
  payload,
  actor: ctx.actor,
  happenedAt: ctx.now,
});

// ------------------------------------------------------------------ signals
export type SignalInput = Omit<SignalFields, 'ts' | 'dedupe_key'> & { ts?: string; dedupe_key?: string };

/**
 * Without a dedupe_key a signal is keyed by its source (`source_type:source_ref`, so the same email
 * posted twice is one signal), or, with no source_ref either, by a fresh random key.
 */
function resolveDedupeKey(s: SignalInput): string {
  if (s.dedupe_key) return s.dedupe_key;
  if (s.source_ref) return `${s.source_type}:${s.source_ref}`;
  return `auto:${randomUUID()}`;
}

export async function createSignals(
  trx: DbOrTrx,
  ctx: Ctx,
  inputs: SignalInput[],
): Promise<{ rows: Signal[]; createdIds: Set<number> }> {
  const fields = inputs.map((s) => ({ ...s, ts: s.ts ?? ctx.now, dedupe_key: resolveDedupeKey(s) }));
  const res = await insertSignals(trx, ctx.orgId, fields, ctx.now);
  // A key repeated within the batch maps several inputs to one new row: one event per row.
  const created = [...new Map(res.rows.filter((r) => res.createdIds.has(r.signal_id)).map((r) => [r.signal_id, r])).values()];
  await appendEvents(
    trx,
    created.map((r) => event(ctx, 'signal.created', 'signal', r.signal_id, { source_type: r.source_type, dedupe_key: r.dedupe_key })),
  );
  return res;
}

/**
 * The error for a conditional write (If-Match / expected_version) that matched no row: 412 naming
 * the version the item is at, or 404 when it is gone. Nothing was written either way.
 */
async function staleOrGone(read: () => Promise<{ version: number } | undefined>, what: string): Promise<AppError> {
  const now = await read();
  return now ? preconditionFailed(what, now.version) : notFound(what);
}

export async function patchSignal(trx: DbOrTrx, ctx: Ctx, signalId: number, patch: SignalPatch, expected?: ExpectedVersion): Promise<Signal> {
  const row = await updateSignal(trx, ctx.orgId, signalId, patch, ctx.now, expected);
  if (!row) throw await staleOrGone(() => getSignal(trx, ctx.orgId, signalId), `Signal ${signalId}`);
  await appendEvent(trx, event(ctx, 'signal.updated', 'signal', signalId, { changes: patch }));
  return row;
}

// ------------------------------------------------------------------ candidates
async function assertSignalsExist(trx: DbOrTrx, orgId: number, ids: number[]): Promise<void> {
  const found = await existingSignalIds(trx, orgId, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw badRequest(`Unknown signal_ids: ${missing.join(', ')}`, { fields: [{ field: 'signal_ids', message: 'not found' }], missing });
  }
}

export async function createCandidate(
  trx: DbOrTrx,
  ctx: Ctx,
  input: { title: string; owner_user_id?: string | null; signal_ids?: number[] },
): Promise<Candidate> {
  const signalIds = [...new Set(input.signal_ids ?? [])];
  await assertSignalsExist(trx, ctx.orgId, signalIds);
  const row = await insertCandidate(trx, { orgId: ctx.orgId, title: input.title, ownerUserId: input.owner_user_id ?? null, now: ctx.now });
  await linkSignals(trx, ctx.orgId, row.candidate_id, signalIds, ctx.now);
  await appendEvent(trx, event(ctx, 'candidate.created', 'candidate', row.candidate_id, { title: row.title, signal_ids: signalIds }));
  return row;
}

export async function patchCandidate(
  trx: DbOrTrx,
  ctx: Ctx,
  candidateId: number,
  patch: { title?: string; owner_user_id?: string | null; signal_ids?: number[] },
  expected?: ExpectedVersion,
): Promise<Candidate> {
  const { signal_ids, ...fields } = patch;
  const linkIds = [...new Set(signal_ids ?? [])];
  const row = await updateCandidate(trx, ctx.orgId, candidateId, fields, ctx.now, expected);
  if (!row) throw await staleOrGone(() => getCandidate(trx, ctx.orgId, candidateId), `Candidate ${candidateId}`);
  await assertSignalsExist(trx, ctx.orgId, linkIds);
  await linkSignals(trx, ctx.orgId, candidateId, linkIds, ctx.now);
  await appendEvent(trx, event(ctx, 'candidate.updated', 'candidate', candidateId, { changes: patch }));
  return row;
}

/**
 * Moves a candidate along CANDIDATE_TX. The update is conditional on the status it was read in, so
 * of concurrent movers exactly one wins and the others get 409 (or 422 once the new status makes
 * their move illegal). Promoting creates the pursuit (stage qual) in the same transaction.
 */
export async function transitionCandidate(
  trx: DbOrTrx,
  ctx: Ctx,
  candidateId: number,
  to: CandidateStatus,
  reason?: string,
  expected?: ExpectedVersion,
): Promise<{ candidate: Candidate; pursuit?: Pursuit }> {
  const current = await getCandidate(trx, ctx.orgId, candidateId);
  if (!current) throw notFound(`Candidate ${candidateId}`);
  assertExpectedVersion(`Candidate ${candidateId}`, current.version, expected);
  const from = current.status;
  assertCandidateMove(from, to);
  const moved = await moveCandidateStatus(trx, { orgId: ctx.orgId, candidateId, from, to, now: ctx.now, expected });
  if (!moved) {
    // Lost the race: 412 when the caller named a version (it has moved on), else 409 as before.
    if (expected !== undefined) throw await staleOrGone(() => getCandidate(trx, ctx.orgId, candidateId), `Candidate ${candidateId}`);
    throw conflict(`Candidate ${candidateId} changed while moving it from ${from}; read it again`, { expected: from });
  }
  let pursuit: Pursuit | undefined;
  let assigned: number | null = null;
  if (to === 'promoted') {
    // The pursuit's owner is a user: the candidate's owner when it names an active member, else nobody.
    const candidateOwner = ownerIdOf(current.owner_user_id);
    if (candidateOwner !== null && (await activeMemberIds(trx, ctx.orgId, [candidateOwner])).has(candidateOwner)) assigned = candidateOwner;
    pursuit = await insertPursuit(trx, {
      orgId: ctx.orgId,
      candidateId,
      title: current.title,
      ownerUserId: assigned === null ? null : String(assigned),
      now: ctx.now,
    });
  }
  await appendEvent(
    trx,
    event(ctx, `candidate.${to}`, 'candidate', candidateId, {
      from,
      to,
      ...(reason !== undefined ? { reason } : {}),
      ...(pursuit ? { pursuit_id: pursuit.pursuit_id } : {}),
    }),
  );
  if (pursuit && assigned !== null) {
    await appendEvent(
      trx,
      pursuitAssignedEvent({ orgId: ctx.orgId, pursuitId: pursuit.pursuit_id, title: pursuit.title, ownerUserId: assigned, previousOwnerUserId: null, via: 'manual', actor: ctx.actor, at: ctx.now }),
    );
  }
  return { candidate: moved, pursuit };
}

// ------------------------------------------------------------------ pursuits
/** Changes a pursuit's fields; a new owner must be an active member of the org (else 400 not_a_member, nothing written). */
export async function patchPursuit(trx: DbOrTrx, ctx: Ctx, pursuitId: number, patch: PursuitPatch, expected?: ExpectedVersion): Promise<Pursuit> {
  const newOwner = patch.owner_user_id == null ? null : Number(patch.owner_user_id);
  const before = await getPursuit(trx, ctx.orgId, pursuitId);
  if (!before) throw notFound(`Pursuit ${pursuitId}`);
  assertExpectedVersion(`Pursuit ${pursuitId}`, before.version, expected);
  if (newOwner !== null && patch.owner_user_id !== before.owner_user_id) await requireActiveMember(trx, ctx.orgId, newOwner, 'owner_user_id');
  const row = await updatePursuit(trx, ctx.orgId, pursuitId, patch, ctx.now, expected);
  if (!row) throw await staleOrGone(() => getPursuit(trx, ctx.orgId, pursuitId), `Pursuit ${pursuitId}`);
  await appendEvent(trx, event(ctx, 'pursuit.updated', 'pursuit', pursuitId, { changes: patch }));
  if (newOwner !== null && patch.owner_user_id !== before.owner_user_id) {
    await appendEvent(
      trx,
      pursuitAssignedEvent({
        orgId: ctx.orgId,
        pursuitId,
        title: row.title,
        ownerUserId: newOwner,
        previousOwnerUserId: ownerIdOf(before.owner_user_id),
        via: 'manual',
        actor: ctx.actor,
        at: ctx.now,
      }),
    );
  }
  return row;
}

/**
 * Moves a pursuit along PURSUIT_TX: `lost` needs a reason; `submit` needs every required checklist
 * item done. The stage update comes first: it takes the pursuit's row lock, and checklist edits
 * take the same lock (touchPursuit) before they change items, so the checklist read afterwards is
 * the one the submit commits with.
 */
export async function transitionPursuit(
  trx: DbOrTrx,
  ctx: Ctx,
  pursuitId: number,
  to: PursuitStage,
  reason?: string,
  expected?: ExpectedVersion,
): Promise<Pursuit> {
  const current = await getPursuit(trx, ctx.orgId, pursuitId);
  if (!current) throw notFound(`Pursuit ${pursuitId}`);
  assertExpectedVersion(`Pursuit ${pursuitId}`, current.version, expected);
  const from = current.pursuit_stage;
  assertPursuitMove(from, to);
  if (to === 'lost' && !reason) {
    throw badRequest('Moving a pursuit to lost needs a reason', { fields: [{ field: 'reason', message: 'required for lost' }] });
  }
  const moved = await movePursuitStage(trx, {
    orgId: ctx.orgId,
    pursuitId,
    from,
    to,
    now: ctx.now,
    ...(to === 'lost' ? { lostReason: reason! } : {}),
    expected,
  });
  if (!moved) {
    if (expected !== undefined) throw await staleOrGone(() => getPursuit(trx, ctx.orgId, pursuitId), `Pursuit ${pursuitId}`);
    throw conflict(`Pursuit ${pursuitId} changed while moving it from ${from}; read it again`, { expected: from });
  }
  if (to === 'submit') {
    const missing = await missingRequiredItems(trx, ctx.orgId, pursuitId);
    if (missing.length > 0) {
      throw new AppError(
        'checklist_incomplete',
        `Cannot submit: ${missing.length} required checklist item(s) not done: ${missing.join(', ')}`,
        { missing },
      );
    }
  }
  await appendEvent(
    trx,
    event(ctx, `pursuit.${to}`, 'pursuit', pursuitId, { from, to, ...(reason !== undefined ? { reason } : {}) }),
  );
  return moved;
}

// ------------------------------------------------------------------ checklist
async function lockPursuit(trx: DbOrTrx, ctx: Ctx, pursuitId: number): Promise<void> {
  if (!(await touchPursuit(trx, ctx.orgId, pursuitId, ctx.now))) throw notFound(`Pursuit ${pursuitId}`);
}

const checklistEvent = (ctx: Ctx, action: 'added' | 'updated' | 'deleted', item: ChecklistItem) =>
  event(ctx, 'checklist.updated', 'pursuit', item.pursuit_id, {
    action,
    item_id: item.item_id,
    name: item.name,
    is_required: item.is_required,
    is_done: item.is_done,
  });

function duplicateName(name: string): AppError {
  return conflict(`This pursuit already has a checklist item named "${name}"`, { fields: [{ field: 'name', message: 'already exists' }] });
}

export async function addChecklist(
  trx: DbOrTrx,
  ctx: Ctx,
  pursuitId: number,
  input: { name: string; is_required?: boolean },
): Promise<ChecklistItem> {
  await lockPursuit(trx, ctx, pursuitId);
  let item: ChecklistItem;
  try {
    item = await addChecklistItem(trx, { orgId: ctx.orgId, pursuitId, name: input.name, isRequired: input.is_required ?? true, now: ctx.now });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName(input.name);
    throw err;
  }
  await appendEvent(trx, checklistEvent(ctx, 'added', item));
  return item;
}

export async function patchChecklist(
  trx: DbOrTrx,
  ctx: Ctx,
  pursuitId: number,
  itemId: number,
  patch: ChecklistPatch,
): Promise<ChecklistItem> {
  await lockPursuit(trx, ctx, pursuitId);
  let item: ChecklistItem | undefined;
  try {
    item = await updateChecklistItem(trx, { orgId: ctx.orgId, pursuitId, itemId, patch, actor: ctx.actor, now: ctx.now });
  } catch (err) {
    if (isUniqueViolation(err) && patch.name !== undefined) throw duplicateName(patch.name);
    throw err;
  }
  if (!item) throw notFound(`Checklist item ${itemId}`);
  await appendEvent(trx, checklistEvent(ctx, 'updated', item));
  return item;
}

export async function removeChecklist(trx: DbOrTrx, ctx: Ctx, pursuitId: number, itemId: number): Promise<ChecklistItem> {
  await lockPursuit(trx, ctx, pursuitId);
  const item = await deleteChecklistItem(trx, ctx.orgId, pursuitId, itemId);
  if (!item) throw notFound(`Checklist item ${itemId}`);
  await appendEvent(trx, checklistEvent(ctx, 'deleted', item));
  return item;
}

// ------------------------------------------------------------------ proposals
export async function createProposal(trx: DbOrTrx, ctx: Ctx, pursuitId: number, fields: ProposalFields): Promise<Proposal> {
  await lockPursuit(trx, ctx, pursuitId);
  return createNextProposal(trx, { orgId: ctx.orgId, pursuitId, fields, actor: ctx.actor, now: ctx.now });
}

/**
 * Edits a draft (recipient, subject, document link, body), e.g. to give a proposal whose mail was
 * dead-lettered for want of a recipient one before the dead letter is retried. A proposal already
 * sent or answered is what the customer saw: it stays as it was (409; a new version is the way to
 * change it).
 */
export async function patchProposal(trx: DbOrTrx, ctx: Ctx, proposalId: number, patch: ProposalFields, expected?: ExpectedVersion): Promise<Proposal> {
  const row = await updateDraftProposal(trx, ctx.orgId, proposalId, patch, ctx.now, expected);
  if (!row) {
    const current = await getProposal(trx, ctx.orgId, proposalId);
    if (!current) throw notFound(`Proposal ${proposalId}`);
    // A stale editor hears that first: what it read is no longer what is stored.
    assertExpectedVersion(`Proposal ${proposalId}`, current.row_version, expected);
    throw conflict(`Proposal ${proposalId} is ${current.status}: only a draft can be changed; create a new version with POST /api/workstream/pursuits/${current.pursuit_id}/proposals`, {
      status: current.status,
      pursuit_id: current.pursuit_id,
    });
  }
  await appendEvent(
    trx,
    event(ctx, 'proposal.updated', 'proposal', proposalId, {
      proposal_id: proposalId,
      pursuit_id: row.pursuit_id,
      version: row.version,
      // The names, not the values: a body may be 200 kB; the row has them.
      changed: Object.keys(patch),
      recipient_email: row.recipient_email,
    }),
  );
  return row;
}
