/**
 * Row types as both engines return them after src/db/create-db.ts normalises values: ids and
 * counts are numbers, times ISO-8601 strings, JSON columns text. Booleans come back as 0/1 on
 * SQLite and true/false on PostgreSQL, so read them through `toBool`.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../shared/auth-context.js';

export type Bool = boolean | number;
export type Iso = string;

export interface OrgTable {
  org_id: Generated<number>;
  name: string;
  currency: Generated<string>;
  high_value_threshold: Generated<number>;
  created_at: Generated<Iso>;
}

/** Per-org change version, kept by triggers (migration 0025); read by Database.changeToken. */
export interface OrgVersionTable {
  org_id: number;
  version: Generated<number>;
}

export type { Role };

export interface ApiKeyTable {
  key_id: Generated<number>;
  org_id: number;
  name: string | null;
  role: Role;
  key_hash: string;
  key_prefix: string;
  created_at: Generated<Iso>;
  last_used_at: Iso | null;
  revoked_at: Iso | null;
}

export interface SignalTable {
  signal_id: Generated<number>;
  org_id: number;
  source_type: string;
  source_ref: string | null;
  snippet: string | null;
  contact_id: string | null;
  client_id: string | null;
  ts: Iso;
  problem_phrase: string | null;
  solution_hint: string | null;
  urgency_score: number | null;
  dedupe_key: string;
  cluster_id: string | null;
  owner_user_id: string | null;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-concurrency version (0026): 1 on insert, +1 with every UPDATE (item-versions.plugin.ts). */
  version: Generated<number>;
}

export type CandidateStatus = 'new' | 'triaged' | 'nurture' | 'on_hold' | 'promoted' | 'archived';

export interface CandidateTable {
  candidate_id: Generated<number>;
  org_id: number;
  title: string;
  status: Generated<CandidateStatus>;
  owner_user_id: string | null;
  last_touch_at: Iso;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-concurrency version (0026): 1 on insert, +1 with every UPDATE (item-versions.plugin.ts). */
  version: Generated<number>;
}

export interface CandidateSignalTable {
  org_id: number;
  candidate_id: number;
  signal_id: number;
  created_at: Iso;
}

export type PursuitStage = 'qual' | 'pink' | 'red' | 'submit' | 'won' | 'lost';

export interface PursuitTable {
  pursuit_id: Generated<number>;
  org_id: number;
  candidate_id: number;
  title: string | null;
  pursuit_stage: Generated<PursuitStage>;
  due_date: Iso | null;
  value: number | null;
  lost_reason: string | null;
  owner_user_id: string | null;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-concurrency version (0026): 1 on insert, +1 with every UPDATE (item-versions.plugin.ts). */
  version: Generated<number>;
}

export type ProposalStatus = 'draft' | 'sent' | 'accepted' | 'rejected';

export interface ProposalTable {
  proposal_id: Generated<number>;
  org_id: number;
  pursuit_id: number;
  version: number;
  status: Generated<ProposalStatus>;
  recipient_email: string | null;
  subject: string | null;
  doc_url: string | null;
  body: string | null;
  message_id: string | null;
  sent_at: Iso | null;
  created_at: Iso;
  updated_at: Iso;
  /** Optimistic-concurrency version (0026): 1 on insert, +1 with every UPDATE (item-versions.plugin.ts). */
  row_version: Generated<number>;
}

export interface PursuitChecklistTable {
  item_id: Generated<number>;
  org_id: number;
  pursuit_id: number;
  name: string;
  is_required: Generated<Bool>;
  is_done: Generated<Bool>;
  done_at: Iso | null;
  done_by: string | null;
  created_at: Iso;
}

