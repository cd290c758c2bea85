/**
 * tRPC procedures under `comments.` (mounted at /api: /api/comments.list …). Inputs are the same zod
 * schemas as the REST routes (comments.routes.ts) and both call the same service functions.
 */
import { authedProcedure, writerProcedure } from '../auth/auth.plugin.js';
import { router } from '../http/trpc.js';
import type { CommentsDeps } from './comments.deps.js';
import { addCommentInput, commentIdInput, editCommentInput, listCommentsInput } from './comments.schemas.js';
import { pageFrom } from '../shared/paging.js';
import { addComment, COMMENT_ORDER, deleteComment, editComment, listItemComments } from './comments.service.js';

export const commentsRouter = (deps: CommentsDeps) =>
  router({
    list: authedProcedure
      .input(listCommentsInput)
      .query(({ ctx, input }) => listItemComments(deps, ctx.auth, input, pageFrom({ limit: 200, ...input.pagination }, COMMENT_ORDER, 2))),
    add: writerProcedure.input(addCommentInput).mutation(({ ctx, input }) => addComment(deps, ctx.auth, input, input.body)),
    edit: writerProcedure.input(editCommentInput).mutation(({ ctx, input }) => editComment(deps, ctx.auth, input.comment_id, input.body)),
    delete: writerProcedure.input(commentIdInput).mutation(({ ctx, input }) => deleteComment(deps, ctx.auth, input.comment_id)),
  });
