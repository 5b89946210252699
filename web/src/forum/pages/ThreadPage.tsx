import { useCallback, useState } from 'react';
import type { Post, Thread } from '../../../../shared/contracts/community';
import type { CommunityEvent } from '../pageData';
import type { Poll } from '../../../../shared/contracts/communityPolls';
import { errorText } from '../errors';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { forumPaths } from '../paths';
import { EventView } from '../parts/EventView';
import { PollView } from '../parts/PollView';
import { PostingGate } from '../parts/PostingGate';
import { PostView } from '../parts/PostView';
import { ReplyForm } from '../parts/ReplyForm';
import { ThreadMarks } from '../parts/ThreadMarks';
import { useLive } from '../useLive';

/** A thread with its posts; new replies, reactions and votes of others appear live. */
export function ThreadPage({ thread: initial, poll: initialPoll, event: initialEvent }: { thread: Thread; poll: Poll | null; event: CommunityEvent | null }) {
  const t = useT();
  const { api, data, me } = useForum();
  const [thread, setThread] = useState(initial);
  const [poll, setPoll] = useState(initialPoll);
  const [event, setEvent] = useState(initialEvent);
  const [replyTo, setReplyTo] = useState<Post | null>(null);
  const c = data.community.id;
  const reload = useCallback(async () => setThread(await api.get<Thread>(`/threads/${initial.id}`)), [api, initial.id]);
  const reloadPoll = useCallback(async () => setPoll(await api.get<Poll>(`/threads/${initial.id}/poll`)), [api, initial.id]);
  useLive(c, `thread=${initial.id}`, (name) => {
    if (name === 'poll.changed') void reloadPoll().catch(() => undefined);
    else if (name !== 'notification') void reload().catch(() => undefined);
  });
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(thread.posts.map((p) => [p.id, p]));
  const isQa = thread.space.kind === 'qa';
  const asker = me !== null && thread.author.kind === 'member' && thread.author.id === me.id;
  async function accept(post: Post, yes: boolean) {
    setError(null);
    try {
      await (yes ? api.send('PUT', `/threads/${thread.id}/accepted-answer`, { postId: post.id }) : api.send('DELETE', `/threads/${thread.id}/accepted-answer`));
      await reload();
    } catch (err) {
      setError(errorText(t, err));
    }
  }
  const onDeleted = (threadDeleted: boolean) => (threadDeleted ? window.location.assign(forumPaths.space(c, thread.space.slug)) : void reload());
  const actions = { onReply: setReplyTo, onChange: () => void reload(), onDeleted, ...(isQa && asker && { onAccept: (p: Post, yes: boolean) => void accept(p, yes) }) };
  return (
    <article className="thread" aria-labelledby="thread-title">
      <p className="crumbs">
        <a href={forumPaths.home(c)}>{data.community.name}</a> › <a href={forumPaths.space(c, thread.space.slug)}>{thread.space.name}</a>
      </p>
      <h1 id="thread-title">{thread.title}</h1>
      <p className="meta">
        {thread.solved && <span className="badge solved">{t('forum.qa.solved')}</span>}
        {thread.locked && <span className="badge">{t('forum.thread.locked')}</span>}
        {thread.tags.map((tag) => (
          <span key={tag} className="badge tag">
            {tag}
          </span>
        ))}
      </p>
      {thread.solved && thread.acceptedPostId && (
        <p>
          <a href={`#post-${thread.acceptedPostId}`}>{t('forum.qa.goToAnswer')}</a>
        </p>
      )}
      {thread.viewer && <ThreadMarks threadId={thread.id} initial={thread.viewer} />}
      {thread.state === 'pending' && <p className="note">{t('forum.post.pendingThread')}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {event && <EventView event={event} onChange={setEvent} />}
      {poll && <PollView poll={poll} onChange={setPoll} />}
      <ol className="posts" aria-label={t('forum.thread.posts')}>
        {thread.posts.map((p) => (
          <li key={p.id}>
            <PostView post={p} replyTo={p.replyToId ? (byId.get(p.replyToId) ?? null) : null} accepted={p.id === thread.acceptedPostId} actions={actions} />
          </li>
        ))}
      </ol>
      <section aria-labelledby="reply-title">
        <h2 id="reply-title">{t('forum.reply.title')}</h2>
        {thread.locked ? (
          <p className="note">{t('forum.thread.lockedNote')}</p>
        ) : (
          <PostingGate returnTo={forumPaths.thread(c, thread.id, thread.title)}>
            <ReplyForm threadId={thread.id} replyTo={replyTo} onCancelReplyTo={() => setReplyTo(null)} onSent={() => void reload()} requiresApproval={thread.space.requireReplyApproval} />
          </PostingGate>
        )}
      </section>
    </article>
  );
}
