/**
 * The zod schemas of comments, shared by the tRPC procedures (comments.router.ts) and the REST
 * routes (comments.routes.ts), so both accept the same input and answer the same shapes.
 */
import { z } from 'zod';
import { decimalInt, orgIdQuery, positiveId } from '../http/params.js';
import { pageQuery, paginationSchema } from '../http/paging.js';
import { COMMENT_BODY_MAX } from './mentions.js';

export const COMMENT_ITEM_TYPES = ['task', 'pursuit'] as const;
export const commentItemType = z.enum(COMMENT_ITEM_TYPES);

/** Accepted so a matching org_id passes; another org's id is refused with 403 before this. */
const orgIdField = z.number().int().optional();

/** Markdown source: not blank, at most 10,000 characters; stored as written (never as HTML). */
export const commentBody = z
  .string()
  .max(COMMENT_BODY_MAX, `must be at most ${COMMENT_BODY_MAX} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty');

const PURSUIT_ID = /^[1-9][0-9]{0,15}$/;

/** A task id, or a pursuit id (a number, or its decimal text); answered as text either way. */
const itemIdField = z.union([z.string().trim().min(1).max(100), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]).transform(String);

function checkItemId(v: { item_type: string; item_id: string }, ctx: z.RefinementCtx): void {
  if (v.item_type === 'pursuit' && !PURSUIT_ID.test(v.item_id)) {
    ctx.addIssue({ code: 'custom', path: ['item_id'], message: 'a pursuit id is a positive whole number', input: v.item_id });
  }
}

// ------------------------------------------------------------------ tRPC inputs
export const listCommentsInput = z
  .object({
    org_id: orgIdField,
    item_type: commentItemType,
    item_id: itemIdField,
    pagination: z
      .object({ page: z.number().int().min(1).max(1_000_000).default(1), limit: z.number().int().min(1).max(200).default(200), cursor: z.string().min(1).max(1_000).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine(checkItemId);
export type ListCommentsInput = z.infer<typeof listCommentsInput>;

export const addCommentInput = z
  .object({ org_id: orgIdField, item_type: commentItemType, item_id: itemIdField, body: commentBody })
  .strict()
  .superRefine(checkItemId);

export const editCommentInput = z.object({ org_id: orgIdField, comment_id: z.number().int().positive(), body: commentBody }).strict();
export const commentIdInput = z.object({ org_id: orgIdField, comment_id: z.number().int().positive() }).strict();

// ------------------------------------------------------------------ REST
export const itemParams = z
  .object({ item_type: commentItemType, item_id: z.string().min(1).max(100) })
  .strict()
  .superRefine(checkItemId);
export const commentParams = z.object({ comment_id: positiveId }).strict();
export const listCommentsQuery = z
  .object({ page: pageQuery.shape.page, limit: decimalInt({ min: 1, max: 200 }).default(200), cursor: pageQuery.shape.cursor, org_id: orgIdQuery })
  .strict();
export const commentBodyInput = z.object({ org_id: orgIdField, body: commentBody }).strict();

// ------------------------------------------------------------------ answers
export const mentionSchema = z.object({ user_id: z.number(), name: z.string(), email: z.string() });
export const commentSchema = z.object({
  comment_id: z.number(),
  org_id: z.number(),
  item_type: commentItemType,
  item_id: z.string(),
  /** `user:<id>` or `key:<id>`: the one who may edit it. */
  author_actor: z.string(),
  author_user_id: z.number().nullable(),
  author_key_id: z.number().nullable(),
  /** The person's name, or the key's name (`key <id>` without one). */
  author_name: z.string(),
  /** Markdown source, as written. */
  body: z.string(),
  /** The org's members it mentions, resolved when written. */
  mentions: z.array(mentionSchema),
  created_at: z.string(),
  updated_at: z.string(),
  edited: z.boolean(),
});
export type CommentView = z.infer<typeof commentSchema>;
export type MentionView = z.infer<typeof mentionSchema>;
export const commentListSchema = z.object({ data: z.array(commentSchema), pagination: paginationSchema });
export const commentDeletedSchema = z.object({ success: z.literal(true), comment_id: z.number() });
