/**
 * Routing rules: a category's new tasks go to an owner (the free-text current_owner) and, when the
 * rule says so, are assigned to a user or round-robin in a team (assignment.ts). Category "*" is the
 * fallback for the rest.
 */
import type { DbOrTrx } from '../db/create-db.js';
import type { Row } from '../db/types.js';

export type RoutingRule = Row<'ingest_routing_rule'>;
export const FALLBACK_CATEGORY = '*';

export async function listRoutingRules(db: DbOrTrx, orgId: number): Promise<RoutingRule[]> {
  return db.selectFrom('ingest_routing_rule').selectAll().where('org_id', '=', orgId).orderBy('category').execute();
}

export async function getRoutingRule(db: DbOrTrx, orgId: number, category: string): Promise<RoutingRule | undefined> {
  return db.selectFrom('ingest_routing_rule').selectAll().where('org_id', '=', orgId).where('category', '=', category).executeTakeFirst();
}

export async function upsertRoutingRule(
  db: DbOrTrx,
  orgId: number,
  input: { category: string; owner: string; owner_email: string | null; assign_user_id?: number | null; assign_team_id?: number | null },
  now: string,
): Promise<RoutingRule> {
  const fields = {
    owner: input.owner,
    owner_email: input.owner_email,
    assign_user_id: input.assign_user_id ?? null,
    assign_team_id: input.assign_team_id ?? null,
  };
  return db
    .insertInto('ingest_routing_rule')
    .values({ org_id: orgId, category: input.category, ...fields, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['org_id', 'category']).doUpdateSet({ ...fields, updated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteRoutingRule(db: DbOrTrx, orgId: number, category: string): Promise<boolean> {
  const r = await db.deleteFrom('ingest_routing_rule').where('org_id', '=', orgId).where('category', '=', category).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function routeFor(rules: RoutingRule[], category: string): RoutingRule | undefined {
  return rules.find((r) => r.category === category) ?? rules.find((r) => r.category === FALLBACK_CATEGORY);
}

/** The categories whose rule assigns to the team (a team in use cannot be deleted). */
export async function categoriesAssignedToTeam(db: DbOrTrx, orgId: number, teamId: number): Promise<string[]> {
  const rows = await db.selectFrom('ingest_routing_rule').select('category').where('org_id', '=', orgId).where('assign_team_id', '=', teamId).orderBy('category').execute();
  return rows.map((r) => r.category);
}
