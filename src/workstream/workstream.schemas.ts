/** zod schemas of the workstream API: inputs (validated) and responses (they feed /api/openapi.json). */
import { z } from 'zod';
import { dayOrInstant, resolveDays, timeZone } from '../shared/day-or-instant.js';
import { isoInstant } from '../shared/iso-instant.js';
import { formatField } from '../http/csv-export.js';
import { pageQuery } from '../http/paging.js';
import { CANDIDATE_STATUSES, PURSUIT_STAGES } from './transitions.js';
import { idParams, positiveId } from '../http/params.js';
import { ME } from '../shared/auth-context.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export { idParams };
export const itemParams = z.object({ id: positiveId, item_id: positiveId });

// ------------------------------------------------------------------ signals
export const signalInput = z
  .object({
    source_type: text(50),
    source_ref: text(500).nullish(),
    snippet: z.string().max(10_000).nullish(),
    contact_id: text(200).nullish(),
    client_id: text(200).nullish(),
    ts: isoInstant.optional(),
    problem_phrase: z.string().max(2_000).nullish(),
    solution_hint: z.string().max(2_000).nullish(),
    urgency_score: z.number().min(0).max(100).nullish(),
    dedupe_key: text(500).optional(),
    cluster_id: text(200).nullish(),
    owner_user_id: text(200).nullish(),
    org_id: z.number().int().optional(),
  })
  .strict();

export const MAX_SIGNAL_BATCH = 1000;
export const signalBatchInput = z.object({ signals: z.array(signalInput).min(1).max(MAX_SIGNAL_BATCH), org_id: z.number().int().optional() }).strict();

