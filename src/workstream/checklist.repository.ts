import type { Kysely } from 'kysely';
import type { DbOrTrx } from '../db/create-db.js';
import { toBool, type Row } from '../db/types.js';
import { checklistReadinessQuery, isMissingRequired } from './today.query.js';

export interface ChecklistItem {
  item_id: number;
  pursuit_id: number;
  name: string;
  is_required: boolean;
  is_done: boolean;
  done_at: string | null;
  done_by: string | null;
  created_at: string;
}

export function toChecklistItem(r: Row<'pursuit_checklist'>): ChecklistItem {
  return {
    item_id: r.item_id,
    pursuit_id: r.pursuit_id,
    name: r.name,
    is_required: toBool(r.is_required),
    is_done: toBool(r.is_done),
    done_at: r.done_at,
    done_by: r.done_by,
    created_at: r.created_at,
  };
}

export async function listChecklist(db: DbOrTrx, orgId: number, pursuitId: number): Promise<ChecklistItem[]> {
  const rows = await db
    .selectFrom('pursuit_checklist')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('pursuit_id', '=', pursuitId)
    .orderBy('item_id')
    .execute();
  return rows.map(toChecklistItem);
}

export async function addChecklistItem(
  db: DbOrTrx,
  i: { orgId: number; pursuitId: number; name: string; isRequired: boolean; now: string },
): Promise<ChecklistItem> {
  const row = await db
    .insertInto('pursuit_checklist')
    .values({ org_id: i.orgId, pursuit_id: i.pursuitId, name: i.name, is_required: i.isRequired, is_done: false, created_at: i.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toChecklistItem(row);
}

/** Several items of one pursuit in one statement; a done one records who and when. */
export async function insertChecklistItems(
  db: DbOrTrx,
  i: { orgId: number; pursuitId: number; items: Array<{ name: string; isRequired: boolean; done?: { at: string; by: string } }>; now: string },
): Promise<void> {
  if (i.items.length === 0) return;
  await db
    .insertInto('pursuit_checklist')
    .values(
      i.items.map((item) => ({
        org_id: i.orgId,
        pursuit_id: i.pursuitId,
        name: item.name,
        is_required: item.isRequired,
        is_done: item.done !== undefined,
        done_at: item.done?.at ?? null,
        done_by: item.done?.by ?? null,
        created_at: i.now,
      })),
    )
    .execute();
}

export interface ChecklistPatch {
  name?: string;
  is_required?: boolean;
  is_done?: boolean;
}

/** Marking done records who and when; marking undone clears both. */
export async function updateChecklistItem(
  db: DbOrTrx,
  u: { orgId: number; pursuitId: number; itemId: number; patch: ChecklistPatch; actor: string; now: string },
): Promise<ChecklistItem | undefined> {
  const { is_done, ...rest } = u.patch;
  const done =
    is_done === undefined ? {} : is_done ? { is_done: true, done_at: u.now, done_by: u.actor } : { is_done: false, done_at: null, done_by: null };
  const row = await db
    .updateTable('pursuit_checklist')
    .set({ ...rest, ...done })
    .where('org_id', '=', u.orgId)
    .where('pursuit_id', '=', u.pursuitId)
    .where('item_id', '=', u.itemId)
    .returningAll()
    .executeTakeFirst();
  return row && toChecklistItem(row);
}

export async function deleteChecklistItem(
  db: DbOrTrx,
  orgId: number,
  pursuitId: number,
  itemId: number,
): Promise<ChecklistItem | undefined> {
  const row = await db
    .deleteFrom('pursuit_checklist')
    .where('org_id', '=', orgId)
    .where('pursuit_id', '=', pursuitId)
    .where('item_id', '=', itemId)
    .returningAll()
    .executeTakeFirst();
  return row && toChecklistItem(row);
}

/** Names of the required items not done yet: what blocks submit (the readiness rule of the view). */
export async function missingRequiredItems(db: DbOrTrx, orgId: number, pursuitId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('pursuit_checklist as k')
    .select('k.name')
    .where('k.org_id', '=', orgId)
    .where('k.pursuit_id', '=', pursuitId)
    .where(isMissingRequired('k'))
    .orderBy('k.item_id')
    .execute();
  return rows.map((r) => r.name);
}

export interface Readiness {
  items_total: number;
  required_total: number;
  required_done: number;
  missing_required: number;
  is_ready: boolean;
}

/**
 * Readiness from the view's own definition, filtered before grouping so one pursuit costs one index
 * range on either engine (a filter on the grouped view is not pushed down everywhere).
 */
export async function checklistReadiness(db: DbOrTrx, orgId: number, pursuitId: number): Promise<Readiness> {
  const r = await checklistReadinessQuery(db as unknown as Kysely<any>)
    .where('p.org_id', '=', orgId)
    .where('p.pursuit_id', '=', pursuitId)
    .executeTakeFirst();
  return {
    items_total: Number(r?.items_total ?? 0),
    required_total: Number(r?.required_total ?? 0),
    required_done: Number(r?.required_done ?? 0),
    missing_required: Number(r?.missing_required ?? 0),
    is_ready: Number(r?.is_ready ?? 1) === 1,
  };
}
