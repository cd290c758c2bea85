import { z } from 'zod';

/** A work event as the API answers it (the activity log, the audit trail): WorkEventView. */
export const workEventSchema = z.object({
  work_event_id: z.number(),
  org_id: z.number(),
  event_name: z.string(),
  item_type: z.string(),
  item_id: z.string(),
  payload: z.record(z.string(), z.unknown()),
  actor: z.string().nullable(),
  happened_at: z.string(),
  processed_at: z.string().nullable(),
});
