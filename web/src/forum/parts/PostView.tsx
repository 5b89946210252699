import type { Post } from '../../../../shared/contracts/community';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { AuthorName } from './AuthorName';
import { DateTime } from './DateTime';
import { Reactions } from './Reactions';

/** One post: author, dates, the server-sanitized HTML, reactions and the reply button. */
export function PostView({ post, replyTo, onReply, onChange }: { post: Post; replyTo: Post | null; onReply(p: Post): void; onChange(): void }) {
  const t = useT();
  const { me } = useForum();
  const headingId = `post-${post.id}-by`;
  return (
    <article className={`post${post.author.kind === 'staff' ? ' by-staff' : ''}`} id={`post-${post.id}`} aria-labelledby={headingId}>
      <header className="post-head">
        <span id={headingId}>
          <AuthorName author={post.author} />
        </span>
        <span className="meta">
          <DateTime iso={post.createdAt} />
          {post.editedAt && <> · {t('forum.post.edited')}</>}
        </span>
        {post.state === 'pending' && <span className="badge pending">{t('forum.post.pending')}</span>}
      </header>
      {replyTo && (
        <p className="reply-to">
          <a href={`#post-${replyTo.id}`}>{t('forum.post.inReplyTo', { name: replyTo.author.displayName })}</a>
        </p>
      )}
      {post.deleted ? <p className="deleted">{t('forum.post.deleted')}</p> : <div className="prose" dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? '' }} />}
      {!post.deleted && (
        <footer className="post-actions">
          <Reactions post={post} onChange={onChange} />
          {me?.guidelinesAcknowledgedAt && (
            <button type="button" className="link" onClick={() => onReply(post)}>
              {t('forum.post.reply')}
            </button>
          )}
        </footer>
      )}
    </article>
  );
}
