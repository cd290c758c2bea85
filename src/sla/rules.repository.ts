import type { DbOrTrx } from '../db/create-db.js';
import { toBool, type Row } from '../db/types.js';
import { parseCalendarJson, type Calendar } from './calendar.js';

/** Workstream metrics (docs/contract.md); task rules are `priority:<P>` or `category:<name>`. */
export const WORKSTREAM_METRICS = ['triage_sla', 'proposal_sla', 'submit_sla'] as const;
export type WorkstreamMetric = (typeof WORKSTREAM_METRICS)[number];

/** Default task windows by priority, seeded for every org as editable rules. */
export const DEFAULT_PRIORITY_HOURS = { CRITICAL: 4, HIGH: 8, MEDIUM: 24, NORMAL: 48 } as const;

export interface SlaRule {
  rule_id: number;
  org_id: number;
  metric: string;
  threshold_hrs: number;
  /** Task rules: hours to the first response; null: no first-response target. */
  first_response_hrs: number | null;
  warn_pct: number;
  is_active: boolean;
  calendar: Calendar | null;
  created_at: string;
  updated_at: string;
}

export function toSlaRule(r: Row<'sla_rule'>): SlaRule {
  return {
    rule_id: r.rule_id,
    org_id: r.org_id,
    metric: r.metric,
    threshold_hrs: Number(r.threshold_hrs),
    first_response_hrs: r.first_response_hrs === null || r.first_response_hrs === undefined ? null : Number(r.first_response_hrs),
    warn_pct: Number(r.warn_pct),
    is_active: toBool(r.is_active),
    calendar: parseCalendarJson(r.calendar_json),
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

export async function seedDefaultTaskRules(trx: DbOrTrx, orgId: number, now: string): Promise<void> {
  await trx
    .insertInto('sla_rule')
    .values(
      Object.entries(DEFAULT_PRIORITY_HOURS).map(([p, hrs]) => ({
        org_id: orgId,
        metric: `priority:${p}`,
        threshold_hrs: hrs,
        warn_pct: 75,
        is_active: true,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

export async function listRules(db: DbOrTrx, orgId: number, opts: { activeOnly?: boolean; metric?: string } = {}): Promise<SlaRule[]> {
  let q = db.selectFrom('sla_rule').selectAll().where('org_id', '=', orgId);
  if (opts.activeOnly) q = q.where('is_active', '=', true as never);
  if (opts.metric) q = q.where('metric', '=', opts.metric);
  return (await q.orderBy('rule_id').execute()).map(toSlaRule);
}

export async function getRule(db: DbOrTrx, orgId: number, ruleId: number): Promise<SlaRule | undefined> {
  const r = await db.selectFrom('sla_rule').selectAll().where('org_id', '=', orgId).where('rule_id', '=', ruleId).executeTakeFirst();
  return r ? toSlaRule(r) : undefined;
}

export interface RuleInput {
  metric: string;
  threshold_hrs: number;
  first_response_hrs?: number | null;
  warn_pct: number;
  is_active: boolean;
  calendar: Calendar | null;
}

export async function insertRule(trx: DbOrTrx, orgId: number, input: RuleInput, now: string): Promise<SlaRule> {
  const r = await trx
    .insertInto('sla_rule')
    .values({
      org_id: orgId,
      metric: input.metric,
      threshold_hrs: input.threshold_hrs,
      first_response_hrs: input.first_response_hrs ?? null,
      warn_pct: input.warn_pct,
      is_active: input.is_active,
      calendar_json: input.calendar ? JSON.stringify(input.calendar) : null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSlaRule(r);
}

export async function updateRule(
  trx: DbOrTrx,
  orgId: number,
  ruleId: number,
  patch: Partial<RuleInput>,
  now: string,
): Promise<SlaRule | undefined> {
  const r = await trx
    .updateTable('sla_rule')
    .set({
      ...(patch.metric !== undefined ? { metric: patch.metric } : {}),
      ...(patch.threshold_hrs !== undefined ? { threshold_hrs: patch.threshold_hrs } : {}),
      ...(patch.first_response_hrs !== undefined ? { first_response_hrs: patch.first_response_hrs } : {}),
      ...(patch.warn_pct !== undefined ? { warn_pct: patch.warn_pct } : {}),
      ...(patch.is_active !== undefined ? { is_active: patch.is_active } : {}),
      ...(patch.calendar !== undefined ? { calendar_json: patch.calendar ? JSON.stringify(patch.calendar) : null } : {}),
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('rule_id', '=', ruleId)
    .returningAll()
    .executeTakeFirst();
  return r ? toSlaRule(r) : undefined;
}

export async function deleteRule(trx: DbOrTrx, orgId: number, ruleId: number): Promise<boolean> {
  const res = await trx.deleteFrom('sla_rule').where('org_id', '=', orgId).where('rule_id', '=', ruleId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/**
 * The rule that sets a task's window: an active `category:<name>` rule wins over the active
 * `priority:<P>` rule (the most specific promise made to the customer); newest first on ties.
 */
export function pickTaskRule(rules: SlaRule[], category: string, priority: string): SlaRule | undefined {
  const active = rules.filter((r) => r.is_active).sort((a, b) => b.rule_id - a.rule_id);
  return active.find((r) => r.metric === `category:${category}`) ?? active.find((r) => r.metric === `priority:${priority}`);
}
