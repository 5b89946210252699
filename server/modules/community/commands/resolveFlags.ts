import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityFlags, communityPosts } from '../../../db/schema';
import { conflict, notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import type { StaffViewer } from '../policies';
import { hidePostRow } from './setPostHidden';

/**
 * A moderator settles every open flag of a post at once: agree hides the post (unless it already is
 * hidden or deleted), disagree dismisses the flags and leaves the post as it is. Only pending flags
 * change, in one conditional update, so two moderators deciding at once resolve them once.
 */
export async function resolveFlags({ ctx, staff, postId, decision }: { ctx: AppContext; staff: StaffViewer; postId: string; decision: 'agree' | 'disagree' }) {
  return ctx.db.transaction(async (tx) => {
    const [post] = await tx.select().from(communityPosts).where(and(eq(communityPosts.workspaceId, staff.workspaceId), eq(communityPosts.id, postId)));
    if (!post) throw notFound('That post');
    const resolved = await tx
      .update(communityFlags)
      .set({ status: decision === 'agree' ? 'agreed' : 'disagreed', resolvedAt: sql`now()`, resolvedByUserId: staff.userId })
      .where(and(eq(communityFlags.workspaceId, staff.workspaceId), eq(communityFlags.postId, post.id), eq(communityFlags.status, 'pending')))
      .returning({ id: communityFlags.id });
    if (!resolved.length) throw conflict('This post has no open flags: they were resolved already.');
    let hidden = !!post.hiddenAt;
    if (decision === 'agree' && !hidden && !post.deletedAt) {
      await hidePostRow(tx, staff, post, { via: 'flags' });
      hidden = true;
    }
    await recordAudit({ db: tx, action: 'community.flagsResolved', workspaceId: staff.workspaceId, actor: staff, target: { type: 'community_post', id: post.id }, ip: staff.ip, data: { threadId: post.threadId, decision, flags: resolved.length } });
    return { postId: post.id, decision, resolvedFlags: resolved.length, hidden };
  });
}
