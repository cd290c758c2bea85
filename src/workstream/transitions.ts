/**
 * The pipeline's state machines, exactly as the seeds fix them (CANDIDATE_TX, PURSUIT_TX). Pure: no
 * database, no clock, so the rules are unit-tested on their own and every caller asks the same map.
 */
import type { CandidateStatus, PursuitStage } from '../db/types.js';
import { invalidTransition } from '../shared/errors.js';

export const CANDIDATE_STATUSES = ['new', 'triaged', 'nurture', 'on_hold', 'promoted', 'archived'] as const satisfies readonly CandidateStatus[];
export const PURSUIT_STAGES = ['qual', 'pink', 'red', 'submit', 'won', 'lost'] as const satisfies readonly PursuitStage[];

export const CANDIDATE_TX: Readonly<Record<CandidateStatus, readonly CandidateStatus[]>> = Object.freeze({
  new: ['triaged'],
  triaged: ['nurture', 'on_hold', 'promoted', 'archived'],
  nurture: ['triaged', 'on_hold', 'archived'],
  on_hold: ['triaged', 'archived'],
  promoted: [],
  archived: [],
});

export const PURSUIT_TX: Readonly<Record<PursuitStage, readonly PursuitStage[]>> = Object.freeze({
  qual: ['pink'],
  pink: ['red', 'qual'],
  red: ['submit', 'pink'],
  submit: ['won', 'lost'],
  won: [],
  lost: [],
});

/** Open items appear on the Today panel (docs/contract.md: `new` candidates are not yet triaged work). */
export const OPEN_CANDIDATE_STATUSES = ['triaged', 'nurture', 'on_hold'] as const satisfies readonly CandidateStatus[];
export const OPEN_PURSUIT_STAGES = ['qual', 'pink', 'red', 'submit'] as const satisfies readonly PursuitStage[];

export function canMoveCandidate(from: CandidateStatus, to: CandidateStatus): boolean {
  // Unknown names (from unchecked input) are simply not allowed, never a TypeError.
  return (CANDIDATE_TX[from] ?? []).includes(to);
}

export function canMovePursuit(from: PursuitStage, to: PursuitStage): boolean {
  return (PURSUIT_TX[from] ?? []).includes(to);
}

/** Throws the 422 `invalid_transition` the API answers with, naming both states. */
export function assertCandidateMove(from: CandidateStatus, to: CandidateStatus): void {
  if (!canMoveCandidate(from, to)) {
    throw invalidTransition(`Invalid candidate status ${from}→${to}`, { from, to, allowed: CANDIDATE_TX[from] });
  }
}

export function assertPursuitMove(from: PursuitStage, to: PursuitStage): void {
  if (!canMovePursuit(from, to)) {
    throw invalidTransition(`Invalid pursuit stage ${from}→${to}`, { from, to, allowed: PURSUIT_TX[from] });
  }
}
