import { describe, expect, it } from 'vitest';
import { defaultTaskSlaHours, deriveSlaStatus } from './task-sla.js';

const at = (s: string) => new Date(s);

describe('defaultTaskSlaHours', () => {
  it('gives 4/8/24/48 hours by priority', () => {
    expect(defaultTaskSlaHours('CRITICAL')).toBe(4);
    expect(defaultTaskSlaHours('HIGH')).toBe(8);
    expect(defaultTaskSlaHours('MEDIUM')).toBe(24);
    expect(defaultTaskSlaHours('NORMAL')).toBe(48);
  });
});

describe('deriveSlaStatus', () => {
  const createdAt = at('2026-01-01T00:00:00.000Z');
  const deadline = at('2026-01-01T04:00:00.000Z'); // 4 h window; 75% = 3 h

  it('is ok before 75% of the window is used', () => {
    expect(deriveSlaStatus({ createdAt, deadline, now: createdAt })).toBe('ok');
    expect(deriveSlaStatus({ createdAt, deadline, now: at('2026-01-01T02:59:59.999Z') })).toBe('ok');
  });

  it('warns from exactly 75% of the window up to the deadline itself', () => {
    expect(deriveSlaStatus({ createdAt, deadline, now: at('2026-01-01T03:00:00.000Z') })).toBe('warning');
    expect(deriveSlaStatus({ createdAt, deadline, now: deadline })).toBe('warning');
  });

  it('is breached once the deadline has passed', () => {
    expect(deriveSlaStatus({ createdAt, deadline, now: at('2026-01-01T04:00:00.001Z') })).toBe('breached');
  });

  it('honours a custom warning percentage', () => {
    const now = at('2026-01-01T02:00:00.000Z'); // 50% used
    expect(deriveSlaStatus({ createdAt, deadline, now, warnPct: 50 })).toBe('warning');
    expect(deriveSlaStatus({ createdAt, deadline, now, warnPct: 90 })).toBe('ok');
  });

  it('treats a deadline at or before creation as ok until it passes, then breached', () => {
    expect(deriveSlaStatus({ createdAt, deadline: createdAt, now: createdAt })).toBe('ok');
    expect(deriveSlaStatus({ createdAt, deadline: at('2025-12-31T00:00:00.000Z'), now: createdAt })).toBe('breached');
  });
});
