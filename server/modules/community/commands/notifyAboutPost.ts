import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityFollows, communityMembers, communityPosts, type communitySpaces, type communityThreads } from '../../../db/schema';
import { excerpt } from '../../collaboration';
import { mentionedHandles } from '../markdown';
import { presentAuthor } from '../presenters';
import { filterReaders } from '../queries/filterReaders';
import { loadAuthors } from '../queries/loadAuthors';
import { createNotifications, type NewNotification } from './createNotifications';

type PostRow = typeof communityPosts.$inferSelect;
type ThreadRow = typeof communityThreads.$inferSelect;
type SpaceRow = typeof communitySpaces.$inferSelect;
type Prefs = { replies?: unknown; mentions?: unknown };

/**
 * Notifications for a post that has just become readable (published now, or approved): members it
 * @mentions (`mention`), the author of the post it answers (`quote`), and the thread's followers
 * (`reply`). One notification per member and post, the strongest reason winning (mention > quote >
 * reply); never to the writer; only to members who may read the space; `replies: false` silences
 * reply and quote, `mentions: false` silences mentions. After an edit (`mentionsOnly`) only members
 * newly mentioned are told. Nothing is sent about pending posts: approval calls this again.
 */
export async function notifyAboutPost(tx: Db, { post, thread, space, mentionsOnly = false }: { post: PostRow; thread: ThreadRow; space: SpaceRow; mentionsOnly?: boolean }) {
  if (post.state !== 'published' || post.deletedAt || thread.state !== 'published') return [];
  const ws = post.workspaceId;
  const handles = mentionedHandles(post.bodySource);
  const mentioned = handles.length
    ? await tx
        .select({ id: communityMembers.id, prefs: communityMembers.notificationPrefs })
        .from(communityMembers)
        .where(and(eq(communityMembers.workspaceId, ws), inArray(communityMembers.handle, handles)))
    : [];
  let quoted: { id: string; prefs: Prefs }[] = [];
  let followers: { id: string; prefs: Prefs }[] = [];
  if (!mentionsOnly && !post.isOpening) {
    if (post.replyToId) {
      quoted = await tx
        .select({ id: communityMembers.id, prefs: communityMembers.notificationPrefs })
        .from(communityPosts)
        .innerJoin(communityMembers, eq(communityMembers.id, communityPosts.authorMemberId))
        .where(and(eq(communityPosts.workspaceId, ws), eq(communityPosts.id, post.replyToId)));
    }
    followers = await tx
      .select({ id: communityMembers.id, prefs: communityMembers.notificationPrefs })
      .from(communityFollows)
      .innerJoin(communityMembers, eq(communityMembers.id, communityFollows.memberId))
      .where(and(eq(communityFollows.workspaceId, ws), eq(communityFollows.threadId, thread.id)));
  }
  const reasons = new Map<string, NewNotification['kind']>();
  const add = (rows: { id: string; prefs: Prefs }[], kind: NewNotification['kind'], pref: keyof Prefs) => {
    for (const r of rows) if (r.id !== post.authorMemberId && r.prefs[pref] !== false && !reasons.has(r.id)) reasons.set(r.id, kind);
  };
  add(mentioned, 'mention', 'mentions');
  add(quoted, 'quote', 'replies');
  add(followers, 'reply', 'replies');
  if (reasons.size === 0) return [];
  const readers = await filterReaders(tx, space, [...reasons.keys()]);
  const actorName = presentAuthor(post, await loadAuthors(tx, { kind: 'anonymous', workspaceId: ws }, [post])).displayName;
  const payload = { actorName, threadTitle: thread.title, excerpt: excerpt(post.bodySource, 140) };
  const items = [...reasons].filter(([id]) => readers.has(id)).map(([memberId, kind]) => ({ memberId, kind, dedupeKey: `post:${post.id}`, threadId: thread.id, postId: post.id, payload }));
  return createNotifications(tx, ws, items);
}
