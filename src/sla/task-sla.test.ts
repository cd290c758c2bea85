import { describe, expect, it } from 'vitest';
import { calendarSchema } from './calendar.js';
import { escalatedStatus, planTaskSla, slaStatusAt } from './task-sla.js';

const at = (s: string) => new Date(s).getTime();

describe('planTaskSla', () => {
  it('uses the priority default when no rule applies, warning at 75% of the window', () => {
    const p = planTaskSla({ startMs: at('2026-01-15T00:00:00Z'), nowMs: at('2026-01-15T00:00:00Z'), priority: 'CRITICAL' });
    expect(p).toMatchObject({
      sla_deadline: '2026-01-15T04:00:00.000Z',
      sla_warn_at: '2026-01-15T03:00:00.000Z',
      sla_next_at: '2026-01-15T03:00:00.000Z',
      sla_status: 'ok',
      sla_rule_id: null,
    });
  });

  it('takes the rule window, warn share and calendar', () => {
    const rule = { rule_id: 7, threshold_hrs: 4, warn_pct: 50, calendar: calendarSchema.parse({ time_zone: 'Europe/Berlin' }) };
    const p = planTaskSla({ startMs: at('2026-01-16T15:00:00Z'), nowMs: at('2026-01-16T15:00:00Z'), priority: 'NORMAL', rule });
    expect(p.sla_deadline).toBe('2026-01-19T11:00:00.000Z'); // Monday 12:00 Berlin
    expect(p.sla_warn_at).toBe('2026-01-19T09:00:00.000Z'); // 2 business hours in: Monday 10:00
    expect(p.sla_rule_id).toBe(7);
  });

  it('an explicit deadline wins and derives the state at once', () => {
    const start = at('2026-01-15T00:00:00Z');
    const p = planTaskSla({ startMs: start, nowMs: at('2026-01-15T09:00:00Z'), deadlineMs: at('2026-01-15T10:00:00Z'), priority: 'NORMAL' });
    expect(p).toMatchObject({ sla_status: 'warning', sla_next_at: '2026-01-15T10:00:00.000Z', sla_rule_id: null });
    const late = planTaskSla({ startMs: start, nowMs: at('2026-01-16T00:00:00Z'), deadlineMs: at('2026-01-15T10:00:00Z'), priority: 'NORMAL' });
    expect(late).toMatchObject({ sla_status: 'breached', sla_next_at: null });
  });

  it('has nothing pending for completed or paused tasks', () => {
    const base = { startMs: at('2026-01-15T00:00:00Z'), nowMs: at('2026-01-15T00:00:00Z'), priority: 'HIGH' as const };
    expect(planTaskSla({ ...base, completed: true }).sla_next_at).toBeNull();
    expect(planTaskSla({ ...base, paused: true }).sla_next_at).toBeNull();
  });
});

describe('slaStatusAt', () => {
  it('is ok, then warning, then breached', () => {
    expect(slaStatusAt(0, 75, 100)).toBe('ok');
    expect(slaStatusAt(75, 75, 100)).toBe('warning');
    expect(slaStatusAt(100, 75, 100)).toBe('breached');
    expect(slaStatusAt(100, null, null)).toBe('ok');
  });
});

describe('escalatedStatus (the monitor never fights a person)', () => {
  it('GREEN → YELLOW on warning, anything open → RED on breach', () => {
    expect(escalatedStatus('GREEN', 'ok', 'warning')).toBe('YELLOW');
    expect(escalatedStatus('GREEN', 'ok', 'breached')).toBe('RED');
    expect(escalatedStatus('YELLOW', 'warning', 'breached')).toBe('RED');
  });
  it('leaves a status a person chose when the SLA state does not get worse', () => {
    expect(escalatedStatus('GREEN', 'warning', 'warning')).toBe('GREEN');
    expect(escalatedStatus('GREEN', 'breached', 'breached')).toBe('GREEN');
    expect(escalatedStatus('GREEN', 'breached', 'ok')).toBe('GREEN');
    expect(escalatedStatus('RED', 'ok', 'warning')).toBe('RED');
  });
  it('never touches a completed task', () => {
    expect(escalatedStatus('COMPLETED', 'ok', 'breached')).toBe('COMPLETED');
  });
});
