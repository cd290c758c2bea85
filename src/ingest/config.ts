/**
 * Per-org extraction settings: extra weighted category rules, the score a category needs, the
 * org's own company names (never reported as the customer), and how replies thread: the org's own
 * mail domains, the subject-threading window, and whether a customer reply reopens a task. Stored as JSON in ingest_config; the
 * defaults below apply when an org has none.
 */
import { z } from 'zod';
import type { DbOrTrx } from '../db/create-db.js';

export const ruleFieldSchema = z.enum(['subject', 'body', 'any']);

export const customRuleSchema = z
  .object({
    category: z.string().trim().min(1).max(60),
    field: ruleFieldSchema.default('any'),
    /** Words or phrases, matched case-insensitively on word boundaries. */
    terms: z.array(z.string().trim().min(1).max(80)).min(1).max(50),
    weight: z.number().min(-20).max(20),
  })
  .strict();

export const ingestConfigSchema = z
  .object({
    rules: z.array(customRuleSchema).max(200).default([]),
    /** Score a category needs to win; below it the message is General. */
    min_score: z.number().min(1).max(100).default(3),
    self_names: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
    /** Mail from these sender domains is treated as automated (never becomes a task). */
    ignore_domains: z.array(z.string().trim().toLowerCase().min(3).max(200)).max(200).default([]),
    /**
     * The org's own mail domains: mail from them is outbound (a reply by the org), never a task.
     * Mailboxes add their own `own_domains`; these apply to files and the HTTP endpoint as well.
     */
    own_domains: z.array(z.string().trim().toLowerCase().min(3).max(200)).max(100).default([]),
    /** A reply without matching Message-IDs threads by subject and correspondent within this many days (0: never by subject). */
    thread_window_days: z.number().int().min(0).max(365).default(14),
    /** A customer's reply to a COMPLETED task reopens it. */
    reopen_on_reply: z.boolean().default(true),
  })
  .strict();

export type IngestConfig = z.infer<typeof ingestConfigSchema>;
export type CustomRule = z.infer<typeof customRuleSchema>;

export const DEFAULT_INGEST_CONFIG: IngestConfig = Object.freeze(ingestConfigSchema.parse({})) as IngestConfig;

export async function getIngestConfig(db: DbOrTrx, orgId: number): Promise<{ config: IngestConfig; updated_at: string | null; updated_by: string | null }> {
  const row = await db.selectFrom('ingest_config').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!row) return { config: DEFAULT_INGEST_CONFIG, updated_at: null, updated_by: null };
  const parsed = ingestConfigSchema.safeParse(JSON.parse(row.config_json));
  return { config: parsed.success ? parsed.data : DEFAULT_INGEST_CONFIG, updated_at: row.updated_at, updated_by: row.updated_by };
}

export async function putIngestConfig(db: DbOrTrx, orgId: number, config: IngestConfig, now: string, actor: string): Promise<void> {
  const json = JSON.stringify(config);
  await db
    .insertInto('ingest_config')
    .values({ org_id: orgId, config_json: json, updated_at: now, updated_by: actor })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ config_json: json, updated_at: now, updated_by: actor }))
    .execute();
}
