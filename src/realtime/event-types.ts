/**
 * The wire contract of `/ws`, shared by the gateway and the typed client (browser-safe: no Node
 * runtime imports; types come from the workflow schemas and are erased). Frames are `{"event", "data", "ts", "id"}`.
 */
import type { NotificationView } from '../notifications/notifications.repository.js';
import type { ExecutiveMetrics, TaskView } from '../workflow/workflow.schemas.js';

export type { ExecutiveMetrics };
/** The task as the API returns it (the workflow module's one definition). */
export type RealtimeTask = TaskView;
export type TaskStatus = TaskView['task_status'];

/** Common to every event born of a work event, whichever path delivered it (frame-data.ts). */
export interface WorkEventData {
  item_type: string;
  item_id: string;
  actor: string | null;
  work_event_id: number;
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

/** A comment on a task or a pursuit (`item_type`, `item_id` name it). */
export interface CommentEventData extends WorkEventData {
  comment_id: number;
  item_type: 'task' | 'pursuit';
  title: string;
  author_user_id: number | null;
  /** Not on `workflow:comment:deleted`. */
  mentioned_user_ids?: number[];
  excerpt?: string;
}
/** A notification as GET /api/notifications answers it. */
export type RealtimeNotification = NotificationView;

export interface RealtimeEventMap {
  'workflow:task:created': TaskEventData;
  'workflow:task:updated': TaskEventData;
  'workflow:task:completed': TaskEventData;
  /** `status`, `category`, `dollarValue` as the task was; `task` is null. */
  'workflow:task:deleted': TaskEventData & { task: null };
  /** The task's owner_user_id changed to a user (docs/contract.md, task.assigned). */
  'workflow:task:assigned': TaskEventData & {
    task_id: string;
    title: string;
    owner_user_id: number;
    previous_owner_user_id: number | null;
    via: 'manual' | 'rule' | 'reassign';
  };
  'workflow:status:changed': TaskEventData & { oldStatus?: TaskStatus; newStatus?: TaskStatus };
  'workflow:sla:warning': TaskEventData & { hoursRemaining?: number };
  'workflow:sla:violated': TaskEventData & { hoursOverdue?: number };
  'workflow:critical:alert': TaskEventData & { dollarValue?: number };
  /** A message joined the task's thread (a reply by the customer, or by the org). */
  'workflow:task:message': TaskEventData & {
    direction: 'inbound' | 'outbound';
    messageId: string | null;
    sender: string | null;
    subject: string;
    snippet: string;
    receivedAt: string;
    signalId: number | null;
  };
  'workflow:sla:first_response_warning': TaskEventData & { hoursRemaining?: number; firstResponseDueAt?: string | null };
  'workflow:sla:first_response_violated': TaskEventData & { hoursOverdue?: number; firstResponseDueAt?: string | null };
  'workflow:metrics:updated': { executive: ExecutiveMetrics };
  'workflow:batch:completed': WorkEventData;
  'workflow:comment:created': CommentEventData;
  /** Adds `added_mentioned_user_ids` (mentions the edit added). */
  'workflow:comment:updated': CommentEventData & { added_mentioned_user_ids?: number[] };
  'workflow:comment:deleted': CommentEventData;
  /** Personal: a new notification of the signed-in person (session sockets only) and their unread count. */
  'notification:created': { user_id: number; unread_count: number; notification: RealtimeNotification };
  /** Sent once authenticated. */
  'system:ready': { org_id: number; role: string; events: string[] };
  /** Answer to a subscribe message: the patterns now in force. */
  'system:subscribed': { events: string[] };
  /** A message the server could not act on (the connection stays open). */
  'system:error': { code: string; error: string };
  'system:pong': Record<string, never>;
  /** The server is going away (restart/deploy): reconnect, to any node. */
  'system:shutdown': { reconnect: true };
  /** The replay of a resume is out (`replayed` frames); `position` is where the client now stands. */
  'system:resumed': { replayed: number; position: string };
  /** The resume position cannot be replayed (`unreadable`, `foreign`, `too_old`, `too_many`, `unavailable`): reload; live frames follow. */
  'system:resync': { reason: string; position?: string };
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
  /** Frames born of a work event: the feed position to resume from (opaque). */
  pos?: string;
  /** Sent again on resume (the event happened while the client was away); `data.task` is the task now. */
  replayed?: true;
}

/** Close codes beyond the standard ones. */
export const CLOSE_CODES = {
  /** Missing, unknown key, or no auth message in time. */
  unauthorized: 4401,
  /** Revoked key, or a session ended (signed out, user deactivated, membership removed). */
  forbidden: 4403,
  /** Too many failed authentications from this address. */
  rateLimited: 4429,
  /** Send buffer over the limit: the client could not keep up. */
  tooSlow: 4008,
  /** Standard 1012 "service restart": reconnect. */
  restart: 1012,
  /** Standard 1013 "try again later": the database is unavailable; reconnect with backoff. */
  tryAgainLater: 1013,
} as const;
