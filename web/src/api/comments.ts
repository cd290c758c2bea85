/**
 * Comments on a task or a pursuit through TanStack Query and the `comments.*` procedures: one cache
 * key per item, the new comment shown at once (rolled back if the server refuses it), and the list
 * refetched when a `workflow:comment:*` frame names the item (someone else commented, edited or
 * deleted).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from './client.js';
import { useRealtimeEvent, useSession } from './session-context.js';

export type CommentPage = RouterOutputs['comments']['list'];
export type Comment = CommentPage['data'][number];
export type Mention = Comment['mentions'][number];
export interface CommentItem {
  item_type: 'task' | 'pursuit';
  item_id: string;
}

/** The list of one item, per org (the provider is per org). */
export const commentsKey = (item: CommentItem) => ['comments', item.item_type, item.item_id] as const;

/** A comment not yet confirmed by the server has a negative id. */
export const isPending = (c: Comment) => c.comment_id < 0;

export function useComments(item: CommentItem) {
  const { api } = useSession();
  const client = useQueryClient();
  const key = commentsKey(item);
  const query = useQuery({ queryKey: key, queryFn: () => api.trpc.comments.list.query({ item_type: item.item_type, item_id: item.item_id }) });
  const onFrame = (d: { item_type: string; item_id: string }) => {
    if (d.item_type === item.item_type && d.item_id === item.item_id) void client.invalidateQueries({ queryKey: key });
  };
  useRealtimeEvent('workflow:comment:created', onFrame);
  useRealtimeEvent('workflow:comment:updated', onFrame);
  useRealtimeEvent('workflow:comment:deleted', onFrame);
  return query;
}

export function useAddComment(item: CommentItem) {
  const { api, actor, account, keyName, me } = useSession();
  const client = useQueryClient();
  const key = commentsKey(item);
  return useMutation({
    mutationFn: (body: string) => api.trpc.comments.add.mutate({ item_type: item.item_type, item_id: item.item_id, body }),
    onMutate: async (body: string) => {
      // A refetch in flight would overwrite the optimistic entry with the list before it.
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<CommentPage>(key);
      const now = new Date().toISOString();
      const draft: Comment = {
        comment_id: -Date.now(),
        org_id: me.org_id,
        item_type: item.item_type,
        item_id: item.item_id,
        author_actor: actor,
        author_user_id: account?.user.user_id ?? null,
        author_key_id: null,
        author_name: account?.user.name ?? keyName ?? 'You',
        body,
        mentions: [],
        created_at: now,
        updated_at: now,
        edited: false,
      };
      client.setQueryData<CommentPage>(key, (old) =>
        old ? { ...old, data: [...old.data, draft], pagination: { ...old.pagination, total: old.pagination.total + 1 } } : old,
      );
      return { previous };
    },
    onError: (_err, _body, ctx) => {
      if (ctx?.previous) client.setQueryData(key, ctx.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useEditComment(item: CommentItem) {
  const { api } = useSession();
  const client = useQueryClient();
  const key = commentsKey(item);
  return useMutation({
    mutationFn: (v: { comment_id: number; body: string }) => api.trpc.comments.edit.mutate(v),
    onSuccess: (updated) =>
      client.setQueryData<CommentPage>(key, (old) => old && { ...old, data: old.data.map((c) => (c.comment_id === updated.comment_id ? updated : c)) }),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteComment(item: CommentItem) {
  const { api } = useSession();
  const client = useQueryClient();
  const key = commentsKey(item);
  return useMutation({
    mutationFn: (commentId: number) => api.trpc.comments.delete.mutate({ comment_id: commentId }),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}
