import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import type { Db } from '../../../db/client';
import { communityPosts, communityThreads } from '../../../db/schema';
import { conflict } from '../../../errors';
import { recordAudit } from '../../audit';
import type { StaffViewer } from '../policies';
import { findReadablePost } from '../queries/findPost';

type PostRow = typeof communityPosts.$inferSelect;

/** Hides a post (and its thread, for an opening post) inside the caller's transaction; the audit entry says why. */
export async function hidePostRow(tx: Db, staff: StaffViewer, post: PostRow, data: Record<string, unknown>) {
  const [row] = await tx
    .update(communityPosts)
    .set({ hiddenAt: sql`now()`, hiddenByUserId: staff.userId })
    .where(and(eq(communityPosts.workspaceId, staff.workspaceId), eq(communityPosts.id, post.id)))
    .returning();
  if (post.isOpening) await tx.update(communityThreads).set({ hiddenAt: sql`now()` }).where(and(eq(communityThreads.workspaceId, staff.workspaceId), eq(communityThreads.id, post.threadId)));
  await recordAudit({ db: tx, action: 'community.postHidden', workspaceId: staff.workspaceId, actor: staff, target: { type: 'community_post', id: post.id }, ip: staff.ip, data: { threadId: post.threadId, threadHidden: post.isOpening, ...data } });
  return row!;
}

export interface SetPostHiddenOptions {
  ctx: Pick<AppContext, 'db'>;
  staff: StaffViewer;
  postId: string;
  hidden: boolean;
  reason?: string;
}

/**
 * A moderator hides a post (members see "hidden by a moderator"; staff and the author still see it)
 * or shows it again. Hiding a thread's opening post takes the thread out of lists.
 */
export async function setPostHidden({ ctx, staff, postId, hidden, reason }: SetPostHiddenOptions) {
  return ctx.db.transaction(async (tx) => {
    const { post } = await findReadablePost(tx, staff, postId);
    if (hidden === !!post.hiddenAt) throw conflict(hidden ? 'This post is already hidden.' : 'This post is not hidden.');
    let row: PostRow;
    if (hidden) row = await hidePostRow(tx, staff, post, { reason: reason ?? null, via: 'moderator' });
    else {
      [row] = (await tx
        .update(communityPosts)
        .set({ hiddenAt: null, hiddenByUserId: null })
        .where(and(eq(communityPosts.workspaceId, staff.workspaceId), eq(communityPosts.id, post.id)))
        .returning()) as [PostRow];
      if (post.isOpening) await tx.update(communityThreads).set({ hiddenAt: null }).where(and(eq(communityThreads.workspaceId, staff.workspaceId), eq(communityThreads.id, post.threadId)));
      await recordAudit({ db: tx, action: 'community.postUnhidden', workspaceId: staff.workspaceId, actor: staff, target: { type: 'community_post', id: post.id }, ip: staff.ip, data: { threadId: post.threadId } });
    }
    return { postId: row.id, threadId: row.threadId, hidden: !!row.hiddenAt, hiddenAt: row.hiddenAt?.toISOString() ?? null, threadHidden: row.isOpening && !!row.hiddenAt };
  });
}
