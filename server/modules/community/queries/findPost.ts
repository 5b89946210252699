import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityPosts } from '../../../db/schema';
import { notFound } from '../../../errors';
import type { Viewer } from '../policies';
import { findReadableThread } from './getThread';

/** A post the viewer may see, with its thread and space; deleted posts count as not found. */
export async function findReadablePost(db: Db, viewer: Viewer, postId: string) {
  const [post] = await db.select().from(communityPosts).where(and(eq(communityPosts.workspaceId, viewer.workspaceId), eq(communityPosts.id, postId)));
  if (!post || post.deletedAt) throw notFound('That post');
  const { thread, space } = await findReadableThread(db, viewer, post.threadId);
  if (post.state === 'pending' && viewer.kind !== 'staff' && !(viewer.kind === 'member' && post.authorMemberId === viewer.member.id)) throw notFound('That post');
  return { post, thread, space };
}
