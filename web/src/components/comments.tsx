/**
 * Comments on a task or a pursuit: one entry of a timeline (with edit and delete for its author, and
 * delete for admins), the composer (Markdown, with a preview) for members and admins, and the panel
 * the pursuit page shows. The task page merges the entries into its own timeline.
 */
import { useState, type FormEvent } from 'react';
import { isPending, useAddComment, useComments, useDeleteComment, useEditComment, type Comment, type CommentItem } from '../api/comments.js';
import { toApiError } from '../api/errors.js';
import { useSession } from '../api/session-context.js';
import { dateTime } from '../lib/format.js';
import { COMMENT_BODY_MAX } from '../../../src/comments/mentions.js';
import { CommentBody } from './comment-body.js';
import { ErrorNote } from './error-note.js';

/** One comment as a timeline entry (`<li>`). */
export function CommentEntry({ item, c }: { item: CommentItem; c: Comment }) {
  const { actor, canWrite, me } = useSession();
  const edit = useEditComment(item);
  const remove = useDeleteComment(item);
  const [editing, setEditing] = useState<string | null>(null);
  const pending = isPending(c);
  const mine = c.author_actor === actor;
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (editing === null || !editing.trim()) return;
    edit.mutate({ comment_id: c.comment_id, body: editing }, { onSuccess: () => setEditing(null) });
  };
  const del = () => {
    if (window.confirm('Delete this comment?')) remove.mutate(c.comment_id);
  };
  const error = edit.error ?? remove.error;
  return (
    <li data-kind="comment" className="comment" aria-busy={pending || undefined}>
      <span className="timeline-when">{dateTime(c.created_at)}</span> <strong>{c.author_name}</strong> commented
      {c.edited && <span className="muted"> (edited)</span>}
      {pending && <span className="muted"> — sending…</span>}
      {editing === null ? (
        <CommentBody body={c.body} mentions={c.mentions} />
      ) : (
        <form className="comment-form" onSubmit={save}>
          <label>
            <span className="sr-only">Edit comment</span>
            <textarea rows={4} value={editing} maxLength={COMMENT_BODY_MAX} onChange={(e) => setEditing(e.target.value)} />
          </label>
          <div className="button-row">
            <button type="submit" disabled={edit.isPending || !editing.trim()}>
              Save
            </button>
            <button type="button" className="button-quiet" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {canWrite && !pending && editing === null && (mine || me.role === 'admin') && (
        <div className="button-row comment-actions">
          {mine && (
            <button type="button" className="button-quiet" onClick={() => setEditing(c.body)}>
              Edit<span className="sr-only"> comment</span>
            </button>
          )}
          <button type="button" className="button-quiet" onClick={del} disabled={remove.isPending}>
            Delete<span className="sr-only"> comment</span>
          </button>
        </div>
      )}
      {error && <ErrorNote error={toApiError(error)} />}
    </li>
  );
}

/** The composer: a Markdown textarea with a preview; shown to members and admins only. */
export function CommentComposer({ item }: { item: CommentItem }) {
  const { canWrite } = useSession();
  const add = useAddComment(item);
  const [body, setBody] = useState('');
  const [preview, setPreview] = useState(false);
  if (!canWrite) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    const text = body;
    // Cleared at once (the comment shows in the list); given back if the server refuses it.
    setBody('');
    setPreview(false);
    add.mutate(text, { onError: () => setBody((now) => now || text) });
  };
  return (
    <form className="comment-form" data-testid="comment-composer" onSubmit={submit}>
      <label htmlFor={`comment-${item.item_type}-${item.item_id}`}>Add a comment</label>
      {preview ? (
        <div className="comment-preview" aria-label="Preview">
          {body.trim() ? <CommentBody body={body} mentions={[]} /> : <p className="muted">Nothing to preview.</p>}
        </div>
      ) : (
        <textarea
          id={`comment-${item.item_type}-${item.item_id}`}
          rows={3}
          value={body}
          maxLength={COMMENT_BODY_MAX}
          placeholder="Markdown. Mention a member with @ and their email address."
          onChange={(e) => setBody(e.target.value)}
        />
      )}
      <div className="button-row">
        <button type="submit" disabled={!body.trim()}>
          Comment
        </button>
        <button type="button" className="button-quiet" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          Preview
        </button>
        <span className="muted small">Markdown; @email mentions a member of this organisation.</span>
      </div>
      {add.error && <ErrorNote error={toApiError(add.error)} />}
    </form>
  );
}

/** An item's comments, oldest first, and the composer (the pursuit page). */
export function CommentsPanel({ item }: { item: CommentItem }) {
  const comments = useComments(item);
  const list = comments.data?.data ?? [];
  const titleId = `comments-${item.item_type}-${item.item_id}-title`;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>
        Comments {comments.data && <span className="muted">({comments.data.pagination.total})</span>}
      </h2>
      {comments.error && <ErrorNote error={toApiError(comments.error)} />}
      {comments.data && list.length === 0 && <p className="muted">No comments yet.</p>}
      {list.length > 0 && (
        <ol className="timeline" data-testid="comments">
          {list.map((c) => (
            <CommentEntry key={c.comment_id} item={item} c={c} />
          ))}
        </ol>
      )}
      <CommentComposer item={item} />
    </section>
  );
}
