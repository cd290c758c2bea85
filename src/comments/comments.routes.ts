/**
 * REST routes of comments under /api/comments, mirroring the `comments.` tRPC procedures: an item's
 * comments at /:item_type/:item_id (task or pursuit), one comment at /:comment_id. Documented in
 * /api/openapi.json.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CommentsDeps } from './comments.deps.js';
import {
  commentBodyInput,
  commentDeletedSchema,
  commentListSchema,
  commentParams,
  commentSchema,
  itemParams,
  listCommentsQuery,
} from './comments.schemas.js';
import { pageFrom } from '../shared/paging.js';
import { addComment, COMMENT_ORDER, deleteComment, editComment, listItemComments } from './comments.service.js';

const tags = ['comments'];

/** Registered with the prefix /api/comments. */
export const commentRoutes: FastifyPluginAsync<{ deps: CommentsDeps }> = async (appIn, { deps }) => {
  const app = appIn.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/:item_type/:item_id',
    {
      schema: {
        tags,
        summary: "An item's comments (item_type task or pursuit), oldest first",
        params: itemParams,
        querystring: listCommentsQuery,
        response: { 200: commentListSchema },
      },
    },
    async (request) => listItemComments(deps, request.auth!, request.params, pageFrom(request.query, COMMENT_ORDER, 2)),
  );

  app.post(
    '/:item_type/:item_id',
    {
      schema: {
        tags,
        summary: 'Comment on a task or a pursuit (Markdown; @email mentions of members resolved)',
        params: itemParams,
        body: commentBodyInput,
        response: { 201: commentSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addComment(deps, request.auth!, request.params, request.body.body)),
  );

  app.patch(
    '/:comment_id',
    { schema: { tags, summary: 'Edit a comment (its author only)', params: commentParams, body: commentBodyInput, response: { 200: commentSchema } } },
    async (request) => editComment(deps, request.auth!, request.params.comment_id, request.body.body),
  );

  app.delete(
    '/:comment_id',
    { schema: { tags, summary: 'Delete a comment (its author, or an admin)', params: commentParams, response: { 200: commentDeletedSchema } } },
    async (request) => deleteComment(deps, request.auth!, request.params.comment_id),
  );
};
