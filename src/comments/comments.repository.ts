/**
 * Comments (item_comment) and the people they name. Every query is scoped to one org: a comment,
 * its author's name and its mentions never come from another org.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/create-db.js';
import type { CommentItemType, NewRow, Row } from '../db/types.js';
import type { PageQuery } from '../shared/paging.js';
import { pageOffset } from '../shared/paging.js';
import type { CommentView, MentionView } from './comments.schemas.js';
import { keysetAfter } from '../db/keyset.js';

export type CommentRow = Row<'item_comment'>;
type CommentWithAuthor = CommentRow & { user_name: string | null; key_name: string | null };

/** Ids per IN list (far under SQLite's bound-parameter limit). */
const LOOKUP_CHUNK = 500;

export async function insertComment(db: DbOrTrx, row: NewRow<'item_comment'>): Promise<CommentRow> {
  return db.insertInto('item_comment').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A comment of the org that is not deleted; `lock` takes the row lock (PostgreSQL). */
export async function findComment(db: DbOrTrx, orgId: number, commentId: number, lock = false): Promise<CommentRow | undefined> {
  let q = db.selectFrom('item_comment').selectAll().where('org_id', '=', orgId).where('comment_id', '=', commentId).where('deleted_at', 'is', null);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateComment(
  db: DbOrTrx,
  orgId: number,
  commentId: number,
  set: { body: string; mentioned_user_ids: string; updated_at: string; deleted_at?: string },
): Promise<CommentRow> {
  return db
    .updateTable('item_comment')
    .set(set)
    .where('org_id', '=', orgId)
    .where('comment_id', '=', commentId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every comment of an item, deleted with it (a task's comments go with the task). */
export async function deleteItemComments(db: DbOrTrx, orgId: number, itemType: CommentItemType, itemId: string): Promise<void> {
  await db.deleteFrom('item_comment').where('org_id', '=', orgId).where('item_type', '=', itemType).where('item_id', '=', itemId).execute();
}

function withAuthor(db: DbOrTrx) {
  return db
    .selectFrom('item_comment as c')
    .leftJoin('app_user as u', 'u.user_id', 'c.author_user_id')
    .leftJoin('api_key as k', (j) => j.onRef('k.key_id', '=', 'c.author_key_id').onRef('k.org_id', '=', 'c.org_id'))
    .selectAll('c')
    .select(['u.name as user_name', 'k.name as key_name']);
}

/** An item's comments, oldest first (deleted ones left out), and how many there are. */
export async function listComments(
  db: DbOrTrx,
  q: { orgId: number; itemType: CommentItemType; itemId: string; page: PageQuery },
): Promise<{ rows: CommentWithAuthor[]; total: number }> {
  const [rows, count] = await Promise.all([
    withAuthor(db)
      .where('c.org_id', '=', q.orgId)
      .where('c.item_type', '=', q.itemType)
      .where('c.item_id', '=', q.itemId)
      .where('c.deleted_at', 'is', null)
      .$if(q.page.after !== undefined, (b) => b.where(keysetAfter([sql.ref('c.created_at'), sql.ref('c.comment_id')], 'asc', q.page.after!)))
      .orderBy('c.created_at')
      .orderBy('c.comment_id')
      .limit(q.page.limit)
      .offset(pageOffset(q.page))
      .execute(),
    db
      .selectFrom('item_comment')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('org_id', '=', q.orgId)
      .where('item_type', '=', q.itemType)
      .where('item_id', '=', q.itemId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function getCommentWithAuthor(db: DbOrTrx, orgId: number, commentId: number): Promise<CommentWithAuthor | undefined> {
  return withAuthor(db).where('c.org_id', '=', orgId).where('c.comment_id', '=', commentId).executeTakeFirst();
}

/** The active members of the org with these (lowercased) addresses: who a mention may name. */
export async function activeMembersByEmail(db: DbOrTrx, orgId: number, emails: string[]): Promise<MentionView[]> {
  if (emails.length === 0) return [];
  return db
    .selectFrom('org_membership as m')
    .innerJoin('app_user as u', 'u.user_id', 'm.user_id')
    .select(['u.user_id', 'u.name', 'u.email'])
    .where('m.org_id', '=', orgId)
    .where('u.status', '=', 'active')
    .where('u.email', 'in', emails.slice(0, LOOKUP_CHUNK))
    .execute();
}

/** Members of the org among these ids (a person who has left since is no longer shown). */
export async function membersById(db: DbOrTrx, orgId: number, userIds: number[]): Promise<Map<number, MentionView>> {
  const out = new Map<number, MentionView>();
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('org_membership as m')
      .innerJoin('app_user as u', 'u.user_id', 'm.user_id')
      .select(['u.user_id', 'u.name', 'u.email'])
      .where('m.org_id', '=', orgId)
      .where('u.user_id', 'in', unique.slice(i, i + LOOKUP_CHUNK))
      .execute();
    for (const r of rows) out.set(r.user_id, r);
  }
  return out;
}

export function mentionIdsOf(row: Pick<CommentRow, 'mentioned_user_ids'>): number[] {
  try {
    const v = JSON.parse(row.mentioned_user_ids) as unknown;
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  } catch {
    return [];
  }
}

/** A row (with its author's names) as the API answers it. */
export function toCommentView(r: CommentWithAuthor, members: Map<number, MentionView>): CommentView {
  return {
    comment_id: r.comment_id,
    org_id: r.org_id,
    item_type: r.item_type,
    item_id: r.item_id,
    author_actor: r.author_actor,
    author_user_id: r.author_user_id,
    author_key_id: r.author_key_id,
    author_name: r.user_name ?? r.key_name ?? r.author_actor.replace(':', ' '),
    body: r.body,
    mentions: mentionIdsOf(r).flatMap((id) => members.get(id) ?? []),
    created_at: r.created_at,
    updated_at: r.updated_at,
    edited: Date.parse(r.updated_at) !== Date.parse(r.created_at),
  };
}
