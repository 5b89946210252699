import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityPosts, communityThreads } from '../../../db/schema';
import { conflict } from '../../../errors';
import { recordAudit } from '../../audit';
import type { StaffViewer } from '../policies';
import { presentPost } from '../presenters';
import { findReadablePost } from '../queries/findPost';
import { loadAuthors } from '../queries/loadAuthors';
import { emitPostEvent } from '../liveEvents';
import { notifyAboutPost } from './notifyAboutPost';

/** Publishes a pending post; approving a thread's opening post publishes the thread. */
export async function approvePost({ ctx, staff, postId }: { ctx: AppContext; staff: StaffViewer; postId: string }) {
  return ctx.db.transaction(async (tx) => {
    const { post, thread, space } = await findReadablePost(tx, staff, postId);
    if (post.state !== 'pending') throw conflict('This post is already published.');
    const [row] = await tx.update(communityPosts).set({ state: 'published' }).where(and(eq(communityPosts.workspaceId, staff.workspaceId), eq(communityPosts.id, post.id))).returning();
    const threadChange = post.isOpening ? { state: 'published' as const, lastPostedAt: sql`now()` } : { lastPostedAt: sql`now()` };
    await tx.update(communityThreads).set(threadChange).where(and(eq(communityThreads.workspaceId, staff.workspaceId), eq(communityThreads.id, thread.id)));
    // Readable from now on: the same notifications and live event as a post published at once.
    await notifyAboutPost(tx, { post: row!, thread: { ...thread, state: 'published' }, space });
    await emitPostEvent(tx, 'post.created', row!);
    await recordAudit({ db: tx, action: 'community.postApproved', workspaceId: staff.workspaceId, actor: staff, target: { type: 'community_post', id: post.id }, ip: staff.ip, data: { threadId: thread.id } });
    return presentPost(row!, await loadAuthors(tx, staff, [row!]));
  });
}
