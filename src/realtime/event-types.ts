/**
 * The wire contract of `/ws`, shared by the gateway and the typed client (browser-safe: no Node
 * imports). Frames are `{"event", "data", "ts", "id"}`.
 */
export type TaskStatus = 'RED' | 'YELLOW' | 'GREEN' | 'COMPLETED';

/** The task as the API returns it (snake_case columns, JSON columns parsed). */
export interface RealtimeTask {
  task_id: string;
  org_id: number;
  workflow_category: string;
  task_status: TaskStatus;
  title: string;
  description: string | null;
  priority: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'NORMAL';
  current_owner: string | null;
  owner_email: string | null;
  dollar_value: number;
  currency: string;
  sla_deadline: string | null;
  sla_status: 'ok' | 'warning' | 'breached';
  sla_paused_at: string | null;
  sla_warned_at: string | null;
  sla_breached_at: string | null;
  entities: Record<string, unknown>;
  customer_name: string | null;
  po_number: string | null;
  quote_number: string | null;
  source_type: 'email' | 'manual' | 'api';
  source_message_id: string | null;
  source_sender: string | null;
  source_subject: string | null;
  source_received_at: string | null;
  signal_id: number | null;
  pattern_id: number | null;
  category_reason: string | null;
  tags: string[];
  created_by: string | null;
  created_at: string;
  updated_at: string;
  first_response_at: string | null;
  completed_at: string | null;
  resolution_hours: number | null;
}

/** Common to every event born of a work event. */
export interface WorkEventData {
  item_type: string;
  item_id: string;
  actor: string | null;
  [key: string]: unknown;
}

export interface TaskEventData extends WorkEventData {
  taskId: string;
  category?: string;
  status?: TaskStatus;
  dollarValue?: number;
  /** The task now; null when it no longer exists (deleted since). */
  task: RealtimeTask | null;
}

export interface ExecutiveMetrics {
  total_tasks: number;
  red_tasks: number;
  yellow_tasks: number;
  green_tasks: number;
  completed_tasks: number;
  revenue_at_risk: number;
  sla_violations: number;
  tasks_last_24h: number;
  sla_met_percentage: number;
}

export interface RealtimeEventMap {
  'workflow:task:created': TaskEventData;
  'workflow:task:updated': TaskEventData;
  'workflow:task:completed': TaskEventData;
  'workflow:status:changed': TaskEventData & { oldStatus?: TaskStatus; newStatus?: TaskStatus };
  'workflow:sla:warning': TaskEventData & { hoursRemaining?: number };
  'workflow:sla:violated': TaskEventData & { hoursOverdue?: number };
  'workflow:critical:alert': TaskEventData & { dollarValue?: number };
  'workflow:metrics:updated': { executive: ExecutiveMetrics };
  'workflow:batch:completed': WorkEventData;
  /** Sent once authenticated. */
  'system:ready': { org_id: number; role: string; events: string[] };
  /** Answer to a subscribe message: the patterns now in force. */
  'system:subscribed': { events: string[] };
  /** A message the server could not act on (the connection stays open). */
  'system:error': { code: string; error: string };
  'system:pong': Record<string, never>;
  /** The server is going away (restart/deploy): reconnect, to any node. */
  'system:shutdown': { reconnect: true };
}

export type RealtimeEventName = keyof RealtimeEventMap;
/** `workstream:pursuit.won`, `workstream:sla.breached`, … */
export type WorkstreamEventName = `workstream:${string}`;
export type AnyEventName = RealtimeEventName | WorkstreamEventName;
export type EventData<E extends AnyEventName> = E extends RealtimeEventName ? RealtimeEventMap[E] : WorkEventData;

export interface RealtimeFrame<E extends AnyEventName = AnyEventName> {
  event: E;
  data: EventData<E>;
  ts: string;
  id: string;
}

/** Close codes beyond the standard ones. */
export const CLOSE_CODES = {
  /** Missing, unknown key, or no auth message in time. */
  unauthorized: 4401,
  /** Revoked key. */
  forbidden: 4403,
  /** Too many failed authentications from this address. */
  rateLimited: 4429,
  /** Send buffer over the limit: the client could not keep up. */
  tooSlow: 4008,
  /** Standard 1012 "service restart": reconnect. */
  restart: 1012,
} as const;
