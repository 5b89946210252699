import { useState } from 'react';
import type { Post } from '../../../../shared/contracts/community';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { AuthorName } from './AuthorName';
import { DateTime } from './DateTime';
import { FlagForm } from './FlagForm';
import { LinkPreviews } from './LinkPreviews';
import { PostEditor } from './PostEditor';
import { Reactions } from './Reactions';

export interface PostActions {
  onReply(p: Post): void;
  onChange(): void;
  /** After the author deleted the post (the whole thread when it was the opening post). */
  onDeleted(threadDeleted: boolean): void;
  /** Q&A: set when this viewer may accept an answer (the question's author). */
  onAccept?: (p: Post, accept: boolean) => void;
}

/** One post: author, dates, the server-sanitized HTML (or why there is none), previews, reactions and actions. */
export function PostView({ post, replyTo, accepted, actions }: { post: Post; replyTo: Post | null; accepted: boolean; actions: PostActions }) {
  const t = useT();
  const { me, api } = useForum();
  const [flagging, setFlagging] = useState(false);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = `post-${post.id}-by`;
  const wordless = post.deleted || post.placeholder !== null;
  async function remove() {
    if (!window.confirm(post.isOpening ? t('forum.post.confirmDeleteThread') : t('forum.post.confirmDelete'))) return;
    setError(null);
    try {
      const res = await api.send<{ threadDeleted: boolean }>('DELETE', `/posts/${post.id}`);
      actions.onDeleted(res.threadDeleted);
    } catch (err) {
      setError(errorText(t, err));
    }
  }
  const mine = me !== null && post.author.kind === 'member' && post.author.id === me.id;
  const canAct = Boolean(me?.guidelinesAcknowledgedAt) && !wordless;
  return (
    <article className={`post${post.author.kind === 'staff' ? ' by-staff' : ''}${accepted ? ' accepted' : ''}`} id={`post-${post.id}`} aria-labelledby={headingId}>
      <header className="post-head">
        <span id={headingId}>
          <AuthorName author={post.author} />
        </span>
        <span className="meta">
          <DateTime iso={post.createdAt} />
          {post.editedAt && <> · {t('forum.post.edited')}</>}
          {post.score !== 0 && <> · {t('forum.post.score', { count: post.score })}</>}
        </span>
        {post.state === 'pending' && <span className="badge pending">{t('forum.post.pending')}</span>}
        {post.hidden && !post.placeholder && <span className="badge pending">{t('forum.post.hiddenBadge')}</span>}
        {accepted && <span className="badge solved">{t('forum.qa.acceptedBadge')}</span>}
      </header>
      {replyTo && (
        <p className="reply-to">
          <a href={`#post-${replyTo.id}`}>{t('forum.post.inReplyTo', { name: replyTo.author.displayName })}</a>
        </p>
      )}
      {post.deleted ? (
        <p className="deleted">{t('forum.post.deleted')}</p>
      ) : post.placeholder ? (
        <p className="deleted">{t(`forum.post.placeholder.${post.placeholder}`)}</p>
      ) : editing ? (
        <PostEditor
          post={post}
          onDone={(saved) => {
            setEditing(false);
            if (saved) actions.onChange();
          }}
        />
      ) : (
        <>
          <div className="prose" dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? '' }} />
          <LinkPreviews previews={post.linkPreviews} />
        </>
      )}
      {!wordless && (
        <footer className="post-actions">
          <Reactions post={post} onChange={actions.onChange} />
          {canAct && (
            <button type="button" className="link" onClick={() => actions.onReply(post)}>
              {t('forum.post.reply')}
            </button>
          )}
          {canAct && actions.onAccept && !post.isOpening && (
            <button type="button" className="link" onClick={() => actions.onAccept?.(post, !accepted)}>
              {accepted ? t('forum.qa.unaccept') : t('forum.qa.accept')}
            </button>
          )}
          {canAct && mine && !editing && (
            <>
              <button type="button" className="link" onClick={() => setEditing(true)}>
                {t('forum.post.edit')}
              </button>
              <button type="button" className="link" onClick={() => void remove()}>
                {t('forum.post.delete')}
              </button>
            </>
          )}
          {canAct && !mine && !flagging && (
            <button type="button" className="link" onClick={() => setFlagging(true)}>
              {t('forum.flag.open')}
            </button>
          )}
        </footer>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {flagging && <FlagForm postId={post.id} onDone={() => setFlagging(false)} />}
    </article>
  );
}
