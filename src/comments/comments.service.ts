/**
 * Comments on tasks and pursuits, shared by the tRPC procedures and the REST routes. Each write is
 * one transaction: the comment and its work event (`comment.created`, `.updated`, `.deleted`)
 * commit together. The item must exist in the caller's org (404 otherwise, like a missing one);
 * mentions resolve only to active members of that org.
 */
import type { DbOrTrx } from '../db/create-db.js';
import type { CommentItemType } from '../db/types.js';
import { transact } from '../db/transact.js';
import { appendEvent } from '../outbox/work-events.repository.js';
import type { AuthContext } from '../shared/auth-context.js';
import { forbidden, notFound } from '../shared/errors.js';
import { paged, type PageQuery } from '../shared/paging.js';
import { findTask } from '../workflow/tasks.repository.js';
import { getPursuit } from '../workstream/pursuits.repository.js';
import type { CommentsDeps } from './comments.deps.js';
import {
  activeMembersByEmail,
  findComment,
  getCommentWithAuthor,
  insertComment,
  listComments as listCommentRows,
  membersById,
  mentionIdsOf,
  toCommentView,
  updateComment,
  type CommentRow,
} from './comments.repository.js';
import type { CommentView } from './comments.schemas.js';
import { mentionedEmails, plainExcerpt } from './mentions.js';

export interface ItemRef {
  item_type: CommentItemType;
  item_id: string;
}

/** The item's title (for events), or undefined when the org has no such item. */
async function itemTitle(db: DbOrTrx, orgId: number, ref: ItemRef): Promise<string | undefined> {
  if (ref.item_type === 'task') return (await findTask(db, orgId, ref.item_id))?.title;
  const pursuit = await getPursuit(db, orgId, Number(ref.item_id));
  return pursuit && (pursuit.title ?? `Pursuit ${pursuit.pursuit_id}`);
}

/** The item's title, or 404 (another org's item is missing like any other). */
async function requireItem(db: DbOrTrx, orgId: number, ref: ItemRef): Promise<string> {
  const title = await itemTitle(db, orgId, ref);
  if (title === undefined) throw notFound(`${ref.item_type === 'task' ? 'Task' : 'Pursuit'} ${ref.item_id}`);
  return title;
}

/** Who writes: the person of a session, else the key (by id: names change and repeat). */
function authorOf(auth: AuthContext): { actor: string; userId: number | null; keyId: number | null } {
  if (auth.via === 'session' && auth.userId !== null) return { actor: `user:${auth.userId}`, userId: auth.userId, keyId: null };
  return { actor: `key:${auth.keyId}`, userId: null, keyId: auth.keyId };
}

/** The body's mentions that name active members of the org, in the order written. */
async function resolveMentions(db: DbOrTrx, orgId: number, body: string): Promise<number[]> {
  const emails = mentionedEmails(body);
  const members = await activeMembersByEmail(db, orgId, emails);
  const byEmail = new Map(members.map((m) => [m.email, m.user_id]));
  return emails.flatMap((e) => byEmail.get(e) ?? []);
}

async function viewOf(db: DbOrTrx, orgId: number, commentId: number): Promise<CommentView> {
  const row = (await getCommentWithAuthor(db, orgId, commentId))!;
  return toCommentView(row, await membersById(db, orgId, mentionIdsOf(row)));
}

function commentPayload(row: CommentRow, title: string, mentioned: number[]) {
  return {
    comment_id: row.comment_id,
    item_type: row.item_type,
    item_id: row.item_id,
    title,
    author_user_id: row.author_user_id,
    mentioned_user_ids: mentioned,
    excerpt: plainExcerpt(row.body),
  };
}

/** Oldest first: a comment's key is when it was written, then its id. */
export const COMMENT_ORDER = 'comments:created_at,comment_id:asc';
const COMMENT_CURSOR = { scope: COMMENT_ORDER, keyOf: (c: CommentView) => [c.created_at, c.comment_id] };

