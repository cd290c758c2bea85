import { describe, expect, it } from 'vitest';
import { compilePatterns, isValidPattern, toWsEventName } from './event-names.js';

describe('WebSocket event names', () => {
  it('maps workflow work events to the seed names and everything else to workstream:<name>', () => {
    expect(toWsEventName('task.created')).toBe('workflow:task:created');
    expect(toWsEventName('task.updated')).toBe('workflow:task:updated');
    expect(toWsEventName('task.completed')).toBe('workflow:task:completed');
    expect(toWsEventName('task.deleted')).toBe('workflow:task:deleted');
    expect(toWsEventName('task.status_changed')).toBe('workflow:status:changed');
    expect(toWsEventName('task.sla_warning')).toBe('workflow:sla:warning');
    expect(toWsEventName('task.sla_violated')).toBe('workflow:sla:violated');
    expect(toWsEventName('task.critical_alert')).toBe('workflow:critical:alert');
    expect(toWsEventName('task.message')).toBe('workflow:task:message');
    expect(toWsEventName('task.first_response_warning')).toBe('workflow:sla:first_response_warning');
    expect(toWsEventName('task.first_response_violated')).toBe('workflow:sla:first_response_violated');
    expect(toWsEventName('ingest.batch_completed')).toBe('workflow:batch:completed');
    expect(toWsEventName('metrics.updated')).toBe('workflow:metrics:updated');
    expect(toWsEventName('comment.created')).toBe('workflow:comment:created');
    expect(toWsEventName('comment.updated')).toBe('workflow:comment:updated');
    expect(toWsEventName('comment.deleted')).toBe('workflow:comment:deleted');
    expect(toWsEventName('notification.created')).toBe('notification:created');
    expect(toWsEventName('pursuit.won')).toBe('workstream:pursuit.won');
    expect(toWsEventName('sla.breached')).toBe('workstream:sla.breached');
  });

  it('matches subscribe patterns: exact names, * anywhere, and * alone for everything', () => {
    expect(compilePatterns(['*'])).toBeNull();
    const m = compilePatterns(['workflow:sla:*', 'workstream:pursuit.won', 'workstream:*.resolved'])!;
    expect(m('workflow:sla:warning')).toBe(true);
    expect(m('workflow:sla:violated')).toBe(true);
    expect(m('workflow:status:changed')).toBe(false);
    expect(m('workstream:pursuit.won')).toBe(true);
    expect(m('workstream:pursuitXwon')).toBe(false);
    expect(m('workstream:sla.resolved')).toBe(true);
    expect(isValidPattern('workflow:task:*')).toBe(true);
    expect(isValidPattern('a b')).toBe(false);
    expect(isValidPattern('(.*)+')).toBe(false);
    expect(isValidPattern('x'.repeat(101))).toBe(false);
  });
});