export const signalPatch = z
  .object({
    owner_user_id: text(200).nullable().optional(),
    cluster_id: text(200).nullable().optional(),
    urgency_score: z.number().min(0).max(100).nullable().optional(),
    problem_phrase: z.string().max(2_000).nullable().optional(),
    solution_hint: z.string().max(2_000).nullable().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change: send at least one field' });

/** GET /signals: paging, and [since, until) on ts, where dates mean whole days in `tz` (UTC by default). */
export const signalListQuery = pageQuery
  .extend({
    source_type: text(50).optional(),
    since: dayOrInstant.optional(),
    until: dayOrInstant.optional(),
    tz: timeZone.optional(),
    format: formatField,
  })
  .transform(({ tz, ...q }, ctx) => resolveDays(q, { since: 'start', until: 'end' }, tz ?? 'UTC', ctx));

export const signalSchema = z.object({
  signal_id: z.number(),
  org_id: z.number(),
  source_type: z.string(),
  source_ref: z.string().nullable(),
  snippet: z.string().nullable(),
  contact_id: z.string().nullable(),
  client_id: z.string().nullable(),
  ts: z.string(),
  problem_phrase: z.string().nullable(),
  solution_hint: z.string().nullable(),
  urgency_score: z.number().nullable(),
  dedupe_key: z.string(),
  cluster_id: z.string().nullable(),
  owner_user_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  /** Changes with every write; send it back as `If-Match: "<version>"` to write only over what you read. */
  version: z.number().int(),
});

/** POST /signals takes one signal or a batch (documentation: the route checks which it got, for precise errors). */
export const signalCreateInput = z.union([signalInput, signalBatchInput]).meta({
  examples: [
    { source_type: 'call', source_ref: 'call-881', snippet: 'Needs 40 valves by March', contact_id: 'ana@acme.example', urgency_score: 70, dedupe_key: 'call-881' },
    { signals: [{ source_type: 'email', source_ref: 'msg-1' }, { source_type: 'call', snippet: 'Asked for a quote' }] },
  ],
});

/** POST /signals answers one signal, or for a batch the signals with how many were new. */
export const signalCreateAnswer = z.union([
  signalSchema,
  z.object({ data: z.array(signalSchema), created: z.number().int(), existing: z.number().int() }),
]);

// ------------------------------------------------------------------ candidates
const signalIds = z.array(z.number().int().positive()).max(1000);

export const candidateInput = z
  .object({ title: text(500), owner_user_id: text(200).nullish(), signal_ids: signalIds.optional(), org_id: z.number().int().optional() })
  .strict()
  .meta({ examples: [{ title: 'Acme valves retrofit', owner_user_id: '3', signal_ids: [12, 15] }] });

export const candidatePatch = z
  .object({ title: text(500).optional(), owner_user_id: text(200).nullable().optional(), signal_ids: signalIds.optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change: send at least one field' });

export const candidateListQuery = z.object({ status: z.enum(CANDIDATE_STATUSES).optional(), format: formatField });

export const candidateSchema = z.object({
  candidate_id: z.number(),
  org_id: z.number(),
  title: z.string(),
  status: z.enum(CANDIDATE_STATUSES),
  owner_user_id: z.string().nullable(),
  last_touch_at: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  /** Changes with every write; send it back as `If-Match: "<version>"` to write only over what you read. */
  version: z.number().int(),
});

export const candidateTransition = z.object({ to: z.enum(CANDIDATE_STATUSES), reason: text(2_000).optional() }).strict();

export { workEventSchema } from '../outbox/work-events.schema.js';

// ------------------------------------------------------------------ pursuits
export const pursuitPatch = z
  .object({
    title: text(500).nullable().optional(),
    /** A date is the start of that day in `tz` (UTC by default); an instant is kept as given. */
    due_date: dayOrInstant.nullable().optional(),
    tz: timeZone.optional(),
    value: z.number().min(0).max(1e13).nullable().optional(),
    /** A user id (number or decimal text) of an active member of the org, stored as decimal text; null = nobody. */
    owner_user_id: z
      .union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().trim().regex(/^[1-9][0-9]{0,15}$/, 'a user id (decimal digits)')])
      .transform((v) => String(Number(v)))
      .nullable()
      .optional(),
  })
  .strict()
  .meta({ examples: [{ due_date: '2027-03-01', tz: 'Europe/Berlin', value: 48000, owner_user_id: 3 }] })
  .refine((p) => Object.keys(p).some((k) => k !== 'tz'), { message: 'Nothing to change: send at least one field' })
  .transform(({ tz, ...p }, ctx) => resolveDays(p, { due_date: 'start' }, tz ?? 'UTC', ctx));

export const pursuitListQuery = z.object({
  stage: z.enum(PURSUIT_STAGES).optional(),
  /** Pursuits owned by this user; `me` = the signed-in person ("my pursuits"). */
  owner_user_id: z.union([z.literal(ME), positiveId]).optional(),
  format: formatField,
});

export const pursuitTransition = z
  .object({ to: z.enum(PURSUIT_STAGES), reason: text(2_000).optional() })
  .strict()
  .meta({ examples: [{ to: 'pink' }, { to: 'lost', reason: 'Went with a cheaper supplier' }] });

export const pursuitSchema = z.object({
  pursuit_id: z.number(),
  org_id: z.number(),
  candidate_id: z.number(),
  title: z.string().nullable(),
  pursuit_stage: z.enum(PURSUIT_STAGES),
  due_date: z.string().nullable(),
  value: z.number().nullable(),
  lost_reason: z.string().nullable(),
  owner_user_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  /** Changes with every write; send it back as `If-Match: "<version>"` to write only over what you read. */
  version: z.number().int(),
});

export const checklistItemSchema = z.object({
  item_id: z.number(),
  pursuit_id: z.number(),
  name: z.string(),
  is_required: z.boolean(),
  is_done: z.boolean(),
  done_at: z.string().nullable(),
  done_by: z.string().nullable(),
  created_at: z.string(),
});

export const checklistInput = z.object({ name: text(200), is_required: z.boolean().optional() }).strict();
export const checklistPatch = z
  .object({ is_done: z.boolean().optional(), name: text(200).optional(), is_required: z.boolean().optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change: send at least one field' });

export const readinessSchema = z.object({
  items_total: z.number(),
  required_total: z.number(),
  required_done: z.number(),
  missing_required: z.number(),
  is_ready: z.boolean(),
});

export const proposalSchema = z.object({
  proposal_id: z.number(),
  org_id: z.number(),
  pursuit_id: z.number(),
  version: z.number(),
  status: z.enum(['draft', 'sent', 'accepted', 'rejected']),
  recipient_email: z.string().nullable(),
  subject: z.string().nullable(),
  doc_url: z.string().nullable(),
  body: z.string().nullable(),
  message_id: z.string().nullable(),
  sent_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  /** The row's version (`version` is the proposal's number): `If-Match: "<row_version>"` on PATCH. */
  row_version: z.number().int(),
});

export const proposalInput = z
  .object({
    recipient_email: z.email().max(320).nullish(),
    subject: text(500).nullish(),
    doc_url: z.url().max(2_000).nullish(),
    body: z.string().max(200_000).nullish(),
  })
  .strict()
  .meta({ examples: [{ recipient_email: 'ana@acme.example', subject: 'Proposal: 40 valves', doc_url: 'https://docs.acme.example/p/881' }] });

/** PATCH /proposals/:id: the same fields as a new version; `null` clears one (a null recipient falls back to the candidate's contact). */
export const proposalPatch = proposalInput.refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change: send at least one field' });

// ------------------------------------------------------------------ today, stats, events
export const todayItemSchema = z.object({
  item_type: z.enum(['candidate', 'pursuit']),
  item_id: z.number(),
  title: z.string().nullable(),
  status: z.string(),
  updated_at: z.string(),
  due_date: z.string().nullable(),
  sla_metric: z.string().nullable(),
  badge: z.enum(['red', 'amber', 'green']),
});

const counts = z.object({ total: z.number(), recent: z.number() });
export const statsSchema = z.object({ signals: counts, candidates: counts, pursuits: counts });

export const WORKSTREAM_ITEM_TYPES = ['signal', 'candidate', 'pursuit', 'proposal'] as const;
export const eventsQuery = z.object({ item_type: z.enum(WORKSTREAM_ITEM_TYPES).optional(), item_id: positiveId.optional() });