export async function listItemComments(deps: Pick<CommentsDeps, 'database'>, auth: AuthContext, ref: ItemRef, page: PageQuery) {
  const db = deps.database.db;
  await requireItem(db, auth.orgId, ref);
  const { rows, total } = await listCommentRows(db, { orgId: auth.orgId, itemType: ref.item_type, itemId: ref.item_id, page });
  const members = await membersById(db, auth.orgId, rows.flatMap(mentionIdsOf));
  return paged(
    rows.map((r) => toCommentView(r, members)),
    page,
    total,
    COMMENT_CURSOR,
  );
}

export async function addComment(deps: CommentsDeps, auth: AuthContext, ref: ItemRef, body: string): Promise<CommentView> {
  const at = deps.clock.now().toISOString();
  const author = authorOf(auth);
  return transact(deps, async (trx) => {
    const title = await requireItem(trx, auth.orgId, ref);
    const mentioned = await resolveMentions(trx, auth.orgId, body);
    const row = await insertComment(trx, {
      org_id: auth.orgId,
      item_type: ref.item_type,
      item_id: ref.item_id,
      author_actor: author.actor,
      author_user_id: author.userId,
      author_key_id: author.keyId,
      body,
      mentioned_user_ids: JSON.stringify(mentioned),
      created_at: at,
      updated_at: at,
      deleted_at: null,
    });
    await appendEvent(trx, {
      orgId: auth.orgId,
      eventName: 'comment.created',
      itemType: ref.item_type,
      itemId: ref.item_id,
      actor: auth.actor,
      happenedAt: at,
      payload: commentPayload(row, title, mentioned),
    });
    return viewOf(trx, auth.orgId, row.comment_id);
  });
}

/** The comment, locked for the change, with the title of its item; 404 when gone or another org's. */
async function commentToChange(deps: CommentsDeps, trx: DbOrTrx, auth: AuthContext, commentId: number) {
  // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs the row lock.
  const row = await findComment(trx, auth.orgId, commentId, !deps.database.caps.singleWriter);
  if (!row) throw notFound(`Comment ${commentId}`);
  const title = await itemTitle(trx, auth.orgId, row);
  if (title === undefined) throw notFound(`Comment ${commentId}`);
  return { row, title, mine: row.author_actor === authorOf(auth).actor };
}

export async function editComment(deps: CommentsDeps, auth: AuthContext, commentId: number, body: string): Promise<CommentView> {
  const at = deps.clock.now().toISOString();
  return transact(deps, async (trx) => {
    const { row, title, mine } = await commentToChange(deps, trx, auth, commentId);
    if (!mine) throw forbidden('Only the author of a comment may edit it');
    // The same text again changes nothing: no event, updated_at left alone.
    if (body === row.body) return viewOf(trx, auth.orgId, commentId);
    const mentioned = await resolveMentions(trx, auth.orgId, body);
    const before = new Set(mentionIdsOf(row));
    const updated = await updateComment(trx, auth.orgId, commentId, { body, mentioned_user_ids: JSON.stringify(mentioned), updated_at: at });
    await appendEvent(trx, {
      orgId: auth.orgId,
      eventName: 'comment.updated',
      itemType: row.item_type,
      itemId: row.item_id,
      actor: auth.actor,
      happenedAt: at,
      payload: { ...commentPayload(updated, title, mentioned), added_mentioned_user_ids: mentioned.filter((id) => !before.has(id)) },
    });
    return viewOf(trx, auth.orgId, commentId);
  });
}

export async function deleteComment(deps: CommentsDeps, auth: AuthContext, commentId: number): Promise<{ success: true; comment_id: number }> {
  const at = deps.clock.now().toISOString();
  return transact(deps, async (trx) => {
    const { row, title, mine } = await commentToChange(deps, trx, auth, commentId);
    if (!mine && auth.role !== 'admin') throw forbidden('Only the author of a comment or an admin may delete it');
    // The row stays (its events name it); its text and mentions go.
    await updateComment(trx, auth.orgId, commentId, { body: '', mentioned_user_ids: '[]', updated_at: at, deleted_at: at });
    await appendEvent(trx, {
      orgId: auth.orgId,
      eventName: 'comment.deleted',
      itemType: row.item_type,
      itemId: row.item_id,
      actor: auth.actor,
      happenedAt: at,
      payload: { comment_id: row.comment_id, item_type: row.item_type, item_id: row.item_id, title, author_user_id: row.author_user_id },
    });
    return { success: true as const, comment_id: commentId };
  });
}
