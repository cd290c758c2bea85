import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.js';
import {
  CANDIDATE_STATUSES,
  CANDIDATE_TX,
  PURSUIT_STAGES,
  PURSUIT_TX,
  assertCandidateMove,
  assertPursuitMove,
  canMoveCandidate,
  canMovePursuit,
} from './transitions.js';

describe('candidate transitions', () => {
  it("allows the seed's triaged→promoted", () => expect(canMoveCandidate('triaged', 'promoted')).toBe(true));

  it('allows exactly the seed map', () => {
    const allowed = CANDIDATE_STATUSES.flatMap((f) => CANDIDATE_STATUSES.filter((t) => canMoveCandidate(f, t)).map((t) => `${f}→${t}`));
    expect(allowed.sort()).toEqual(
      [
        'new→triaged',
        'triaged→nurture',
        'triaged→on_hold',
        'triaged→promoted',
        'triaged→archived',
        'nurture→triaged',
        'nurture→on_hold',
        'nurture→archived',
        'on_hold→triaged',
        'on_hold→archived',
      ].sort(),
    );
  });

  it('treats promoted and archived as final and never allows staying put', () => {
    expect(CANDIDATE_TX.promoted).toEqual([]);
    expect(CANDIDATE_TX.archived).toEqual([]);
    for (const s of CANDIDATE_STATUSES) expect(canMoveCandidate(s, s)).toBe(false);
    expect(canMoveCandidate('new', 'promoted')).toBe(false);
  });

  it('throws invalid_transition naming both states', () => {
    expect(() => assertCandidateMove('new', 'archived')).toThrowError('Invalid candidate status new→archived');
    try {
      assertCandidateMove('promoted', 'triaged');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('invalid_transition');
      expect((e as AppError).details).toMatchObject({ from: 'promoted', to: 'triaged', allowed: [] });
    }
    expect(() => assertCandidateMove('new', 'triaged')).not.toThrow();
  });
});

describe('pursuit transitions', () => {
  it('allows exactly the seed map', () => {
    const allowed = PURSUIT_STAGES.flatMap((f) => PURSUIT_STAGES.filter((t) => canMovePursuit(f, t)).map((t) => `${f}→${t}`));
    expect(allowed.sort()).toEqual(
      ['qual→pink', 'pink→red', 'pink→qual', 'red→submit', 'red→pink', 'submit→won', 'submit→lost'].sort(),
    );
    expect(PURSUIT_TX.won).toEqual([]);
    expect(PURSUIT_TX.lost).toEqual([]);
  });

  it("rejects the seed's triaged→won (not a pursuit stage) and skipping stages", () => {
    // The seed's own negative case: a candidate status is never a way into a pursuit outcome.
    expect(canMovePursuit('triaged' as never, 'won')).toBe(false);
    expect(canMoveCandidate('triaged', 'won' as never)).toBe(false);
    expect(() => assertPursuitMove('red', 'won')).toThrowError('Invalid pursuit stage red→won');
    expect(() => assertPursuitMove('qual', 'submit')).toThrowError('Invalid pursuit stage qual→submit');
    expect(() => assertPursuitMove('submit', 'submit')).toThrowError('Invalid pursuit stage submit→submit');
  });
});