export interface SlaRuleTable {
  rule_id: Generated<number>;
  org_id: number;
  metric: string;
  threshold_hrs: number;
  /** Task rules: hours to the first response (null: no first-response target). */
  first_response_hrs: number | null;
  warn_pct: Generated<number>;
  is_active: Generated<Bool>;
  calendar_json: string | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface SlaBreachTable {
  breach_id: Generated<number>;
  org_id: number;
  item_type: string;
  item_id: string;
  rule_id: number;
  metric: string;
  reason_code: string;
  breached_at: Iso;
  resolved_at: Iso | null;
}

export interface WebhookEndpointTable {
  webhook_id: Generated<number>;
  org_id: number;
  url: string;
  /** A sealed value (`fl1:<key id>:…`, src/shared/secret-box.ts); plaintext only while secret_key_id is null. */
  secret: string;
  /** The key the secret is sealed under; null: not sealed yet (sealed at the next start). */
  secret_key_id: string | null;
  /** At most four characters of the secret, shown by the API (never needs the key). */
  secret_prefix: Generated<string>;
  events_json: Generated<string>;
  is_active: Generated<Bool>;
  created_at: Iso;
}

export interface WebhookDeliveryTable {
  delivery_id: Generated<number>;
  org_id: number;
  webhook_id: number;
  work_event_id: number;
  attempt: number;
  status_code: number | null;
  succeeded: Generated<Bool>;
  error: string | null;
  duration_ms: number | null;
  created_at: Iso;
}

/** One row per (endpoint, source event) owed a webhook; delivered_at set once a receiver answered 2xx. */
export interface WebhookDispatchTable {
  org_id: number;
  webhook_id: number;
  work_event_id: number;
  deliver_event_id: number | null;
  attempts: Generated<number>;
  delivered_at: Iso | null;
  created_at: Generated<Iso>;
}

/** Failed authentications per client address and fixed window (migration 0010); no org. */
export interface AuthFailureTable {
  address: string;
  window_start: number;
  failures: number;
}

export interface WorkEventTable {
  work_event_id: Generated<number>;
  org_id: number;
  event_name: string;
  item_type: string;
  item_id: string;
  payload_json: Generated<string>;
  actor: string | null;
  happened_at: Iso;
  created_at: Iso;
  /** Not written since migration 0028 (the claim lives in outbox_queue). */
  claimed_at: Iso | null;
  /** The claim token of the attempt that processed or dead-lettered the event. */
  claimed_by: string | null;
  /** Attempts used, as of the processing or dead-lettering (live count: outbox_queue). */
  attempts: Generated<number>;
  /** When the event was first due (its appender's runAt); the live due time is outbox_queue's. */
  next_attempt_at: Iso | null;
  /** The last failure, as of the processing or dead-lettering (live: outbox_queue). */
  last_error: string | null;
  processed_at: Iso | null;
  dead_letter_at: Iso | null;
  /** PostgreSQL only (migration 0024): the writing transaction's top-level id (xid8, read as text). */
  xact_id?: Generated<string>;
}

/** One row per work event still to be handled by the outbox (migration 0028); deleted when it is processed or dead-lettered. */
export interface OutboxQueueTable {
  org_id: number;
  work_event_id: number;
  next_attempt_at: Iso;
  attempts: Generated<number>;
  claimed_by: string | null;
  claimed_at: Iso | null;
  last_error: string | null;
}

/** One row (migration 0024): what the event feed needs to tell a resume position too old or foreign. */
export interface WorkEventFeedTable {
  id: number;
  epoch: string;
  /** The highest work_event_id retention has deleted. */
  pruned_event_id: Generated<number>;
  /** PostgreSQL: the highest xact_id retention has deleted. */
  pruned_xact_id: Generated<number>;
}

export type TaskStatus = 'RED' | 'YELLOW' | 'GREEN' | 'COMPLETED';
export type TaskPriority = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'NORMAL';
export type SlaStatus = 'ok' | 'warning' | 'breached';
export type TaskSourceType = 'email' | 'manual' | 'api';

export interface WorkflowTaskTable {
  task_id: string;
  org_id: number;
  workflow_category: string;
  task_status: Generated<TaskStatus>;
  title: string;
  description: string | null;
  priority: Generated<TaskPriority>;
  current_owner: string | null;
  owner_email: string | null;
  /** The user who owns the task (a member of its org), beside the free-text `current_owner`. */
  owner_user_id: number | null;
  dollar_value: Generated<number>;
  currency: Generated<string>;
  sla_deadline: Iso | null;
  sla_status: Generated<SlaStatus>;
  sla_paused_at: Iso | null;
  sla_warned_at: Iso | null;
  sla_breached_at: Iso | null;
  entities: Generated<string>;
  customer_name: string | null;
  po_number: string | null;
  quote_number: string | null;
  source_type: Generated<TaskSourceType>;
  source_message_id: string | null;
  source_sender: string | null;
  source_subject: string | null;
  source_received_at: Iso | null;
  signal_id: number | null;
  pattern_id: number | null;
  category_reason: string | null;
  tags: Generated<string>;
  created_by: string | null;
  created_at: Iso;
  updated_at: Iso;
  first_response_at: Iso | null;
  completed_at: Iso | null;
  resolution_hours: number | null;
  /** When the SLA state next changes (warn time, then deadline); null when nothing is pending. */
  sla_warn_at: Iso | null;
  sla_next_at: Iso | null;
  /** The rule that set the deadline; null when the deadline was given explicitly. */
  sla_rule_id: number | null;
  /** The first-response promise (its rule's first_response_hrs); null without a target. */
  first_response_due_at: Iso | null;
  first_response_warn_at: Iso | null;
  first_response_status: Generated<SlaStatus>;
  /** When the first-response state next changes; null once answered, completed or without a target. */
  first_response_next_at: Iso | null;
  /** Optimistic-concurrency version (0026): 1 on insert, +1 with every UPDATE (item-versions.plugin.ts). */
  version: Generated<number>;
}

export type MessageDirection = 'inbound' | 'outbound';

/** One message of a task's thread (migration 0015). */
export interface TaskMessageTable {
  task_message_id: Generated<number>;
  org_id: number;
  task_id: string;
  message_id: string | null;
  direction: MessageDirection;
  sender: string | null;
  /** The customer's address: the sender of inbound mail, the first recipient of outbound mail. */
  correspondent: string | null;
  subject: string | null;
  /** The subject without reply markers and tags, lower-case (src/ingest/thread-keys.ts). */
  thread_subject: string | null;
  snippet: string | null;
  received_at: Iso;
  signal_id: number | null;
  created_at: Iso;
}

export interface WorkflowStatusHistoryTable {
  history_id: Generated<number>;
  org_id: number;
  task_id: string;
  from_status: TaskStatus | null;
  to_status: TaskStatus;
  changed_by: string;
  reason: string | null;
  changed_at: Iso;
}

export interface WorkflowPatternTable {
  pattern_id: Generated<number>;
  org_id: number;
  signature: string;
  category: string;
  example_subject: string | null;
  occurrences: Generated<number>;
  first_seen: Iso;
  last_seen: Iso;
  avg_resolution_hrs: number | null;
}

/**
 * Pre-aggregated task facts per (org, category, status), kept by database triggers in the same
 * transaction as every task insert/update/delete (migration 0003). The fact columns are defined once
 * in src/workflow/metrics.query.ts.
 */
export interface WorkflowTaskCounterTable {
  org_id: number;
  workflow_category: string;
  task_status: TaskStatus;
  tasks: number;
  dollar_value: number;
  sla_missed: number;
  sla_met: number;
  sla_breached: number;
  resolution_hours_sum: number;
  resolution_count: number;
}

/** Rows per (org, table, UTC day of created_at), kept by triggers (migration 0002). */
export interface WorkstreamDailyCountTable {
  org_id: number;
  item_type: 'signal' | 'candidate' | 'pursuit';
  /** YYYY-MM-DD (UTC). */
  day: string;
  n: number;
}

export type IngestBatchStatus = 'running' | 'completed' | 'failed';
export type IngestItemOutcome = 'created' | 'signal_only' | 'duplicate' | 'failed';

export interface IngestBatchTable {
  batch_id: Generated<number>;
  org_id: number;
  source: string;
  source_name: string | null;
  actor: string;
  status: Generated<IngestBatchStatus>;
  read_count: Generated<number>;
  new_signals: Generated<number>;
  new_tasks: Generated<number>;
  duplicates: Generated<number>;
  failed: Generated<number>;
  not_actionable: Generated<number>;
  error: string | null;
  started_at: Iso;
  completed_at: Iso | null;
  duration_ms: number | null;
}

export interface IngestBatchItemTable {
  item_id: Generated<number>;
  org_id: number;
  batch_id: number;
  seq: number;
  outcome: IngestItemOutcome;
  message_id: string | null;
  dedupe_key: string | null;
  subject: string | null;
  sender: string | null;
  signal_id: number | null;
  task_id: string | null;
  reason: string | null;
  created_at: Iso;
}

export interface IngestRoutingRuleTable {
  org_id: number;
  category: string;
  owner: string;
  owner_email: string | null;
  /** Who the category's new tasks are assigned to (owner_user_id): one user, or round-robin in a team (#20). */
  assign_user_id: number | null;
  assign_team_id: number | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface IngestConfigTable {
  org_id: number;
  config_json: string;
  updated_at: Iso;
  updated_by: string | null;
}

export type MailboxTlsMode = 'tls' | 'starttls' | 'none';
export type MailboxAuthKind = 'password' | 'xoauth2';
export type MailboxState = 'idle' | 'connecting' | 'syncing' | 'watching' | 'error' | 'disabled';

export interface MailboxTable {
  mailbox_id: Generated<number>;
  org_id: number;
  name: string;
  host: string;
  port: number;
  tls_mode: MailboxTlsMode;
  username: string;
  auth_kind: MailboxAuthKind;
  /** Sealed (src/shared/secret-box.ts): the password, or the XOAUTH2 tokens as JSON. */
  secret: string;
  secret_key_id: string | null;
  oauth_token_url: string | null;
  oauth_client_id: string | null;
  folders_json: string;
  own_domains_json: string;
  /** `none`, `seen` or `move:<folder>`. */
  after_processing: string;
  enabled: Generated<Bool>;
  config_version: Generated<number>;
  state: Generated<MailboxState>;
  last_sync_at: Iso | null;
  last_error: string | null;
  messages_ingested: Generated<number>;
  lease_owner: string | null;
  lease_expires_at: Iso | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface MailboxFolderCheckpointTable {
  org_id: number;
  mailbox_id: number;
  folder: string;
  uidvalidity: number;
  /** The last UID whose message is ingested. */
  last_uid: number;
  /** The last UID whose IMAP side effect (seen flag, move) is done. */
  effects_uid: number;
  /** Messages taken from the folder under its current UIDVALIDITY. */
  synced: Generated<number>;
  /** Messages above the checkpoint at the last listing, counting down as pages commit. */
  pending: Generated<number>;
  updated_at: Iso;
}

export type UserStatus = 'active' | 'deactivated';

/** People (#19): one row per person, across orgs; email stored lowercased. */
export interface AppUserTable {
  user_id: Generated<number>;
  email: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash` (src/auth/passwords.ts), or null until a password is set. */
  password_hash: string | null;
  status: Generated<UserStatus>;
  created_at: Iso;
  updated_at: Iso;
  deactivated_at: Iso | null;
}

export interface OrgMembershipTable {
  org_id: number;
  user_id: number;
  role: Role;
  created_at: Iso;
  updated_at: Iso;
}

export interface UserSessionTable {
  session_id: Generated<number>;
  /** sha256 (hex) of the cookie's token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  /** The org the session acts in now (switched by POST /api/auth/session/org). */
  org_id: number;
  created_at: Iso;
  last_seen_at: Iso;
  /** The absolute end (SESSION_MAX_AGE after sign-in). */
  expires_at: Iso;
  revoked_at: Iso | null;
  user_agent: string | null;
  ip: string | null;
}

export type UserTokenKind = 'invite' | 'reset';

export interface UserTokenTable {
  token_hash: string;
  kind: UserTokenKind;
  user_id: number | null;
  email: string;
  org_id: number | null;
  role: Role | null;
  created_by: string;
  created_at: Iso;
  expires_at: Iso;
  used_at: Iso | null;
}

export interface OidcIdentityTable {
  issuer: string;
  subject: string;
  user_id: number;
  created_at: Iso;
}

/** A POST's Idempotency-Key claim and, once done, its answer (migration 0023). */
export interface IdempotencyKeyTable {
  org_id: number;
  idem_key: string;
  request_hash: string;
  state: 'pending' | 'done';
  status_code: number | null;
  content_type: string | null;
  response_body: string | null;
  created_at: Iso;
  completed_at: Iso | null;
}

export type CommentItemType = 'task' | 'pursuit';

/** A comment on a task or a pursuit (migration 0019). */
export interface ItemCommentTable {
  comment_id: Generated<number>;
  org_id: number;
  item_type: CommentItemType;
  /** The task id, or the pursuit id as text. */
  item_id: string;
  /** `user:<id>` or `key:<id>`: who may edit it. */
  author_actor: string;
  author_user_id: number | null;
  author_key_id: number | null;
  /** Markdown source, as written. */
  body: string;
  /** JSON array of user ids. */
  mentioned_user_ids: Generated<string>;
  created_at: Iso;
  updated_at: Iso;
  deleted_at: Iso | null;
}

export const NOTIFICATION_KINDS = ['assigned', 'sla_warning', 'sla_violated', 'critical_alert', 'customer_reply', 'mention'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type NotificationEmailState = 'off' | 'pending' | 'sent';

/** What a person is told about (#20); unique per (user, work event, kind). */
export interface NotificationTable {
  notification_id: Generated<number>;
  org_id: number;
  user_id: number;
  kind: NotificationKind;
  item_type: string;
  item_id: string;
  title: string;
  /** A line of context: the comment's excerpt, the reply's subject, the hours left. */
  detail: string | null;
  actor: string | null;
  work_event_id: number;
  /** False: switched off in the app (the row exists for its mail only). */
  in_app: Generated<Bool>;
  created_at: Iso;
  read_at: Iso | null;
  email_state: Generated<NotificationEmailState>;
  /** The `mail.notification` job carrying it (shared by a digest's rows). */
  mail_event_id: number | null;
  emailed_at: Iso | null;
}

/** A person's switches per org and kind; no row: both on. */
export interface NotificationPrefTable {
  user_id: number;
  org_id: number;
  kind: NotificationKind;
  in_app: Generated<Bool>;
  email: Generated<Bool>;
  updated_at: Iso;
}

/** Per (org, person): when the last notification mail went and the mail job scheduled now. */
export interface NotificationMailWindowTable {
  org_id: number;
  user_id: number;
  last_sent_at: Iso | null;
  scheduled_event_id: number | null;
  updated_at: Iso;
}

/** A named group of an org's users (#20); `rr_next` is its round-robin cursor (migration 0018). */
export interface TeamTable {
  team_id: Generated<number>;
  org_id: number;
  name: string;
  rr_next: Generated<number>;
  created_at: Iso;
  updated_at: Iso;
}

export interface TeamMemberTable {
  /** The team's org (migration 0027): the distribution column on PostgreSQL. */
  org_id: number;
  team_id: number;
  user_id: number;
  created_at: Iso;
}

export interface DB {
  org: OrgTable;
  org_version: OrgVersionTable;
  api_key: ApiKeyTable;
  signal: SignalTable;
  candidate: CandidateTable;
  candidate_signal: CandidateSignalTable;
  pursuit: PursuitTable;
  proposal: ProposalTable;
  pursuit_checklist: PursuitChecklistTable;
  sla_rule: SlaRuleTable;
  sla_breach: SlaBreachTable;
  webhook_endpoint: WebhookEndpointTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_dispatch: WebhookDispatchTable;
  work_event: WorkEventTable;
  work_event_feed: WorkEventFeedTable;
  outbox_queue: OutboxQueueTable;
  auth_failure: AuthFailureTable;
  workflow_tasks: WorkflowTaskTable;
  workflow_status_history: WorkflowStatusHistoryTable;
  task_message: TaskMessageTable;
  workflow_patterns: WorkflowPatternTable;
  workflow_task_counters: WorkflowTaskCounterTable;
  workstream_daily_count: WorkstreamDailyCountTable;
  ingest_batch: IngestBatchTable;
  ingest_batch_item: IngestBatchItemTable;
  ingest_routing_rule: IngestRoutingRuleTable;
  ingest_config: IngestConfigTable;
  mailbox: MailboxTable;
  mailbox_folder_checkpoint: MailboxFolderCheckpointTable;
  app_user: AppUserTable;
  org_membership: OrgMembershipTable;
  user_session: UserSessionTable;
  user_token: UserTokenTable;
  oidc_identity: OidcIdentityTable;
  idempotency_key: IdempotencyKeyTable;
  item_comment: ItemCommentTable;
  notification: NotificationTable;
  notification_pref: NotificationPrefTable;
  notification_mail_window: NotificationMailWindowTable;
  team: TeamTable;
  team_member: TeamMemberTable;
}

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;

export function toBool(v: Bool | null | undefined): boolean {
  return v === true || v === 1;
}
