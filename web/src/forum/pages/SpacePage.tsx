import type { Space, ThreadSummary } from '../../../../shared/contracts/community';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';
import { AuthorName } from '../parts/AuthorName';
import { DateTime } from '../parts/DateTime';
import { NewThreadForm } from '../parts/NewThreadForm';
import { PostingGate } from '../parts/PostingGate';

export function SpacePage({ space, threads }: { space: Space; threads: ThreadSummary[] }) {
  const t = useT();
  const { data, me } = useForum();
  const c = data.community.id;
  const canStart = space.whoCanStart === 'members';
  return (
    <>
      <p className="crumbs">
        <a href={forumPaths.home(c)}>{data.community.name}</a>
      </p>
      <h1>{space.name}</h1>
      {space.description && <p className="lead">{space.description}</p>}
      {space.guidelinesHtml && (
        <details className="space-guidelines">
          <summary>{t('forum.space.guidelines')}</summary>
          <div className="prose" dangerouslySetInnerHTML={{ __html: space.guidelinesHtml }} />
        </details>
      )}
      <section aria-labelledby="threads-title">
        <h2 id="threads-title">{t('forum.space.threads')}</h2>
        {threads.length === 0 ? (
          <p>{t('forum.space.noThreads')}</p>
        ) : (
          <ul className="threads">
            {threads.map((th) => (
              <li key={th.id}>
                <a className="thread-title" href={forumPaths.thread(c, th.id, th.title)}>
                  {th.title}
                </a>
                {th.state === 'pending' && <span className="badge pending">{t('forum.post.pending')}</span>}
                {th.solved && <span className="badge solved">{t('forum.qa.solved')}</span>}
                {th.locked && <span className="badge">{t('forum.thread.locked')}</span>}
                {th.tags.map((tag) => (
                  <span key={tag} className="badge tag">
                    {tag}
                  </span>
                ))}
                <span className="meta">
                  <AuthorName author={th.author} /> · {t('forum.space.replies', { count: th.replyCount })} · <DateTime iso={th.lastPostedAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {canStart && (
        <section aria-labelledby="new-thread-title">
          <h2 id="new-thread-title">{space.kind === 'qa' ? t('forum.qa.ask') : t('forum.newThread.title')}</h2>
          <PostingGate returnTo={forumPaths.space(c, space.slug)}>
            <NewThreadForm space={space} />
          </PostingGate>
        </section>
      )}
      {!canStart && me && <p className="note">{t('forum.space.staffOnly')}</p>}
    </>
  );
}
