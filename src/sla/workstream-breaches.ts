/**
 * The workstream half of an SLA pass: for each active rule, one query finds the items that violate
 * it now (the threshold becomes a single cutoff instant, computed in the rule's business time), new
 * breaches are inserted in one statement, and breaches whose condition no longer holds are resolved
 * in one statement. Cost follows the number of rules, not the number of items.
 */
import type { SelectQueryBuilder } from 'kysely';
import { inOrgGroup, type OrgGroup } from '../db/org-group.js';
import type { Trx } from '../db/create-db.js';
import type { DB } from '../db/types.js';
import { appendEvents, type NewWorkEvent } from '../outbox/work-events.repository.js';
import { subtractBusinessHours } from './calendar.js';
import { WORKSTREAM_METRICS, toSlaRule, type SlaRule, type WorkstreamMetric } from './rules.repository.js';
import { openBreaches, resolveBreaches, tallyBreaches, type BreachTally } from './breaches.repository.js';

interface MetricSpec {
  itemType: 'candidate' | 'pursuit';
  reason: string;
  /** Ids (as text) of the org's items violating the rule at `cutoff`. */
  violating(trx: Trx, orgId: number, cutoff: string): SelectQueryBuilder<DB, any, { item_id: string }>;
}

const OPEN_CANDIDATE = ['new', 'triaged', 'nurture', 'on_hold'] as const;
const EARLY_STAGES = ['qual', 'pink', 'red'] as const;

export const METRICS: Record<WorkstreamMetric, MetricSpec> = {
  // An open candidate untouched for longer than the threshold.
  triage_sla: {
    itemType: 'candidate',
    reason: 'untouched',
    violating: (trx, orgId, cutoff) =>
      trx
        .selectFrom('candidate as c')
        .select((eb) => eb.cast<string>('c.candidate_id', 'text').as('item_id'))
        .where('c.org_id', '=', orgId)
        .where('c.status', 'in', OPEN_CANDIDATE)
        .where('c.last_touch_at', '<', cutoff),
  },
  // A pursuit in qual/pink/red older than the threshold whose proposals are all drafts (or missing).
  proposal_sla: {
    itemType: 'pursuit',
    reason: 'proposal_overdue',
    violating: (trx, orgId, cutoff) =>
      trx
        .selectFrom('pursuit as p')
        .select((eb) => eb.cast<string>('p.pursuit_id', 'text').as('item_id'))
        .where('p.org_id', '=', orgId)
        .where('p.pursuit_stage', 'in', EARLY_STAGES)
        .where('p.created_at', '<', cutoff)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('proposal as pr')
                .select('pr.proposal_id')
                .whereRef('pr.org_id', '=', 'p.org_id')
                .whereRef('pr.pursuit_id', '=', 'p.pursuit_id')
                .where('pr.status', '<>', 'draft'),
            ),
          ),
        ),
  },
  // A submitted pursuit whose latest sent proposal went out longer ago than the threshold, with no
  // answer (accepted/rejected) and no won/lost yet.
  submit_sla: {
    itemType: 'pursuit',
    reason: 'response_overdue',
    violating: (trx, orgId, cutoff) =>
      trx
        .selectFrom('pursuit as p')
        .select((eb) => eb.cast<string>('p.pursuit_id', 'text').as('item_id'))
        .where('p.org_id', '=', orgId)
        .where('p.pursuit_stage', '=', 'submit')
        .where((eb) =>
          eb(
            eb
              .selectFrom('proposal as pr')
              .select((s) => s.fn.max('pr.sent_at').as('last_sent'))
              .whereRef('pr.org_id', '=', 'p.org_id')
              .whereRef('pr.pursuit_id', '=', 'p.pursuit_id')
              .where('pr.status', '=', 'sent'),
            '<',
            cutoff,
          ),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('proposal as pr')
                .select('pr.proposal_id')
                .whereRef('pr.org_id', '=', 'p.org_id')
                .whereRef('pr.pursuit_id', '=', 'p.pursuit_id')
                .where('pr.status', 'in', ['accepted', 'rejected']),
            ),
          ),
        ),
  },
};

export interface WorkstreamSummary {
  opened: number;
  resolved: number;
  byMetric: BreachTally;
}

export async function evaluateWorkstreamRules(trx: Trx, nowIso: string, orgGroup?: OrgGroup): Promise<WorkstreamSummary> {
  const nowMs = Date.parse(nowIso);
  const inGroup = inOrgGroup(orgGroup, 'org_id');
  const rules: SlaRule[] = (
    await trx
      .selectFrom('sla_rule')
      .selectAll()
      .where('metric', 'in', [...WORKSTREAM_METRICS])
      .where('is_active', '=', true as never)
      .$if(inGroup !== undefined, (q) => q.where(inGroup!))
      .execute()
  ).map(toSlaRule);
  const events: NewWorkEvent[] = [];
  let opened = 0;
  let resolved = 0;

  for (const rule of rules) {
    const spec = METRICS[rule.metric as WorkstreamMetric];
    const cutoff = new Date(subtractBusinessHours(nowMs, rule.threshold_hrs, rule.calendar)).toISOString();
    const violating = spec.violating(trx, rule.org_id, cutoff);

    const fresh = await violating
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('sla_breach as b')
              .select('b.breach_id')
              .where('b.org_id', '=', rule.org_id)
              .where('b.rule_id', '=', rule.rule_id)
              .where('b.item_type', '=', spec.itemType)
              .where('b.resolved_at', 'is', null)
              .whereRef('b.item_id', '=', eb.cast<string>(spec.itemType === 'candidate' ? 'c.candidate_id' : 'p.pursuit_id', 'text') as never),
          ),
        ),
      )
      .execute();
    const breached = await openBreaches(
      trx,
      fresh.map((f) => ({
        org_id: rule.org_id,
        item_type: spec.itemType,
        item_id: f.item_id,
        rule_id: rule.rule_id,
        metric: rule.metric,
        reason_code: spec.reason,
        breached_at: nowIso,
      })),
      nowIso,
    );
    const gone = await resolveBreaches(trx, nowIso, (q) =>
      q
        .where('org_id', '=', rule.org_id)
        .where('rule_id', '=', rule.rule_id)
        .where((eb) => eb.or([eb('item_type', '<>', spec.itemType), eb('item_id', 'not in', violating)])),
    );
    opened += breached.length;
    resolved += gone.length;
    events.push(...breached, ...gone);
  }

  // Breaches of rules that were deactivated or deleted (or changed to a non-workstream metric).
  const breachInGroup = inOrgGroup(orgGroup, 'sla_breach.org_id');
  const orphaned = await resolveBreaches(trx, nowIso, (q) =>
    q.$if(breachInGroup !== undefined, (w) => w.where(breachInGroup!)).where('item_type', 'in', ['candidate', 'pursuit']).where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('sla_rule as r')
            .select('r.rule_id')
            .whereRef('r.org_id', '=', 'sla_breach.org_id')
            .whereRef('r.rule_id', '=', 'sla_breach.rule_id')
            .where('r.is_active', '=', true as never)
            .where('r.metric', 'in', [...WORKSTREAM_METRICS]),
        ),
      ),
    ),
  );
  resolved += orphaned.length;
  events.push(...orphaned);

  for (let i = 0; i < events.length; i += 500) await appendEvents(trx, events.slice(i, i + 500));
  return { opened, resolved, byMetric: tallyBreaches({}, events) };
}
