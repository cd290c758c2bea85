/**
 * Work events are named dot style (`task.status_changed`); WebSocket frames use the seed's names
 * for workflow events, `notification:created` for a person's notification, and `workstream:<dot name>` for everything else (docs/contract.md). Browser-safe: the
 * typed client imports this file too.
 */
export const WORKFLOW_EVENT_NAMES = {
  'task.created': 'workflow:task:created',
  'task.updated': 'workflow:task:updated',
  'task.completed': 'workflow:task:completed',
  'task.deleted': 'workflow:task:deleted',
  /** A task's owner_user_id changed to a user (#20). */
  'task.assigned': 'workflow:task:assigned',
  'task.status_changed': 'workflow:status:changed',
  'task.sla_warning': 'workflow:sla:warning',
  'task.sla_violated': 'workflow:sla:violated',
  'task.critical_alert': 'workflow:critical:alert',
  'task.message': 'workflow:task:message',
  'task.first_response_warning': 'workflow:sla:first_response_warning',
  'task.first_response_violated': 'workflow:sla:first_response_violated',
  'ingest.batch_completed': 'workflow:batch:completed',
  /** Comments on tasks and pursuits alike (item_type says which). */
  'comment.created': 'workflow:comment:created',
  'comment.updated': 'workflow:comment:updated',
  'comment.deleted': 'workflow:comment:deleted',
  /** Personal: sent only to the notified person's signed-in sockets. */
  'notification.created': 'notification:created',
  /** Not a work event: the coalescer's own, carrying the executive metrics. */
  'metrics.updated': 'workflow:metrics:updated',
} as const;


const MAP: Record<string, string> = WORKFLOW_EVENT_NAMES;

/** `task.created` → `workflow:task:created`; any other dot name → `workstream:<name>`. */
export function toWsEventName(dotName: string): string {
  return MAP[dotName] ?? `workstream:${dotName}`;
}

/** Work events whose data carries a task (and that move the executive metrics). */
export function isTaskEvent(dotName: string): boolean {
  return dotName.startsWith('task.');
}

/** Events after which the executive metrics may have changed. */
export function movesExecutiveMetrics(dotName: string): boolean {
  return isTaskEvent(dotName) || dotName === 'ingest.batch_completed';
}

// ------------------------------------------------------------------ subscribe patterns
export const MAX_PATTERNS = 50;
const PATTERN_RE = /^[A-Za-z0-9_.:*-]{1,100}$/;

export function isValidPattern(p: unknown): p is string {
  return typeof p === 'string' && PATTERN_RE.test(p);
}

/**
 * Compiles subscribe patterns (`workflow:sla:*`, `workstream:pursuit.*`, `*`, exact names) into a
 * predicate; `*` matches any run of characters. Returns null for "everything".
 */
export function compilePatterns(patterns: readonly string[]): ((wsEvent: string) => boolean) | null {
  if (patterns.includes('*')) return null;
  const exact = new Set<string>();
  const globs: RegExp[] = [];
  for (const p of patterns) {
    if (!p.includes('*')) exact.add(p);
    else globs.push(new RegExp(`^${p.split('*').map((s) => s.replace(/[.]/g, '\\.')).join('.*')}$`));
  }
  return (name) => exact.has(name) || globs.some((g) => g.test(name));
}
